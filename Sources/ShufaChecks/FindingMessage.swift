import ShufaCatalog

/// What a check found, with the details that matter; rendered by `CheckMessages` to the Chinese sentence a
/// clerk reads and acts on.
enum FindingMessage {
    case unknownRole(String, known: [String])
    case noRole(known: [String])
    case lawOnlyNotAccepted
    case combinedNotAccepted
    case unknownForm
    case missingDuty
    case missingLaw
    case missingProblems
    case partsOrder
    case lawSplit(places: Int)
    case lawInTable
    case lawNested(parent: String?)
    case lawRunInPoint(parent: String?)
    case lawSubheadings(Int)
    case length(count: Int, limits: LawLength, wholeReport: Bool)
    case uncovered(number: Int, point: DutyPoint)
    case prompt(String)
    case promptStyledText(String)
    case marker(String)
    case blanks([String])
    case nameNotInHeader(String)
    case emptyProperty(String)
    case belowMinimum(Minimum, value: Double)
    case schema(String)
    case moreSchemaIssues(Int)
    case vendorExtensions(Int)

    var text: String { CheckMessages.text(self) }
}

extension Finding {
    init(_ rule: Rule, _ severity: Severity, _ message: FindingMessage, at location: String) {
        self.init(rule: rule, severity: severity, message: message.text, location: location)
    }
}
