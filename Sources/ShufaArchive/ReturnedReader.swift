import Foundation
import ShufaKit

/// Reads reports returned by leaders (.odt, .fodt, and .docx/.doc through LibreOffice): whose they are
/// from the properties shufa wrote into the draft (or `--leader`, `--year`), their text, and the checks'
/// findings. The file is archived as it came; its name is kept as data only.
struct ReturnedReader {
    let options: CollectOptions

    static let extensions: Set<String> = ["odt", "fodt", "docx", "doc"]

    func read(_ files: [URL]) -> CollectedInputs {
        var inputs = CollectedInputs()
        for (file, parts) in DocumentLoader.load(files, fontConfig: options.fontConfig) {
            switch Result(catching: { () throws(AddProblem) in try document(file, parts: parts) }) {
            case .success(let document): inputs.documents.append(document)
            case .failure(let problem): inputs.problems.append(problem)
            }
        }
        return inputs
    }

    private func document(
        _ file: URL, parts: Result<ODFParts, DocumentLoader.Failure>
    ) throws(AddProblem) -> IncomingDocument {
        let name = file.lastPathComponent
        let digest: FileDigest
        do { digest = try FileDigest.of(file) } catch { throw .unreadable(error) }
        guard case .success(let parts) = parts else {
            throw .unreadableDocument(file: name, reason: DocumentFacts.unreadable)
        }
        let facts = try DocumentFacts(parts: parts, file: name)
        let property = facts.properties[MetaProperty.id]?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let leader = options.leader ?? property.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw .noLeader(file: name)
        }
        guard let year = options.year ?? facts.year else { throw .noYear(file: name) }
        // A report given another leader's 编号 with --leader says nothing true about this leader.
        let person = property == leader ? facts.person(year: year, id: leader) : LeaderInfo(year: year, id: leader)
        return IncomingDocument(
            file: file, digest: digest, original: name, year: year, unit: person.unit, leader: leader,
            kind: "returned", format: IncomingDocument.format(of: name), origin: .returned,
            check: try? options.checker?.check(parts, path: name), text: facts.text, person: person)
    }
}
