import Hummingbird
import ShufaArchive

/// A leader's trail on its own page.
struct TrailPage {
    var frame: PageFrame
    var trail: [TrailView]
}
