import Foundation
import ShufaSystem

/// An official face (公文字体) a document names that this machine does not have, and the free face
/// LibreOffice prints it with instead, as fontconfig resolves it under the font configuration shufa gives
/// LibreOffice (`fonts/fonts.conf`): e.g. 仿宋_GB2312 → FandolFang.
public struct FontSubstitution: Sendable, Codable, Equatable {
    /// The face the document names (仿宋_GB2312, 方正小标宋简体 …).
    public var official: String
    /// The face used in its place, with its style when not the regular one (FandolSong Bold).
    public var used: String

    /// The substitutions for `names` (in that order), asking `fc-match` with `fontConfig`; empty when
    /// fontconfig's tools are missing.
    public static func find(_ names: [String], fontConfig: URL?) -> [FontSubstitution] {
        names.compactMap { name in
            guard let answer = match(name, fontConfig: fontConfig) else { return nil }
            let fields = answer.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            let families = fields[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !families.contains(name), let family = families.first, !family.isEmpty else { return nil }
            let style = fields[2].split(separator: ",").first.map(String.init) ?? ""
            let regular = ["Regular", "Book", "Normal", "Medium", "R", ""].contains(style)
            return FontSubstitution(official: name, used: regular ? family : "\(family) \(style)")
        }
    }

    /// `family|file|style` of the font fontconfig picks for `name`, nil when `fc-match` cannot run.
    private static func match(_ name: String, fontConfig: URL?) -> String? {
        let environment = fontConfig.map { ["FONTCONFIG_FILE": $0.path] } ?? [:]
        let options = ChildProcess.Options(environment: environment)
        guard let run = try? ChildProcess.run("fc-match", ["-f", "%{family}|%{file}|%{style}", name], options),
            run.status == 0
        else { return nil }
        return run.output
    }
}
