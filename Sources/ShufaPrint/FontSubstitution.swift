import Foundation

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-match", "-f", "%{family}|%{file}|%{style}", name]
        var environment = ProcessInfo.processInfo.environment
        if let fontConfig { environment["FONTCONFIG_FILE"] = fontConfig.path }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
