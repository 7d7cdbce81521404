import ShufaRoster
import ShufaSystem

/// Why the catalog cannot be used: the file, the line when known, and what is wrong; rendered in Chinese by
/// `CatalogMessages`.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The line of the file the error is on, when known.
    public var line: Int?
    public var problem: Problem
    /// Where in the file's structure the error is (keys and list positions), for finding its line.
    var path: [CatalogPath]

    init(file: String, _ problem: Problem, path: [CatalogPath] = []) {
        self.file = file
        self.problem = problem
        self.path = path
    }

    /// What is wrong and what to change, without the file and line.
    public var message: String { CatalogMessages.text(problem) }
    /// 「catalog.yaml 第 12 行：……」.
    public var description: String { CatalogMessages.text(self) }

    /// What is wrong.
    public enum Problem: Error, Sendable, Equatable {
        case file(RegularFile.Problem)
        case notUTF8
        case syntax(RosterFault)
        case missingKey(String)
        /// A value of the wrong kind: what was expected.
        case wrongKind(expected: ValueKind)
        /// A value the decoder refused (its words).
        case badValue(String)
        /// A role names a point set or task list (`key`, `name`) that `list` does not hold.
        case unknownReference(role: String, key: String, name: String, list: String)
        case roleTwice(String)
        case unknownKind(String)
        /// A template path that is absolute or climbs out with `..`.
        case templateOutside(String)
        /// A 职责清单 built from points names a point set that `pointSets` does not hold.
        case unknownTaskListPoints(list: String, name: String)
        /// A 职责清单 has neither duties nor points to build them from.
        case emptyTaskList(String)
        /// `locality` sets a marker that texts cannot use.
        case unknownLocalitySetting(String)
        /// A text holds `{…}` that is not a place marker.
        case unknownPlaceMarker(String)
        /// `reportForms.accepted` lists no form.
        case noAcceptedReportForm
    }

    /// The kinds of YAML value.
    public enum ValueKind: Sendable, Equatable {
        case list, mapping, scalar
    }
}

extension CatalogError {
    package init(file: String, _ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, .missingKey(key.stringValue), path: Self.path(context))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            self.init(file: file, .wrongKind(expected: Self.kind(type)), path: Self.path(context))
        case .dataCorrupted(let context):
            self.init(file: file, .badValue(context.debugDescription), path: Self.path(context))
        @unknown default:
            self.init(file: file, .badValue("\(error)"))
        }
    }

    package init(file: String, _ fault: RosterFault) {
        self.init(file: file, .syntax(fault))
    }

    private static func path(_ context: DecodingError.Context) -> [CatalogPath] {
        context.codingPath.map { $0.intValue.map(CatalogPath.index) ?? .key($0.stringValue) }
    }

    /// The kind of value a type stands for (Yams names its node kinds).
    private static func kind(_ type: Any.Type) -> ValueKind {
        let name = "\(type)"
        if name.contains("Sequence") || name.hasPrefix("Array") { return .list }
        if name.contains("Mapping") || name.hasPrefix("Dictionary") { return .mapping }
        return .scalar
    }
}
