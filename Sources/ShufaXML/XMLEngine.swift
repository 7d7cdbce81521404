import CLibXML2
import Foundation
import ShufaSystem

/// The libxml2 this process runs with, as far as its behaviour could differ: its version and the identity of
/// its shared library file (a patched library of the same version is another file), for caches of results
/// that libxml2 computed (`ProofCache`).
public enum XMLEngine {
    public static let identity: String = {
        XMLLibrary.initialize()
        var text = "libxml2 " + (__xmlParserVersion()?.pointee.map { String(cString: $0) } ?? "?")
        let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
        let library = maps.split(separator: "\n").lazy.compactMap { line in
            line.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init)
        }.first { $0.hasPrefix("/") && $0.contains("/libxml2.so") }
        return text + " " + (library.map(FileIdentity.of) ?? "static")
    }()
}
