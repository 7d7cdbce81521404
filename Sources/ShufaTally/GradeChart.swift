import Foundation
import ShufaODF

/// A horizontal stacked bar chart of grade counts (one bar per 序列 or unit), drawn as SVG and placed in
/// the ODF document as an embedded image (`draw:frame` / `draw:image` / `office:binary-data`), so it
/// prints wherever the document does. Long lists are cut into several images that fit a page.
struct GradeChart {
    /// One bar: a label and a count per bucket (the grades, then 待定 for tied leaders).
    struct Bar {
        var label: String
        var counts: [Int]
    }

    let buckets: [String]
    let bars: [Bar]
    /// The frame's name (draw:name), numbered when the chart is cut.
    let name: String

    static let colours = ["#2e75b6", "#70ad47", "#ffc000", "#c00000", "#7030a0", "#a5a5a5"]
    private static let width = 600.0, labelWidth = 170.0, rowHeight = 26.0, legendHeight = 34.0, barsPerImage = 24
    /// Width in the document; the text block of GB/T 9704 is 15.6 cm.
    private static let frameWidth = 15.0

    /// The frames, one per image, joined by line breaks, for a paragraph.
    func frames() -> String {
        let chunks = stride(from: 0, to: max(bars.count, 1), by: Self.barsPerImage).map {
            Array(bars[$0..<min($0 + Self.barsPerImage, bars.count)])
        }
        let largest = max(1, bars.map { $0.counts.reduce(0, +) }.max() ?? 1)
        return chunks.enumerated().map { index, chunk in
            let svg = self.svg(chunk, largest: largest)
            let height = Self.frameWidth * self.height(chunk.count) / Self.width
            let frameName = chunks.count > 1 ? "\(name)\(index + 1)" : name
            return
                "<draw:frame draw:name=\"\(XMLEscaping.escaped(frameName, quote: true))\" text:anchor-type=\"as-char\""
                + " svg:width=\"\(Self.centimetres(Self.frameWidth))\""
                + " svg:height=\"\(Self.centimetres(height))\" draw:z-index=\"0\">"
                + "<draw:image draw:mime-type=\"image/svg+xml\">"
                + "<office:binary-data>\(Data(svg.utf8).base64EncodedString())"
                + "</office:binary-data></draw:image></draw:frame>"
        }.joined(separator: "<text:line-break/>")
    }

    private func height(_ count: Int) -> Double { Self.legendHeight + Double(max(count, 1)) * Self.rowHeight + 8 }

    private static func centimetres(_ value: Double) -> String { String(format: "%.2fcm", value) }

    func svg(_ bars: [Bar], largest: Int) -> String {
        let height = height(bars.count)
        let font = "font-family=\"SimHei, 黑体, Noto Sans CJK SC, sans-serif\""
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" height=\"\(Int(height))\""
            + " viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\">"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        var x = Self.labelWidth
        for (index, bucket) in buckets.enumerated() {
            svg +=
                "<rect x=\"\(x)\" y=\"8\" width=\"14\" height=\"14\""
                + " fill=\"\(Self.colours[index % Self.colours.count])\"/>"
            svg += "<text x=\"\(x + 18)\" y=\"20\" font-size=\"13\" \(font)>\(XMLEscaping.escaped(bucket))</text>"
            x += 22 + Double(bucket.count) * 14 + 14
        }
        let scale = (Self.width - Self.labelWidth - 50) / Double(largest)
        for (row, bar) in bars.enumerated() {
            let y = Self.legendHeight + Double(row) * Self.rowHeight
            svg +=
                "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 17)\" font-size=\"13\" text-anchor=\"end\" \(font)>"
                + "\(XMLEscaping.escaped(Self.shortened(bar.label)))</text>"
            var left = Self.labelWidth
            for (index, count) in bar.counts.enumerated() where count > 0 {
                let width = Double(count) * scale
                svg +=
                    "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(Self.rowHeight - 6)\""
                    + " fill=\"\(Self.colours[index % Self.colours.count])\"/>"
                if width >= 16 {
                    svg +=
                        "<text x=\"\(left + width / 2)\" y=\"\(y + 17)\" font-size=\"12\""
                        + " text-anchor=\"middle\" fill=\"#ffffff\""
                        + " \(font)>\(count)</text>"
                }
                left += width
            }
            svg +=
                "<text x=\"\(left + 6)\" y=\"\(y + 17)\" font-size=\"12\" \(font)>\(bar.counts.reduce(0, +)) 人</text>"
        }
        return svg + "</svg>"
    }

    /// Labels longer than the label column are cut with an ellipsis.
    private static func shortened(_ label: String) -> String {
        label.count > 12 ? String(label.prefix(11)) + "…" : label
    }
}
