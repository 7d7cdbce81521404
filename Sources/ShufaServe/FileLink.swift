/// A link to a file on a page.
struct FileLink {
    var href: String
    var name: String
    var format: String

    init(_ file: DeskFile) {
        href = file.link
        name = file.name
        format = file.format
    }
}
