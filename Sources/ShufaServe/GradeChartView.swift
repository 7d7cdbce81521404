/// A series' grades as one stacked bar drawn in SVG on the page (attributes, no style: the page allows no
/// inline style), with a legend.
struct GradeChartView {
    var width: Int
    var segments: [Segment]

    struct Segment {
        var x: Int
        var width: Int
        var colour: String
        var label: String
        var count: Int
        var legendX: Int
        var legendTextX: Int
    }

    static let colours = ["#2e75b6", "#70ad47", "#ffc000", "#c00000", "#7030a0", "#a5a5a5"]
    static let barWidth = 600

    init(_ counts: [GradeCount]) {
        width = Self.barWidth
        let total = max(1, counts.reduce(0) { $0 + $1.count })
        var x = 0
        segments = counts.enumerated().map { index, count in
            let width = count.count * Self.barWidth / total
            defer { x += width }
            return Segment(
                x: x, width: width, colour: Self.colours[index % Self.colours.count], label: count.grade,
                count: count.count, legendX: index * 100, legendTextX: index * 100 + 16)
        }
    }
}
