import Foundation
import ShufaKit

/// What `add` brings: the documents and grades read from the inputs, and what was wrong with them.
public struct CollectedInputs: Sendable {
    public var documents: [IncomingDocument]
    public var grades: [LeaderGrade]
    public var problems: [AddProblem]

    public init(documents: [IncomingDocument] = [], grades: [LeaderGrade] = [], problems: [AddProblem] = []) {
        self.documents = documents
        self.grades = grades
        self.problems = problems
    }

    /// Adds the account a folder carries of itself (summary.json and its journal, print.json, tally.json) as a
    /// document of `kind`, or the reason it cannot be read.
    mutating func addAccount(
        _ file: URL, original: String, year: Int, kind: String, format: String, origin: DocumentOrigin
    ) {
        do {
            documents.append(
                IncomingDocument(
                    file: file, digest: try FileDigest.of(file), original: original, year: year,
                    unit: "", leader: "", kind: kind, format: format, origin: origin))
        } catch {
            problems.append(.unreadable(error))
        }
    }
}
