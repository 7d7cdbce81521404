/// The column headers of the tally's tables, shared by the workbook shufa writes and the readers.
enum EntryColumns {
    static let id = "编号", name = "姓名", unit = "单位", position = "职务", role = "类别"
    static let subject = "评价主体"
    static let expected = "应到人数", present = "实到人数", issued = "发出票数", returned = "收回票数"
    static let abstained = "弃权", spoiled = "废票"
    static let veto = "一票否决事由"
    /// Ballot files: one row per ballot and leader.
    static let ballot = "票号", grade = "等次"

    /// The columns identifying a leader, prefilled and locked in the entry workbook.
    static let leader = [id, name, unit, position, role]
    /// Attendance and ballots of a 测评, before the votes.
    static let attendance = [expected, present, issued, returned]

    /// Every count column of a 测评 in order: attendance, the grades, 弃权, 废票.
    static func counts(grades: [String]) -> [String] { attendance + grades + [abstained, spoiled] }

    /// The name of the sheet of the entry workbook.
    static let entrySheet = "测评录入"
    /// The name of the sheet explaining it.
    static let notesSheet = "说明"
}
