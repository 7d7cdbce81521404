import Foundation

/// Finishes a .docx LibreOffice wrote from a built ODF document: prompts become Word content controls
/// (`WordPromptControls`), punctuation is written as LibreOffice reads it back (`WordPunctuation`), what
/// changes from run to run is taken out (`WordMetadata`) and the ZIP gets fixed timestamps, so the same
/// ODF document always gives the same bytes.
package enum WordFinisher {
    /// The finished package of the .docx `data`; `file` names it in messages.
    package static func finish(_ data: Data, file: String) throws(WordError) -> [UInt8] {
        var package = try WordPackage(data, file: file)
        try WordPromptControls.apply(to: &package)
        try WordPunctuation.apply(to: &package)
        try WordMetadata.apply(to: &package)
        return package.archive()
    }
}
