import Foundation

/// A UTF-8 CSV or TSV roster read from disk a piece at a time.
enum StreamedTable {
    static func open(_ url: URL, reader: RosterReader, format: RosterFormat) throws(RosterError) -> (any RosterSource)?
    {
        nil
    }
}
