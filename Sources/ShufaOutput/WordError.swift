import ShufaODF
import ShufaSystem
import ShufaXML

/// Why Word copies (.docx) cannot be made, or one of them was not; rendered in Chinese by `OutputMessages`.
public enum WordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// LibreOffice is not installed: no .docx can be made at all.
    case noLibreOffice
    /// The built ODF document could not be read back to be converted.
    case sourceUnreadable(BuiltDocument.Problem)
    /// LibreOffice could not be started.
    case converterFailed(LibreOffice.Failure)
    /// The private folder for the conversion could not be made or written.
    case workspace(OutputError)
    /// LibreOffice wrote no .docx, even converting the document alone; `timedOut` when it was stopped.
    case notConverted(timedOut: Bool)
    /// What LibreOffice wrote cannot be read back.
    case unreadableOutput(RegularFile.Problem)
    /// What LibreOffice wrote is not a readable ZIP package.
    case notPackage
    /// A part of the package could not be unpacked.
    case damagedPart(ODFParts.ReadError)
    /// A part the package must have is missing (its name).
    case missingPart(String)
    /// A part that holds no XML element (its name).
    case emptyPart(String)
    /// A part that is not well-formed XML (its name, the parser's error).
    case malformedPart(String, XMLParseError)

    public var description: String { OutputMessages.text(self) }
}
