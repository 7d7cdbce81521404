import Foundation
import GRDB
import ShufaKit

/// What a year's transfer package holds, read from the index: the documents with the names they get in
/// the package, and the tables (index, leaders, trail) and the note that describe them.
struct ExportPackage {
    enum Content {
        case stored(String)
        case text(String)
    }

    struct Document {
        /// The entry's path inside the package folder, and the stored file's digest.
        var path: String
        var sha256: String
    }

    static let manifestName = "manifest-sha256.txt"

    let year: Int
    /// The package's folder: every entry is inside it.
    var root: String { "述法档案-\(year)" }
    var documents: [Document] = []
    var tables: [(path: String, text: String)] = []

    init(year: Int, db: Database) throws {
        self.year = year
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.*, b.size, coalesce(l.name, '') AS name, coalesce(l.position, '') AS position,
                       coalesce(l.role, '') AS role, l.grade FROM document d JOIN blob b ON b.sha256 = d.sha256
                LEFT JOIN leader l ON l.year = d.year AND l.id = d.leader WHERE d.year = ?
                ORDER BY d.unit, d.leader, d.kind, d.origin, d.format, d.sha256
                """, arguments: [year])
        var index = CSVTable(header: [
            "年度", "单位", "编号", "姓名", "职务", "述法主体类别", "文书", "文书代码", "格式", "来源", "检查结论",
            "错误数", "提醒数", "等次", "大小（字节）", "SHA-256", "原文件名", "归档时间", "包内路径",
        ])
        for row in rows {
            let document = Document(path: Self.path(row), sha256: row["sha256"])
            documents.append(document)
            let verdict = (row["verdict"] as String?).flatMap(Verdict.init(rawValue:))?.chineseName ?? ""
            let origin = (row["origin"] as String?).flatMap(DocumentOrigin.init(rawValue:))?.chineseName ?? ""
            index.append([
                String(year), row["unit"], row["leader"], row["name"], row["position"], row["role"],
                KindNames.chinese(row["kind"]), row["kind"], row["format"], origin, verdict,
                (row["errors"] as Int?).map(String.init) ?? "", (row["warnings"] as Int?).map(String.init) ?? "",
                row["grade"] ?? "", String(row["size"] as Int64), document.sha256, row["original"], row["added"],
                document.path,
            ])
        }
        tables = [
            ("index.csv", index.text), ("leaders.csv", try Self.leaders(year: year, db: db)),
            ("trail.csv", try Self.trail(year: year, db: db)), ("说明.txt", note(documents: rows.count)),
        ]
    }

    /// `files/<单位>/<编号-姓名>/<文书>-<来源>-<digest>.<format>`, every part made safe: names that came from
    /// documents never become paths as they are.
    private static func path(_ row: Row) -> String {
        let sha256: String = row["sha256"]
        let leader: String = row["leader"]
        let unit: String = row["unit"]
        let origin = (row["origin"] as String?).flatMap(DocumentOrigin.init(rawValue:))?.chineseName ?? "其他"
        var folders = ["files"]
        if !unit.isEmpty { folders.append(OutputFiles.safeName(unit)) }
        if !leader.isEmpty { folders.append(OutputFiles.safeName("\(leader)-\(row["name"] as String)")) }
        let name = OutputFiles.safeName("\(KindNames.chinese(row["kind"]))-\(origin)-\(sha256.prefix(12))")
        return (folders + ["\(name).\(row["format"] as String)"]).joined(separator: "/")
    }

    private static func leaders(year: Int, db: Database) throws -> String {
        var table = CSVTable(header: [
            "年度", "编号", "姓名", "单位", "职务", "述法主体类别", "组织", "当前状态", "考核序列", "综合得分", "等次",
            "决定等次的规则",
        ])
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT l.*,
                    (SELECT state FROM trail t WHERE t.year = l.year AND t.leader = l.id
                     ORDER BY t.id DESC LIMIT 1) AS state
                FROM leader l WHERE l.year = ? ORDER BY l.unit, l.id
                """, arguments: [year])
        {
            let state = (row["state"] as String?).flatMap(ReviewState.init(rawValue:))?.chineseName ?? ""
            table.append([
                String(year), row["id"], row["name"], row["unit"], row["position"], row["role"], row["organization"],
                state,
                row["series"] ?? "", (row["composite"] as Double?).map { String($0) } ?? "", row["grade"] ?? "",
                row["rule"] ?? "",
            ])
        }
        return table.text
    }

    private static func trail(year: Int, db: Database) throws -> String {
        var table = CSVTable(header: [
            "序号", "年度", "编号", "姓名", "状态", "办理人", "说明", "越过拒绝的理由", "所涉报告 SHA-256", "时间",
            "前一条哈希", "本条哈希",
        ])
        let names = Dictionary(
            try LeaderLookup.all(year: year, db: db).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for entry in try Trail.entries(db, year: year) {
            table.append([
                String(entry.id), String(entry.year), entry.leader, names[entry.leader] ?? "", entry.state.chineseName,
                entry.actor, entry.note, entry.override ?? "", entry.report ?? "", entry.at, entry.previous, entry.hash,
            ])
        }
        return table.text
    }

    private func note(documents count: Int) -> String {
        """
        \(year)年度述职述法档案移交包（shufa archive export 生成）

        files/             文书原件，按 单位/编号-姓名/ 存放，文件名为「文书-来源-SHA-256 前 12 位」
        index.csv          文书索引：每份文书一行，含年度、单位、姓名、类别、检查结论、等次、SHA-256、原文件名、归档时间
        leaders.csv        领导干部：述法主体类别、审核状态、考核等次
        trail.csv          审核记录：下发草稿、交回、审核/审定、报送、归档，每条含办理人、时间及哈希链
        manifest-sha256.txt  本包每个文件的 SHA-256；在本文件夹中运行 sha256sum -c manifest-sha256.txt 可逐一核对

        共 \(count) 份文书。

        """.replacingOccurrences(of: "\n", with: "\r\n")
    }
}
