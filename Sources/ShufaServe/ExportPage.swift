import Hummingbird
import ShufaArchive

/// The export form.
struct ExportPage {
    var frame: PageFrame
    var year: String
}
