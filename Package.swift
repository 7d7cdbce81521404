// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "shufa",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shufa", targets: ["shufa"]),
        .executable(name: "shufa-bench", targets: ["shufa-bench"]),
        .library(name: "ShufaKit", targets: ["ShufaKit"]),
        .library(name: "ShufaTally", targets: ["ShufaTally"]),
        .library(name: "ShufaArchive", targets: ["ShufaArchive"]),
        .library(name: "ShufaServe", targets: ["ShufaServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The archive's index: SQLite (Debian libsqlite3-dev) with WAL and FTS5.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The browser desk (`shufa serve`): HTTP server, bcrypt and sessions, server-rendered pages.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Tests only: generators for the fuzz tests of the roster readers and the template marker parser.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libxml2, the XML engine: parsing, trees, RELAX NG validation.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib's deflate and CRC-32, for writing ODF packages.
        .systemLibrary(name: "CZlibShim", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libxlsxwriter, for the tally's XLSX workbooks.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Text helpers every stage uses: trimming, edit distance, Chinese numerals.
        .target(name: "ShufaText"),
        // Safe parsing and schema validation over libxml2.
        .target(name: "ShufaXML", dependencies: ["CLibXML2", "ShufaSystem"]),
        // What shufa asks of the system: files read and written safely, the cores, and the external
        // programs (LibreOffice, qpdf, child processes).
        .target(name: "ShufaSystem", dependencies: ["ShufaText", .product(name: "Crypto", package: "swift-crypto")]),
        // ODF packages: XML escaping, deterministic ZIP writing, reading packages and Flat XML back.
        .target(name: "ShufaODF", dependencies: ["CZlibShim", "ShufaXML", "ShufaSystem", "ZIPFoundation"]),
        // The pipeline, one target per stage, each importing only the stages before it:
        // roster → catalog → template → checks → outputs → print.
        .target(name: "ShufaRoster", dependencies: [
            "ShufaText", "ShufaXML", "ShufaODF", "ShufaSystem", "Yams", "ZIPFoundation",
        ]),
        .target(name: "ShufaCatalog", dependencies: ["ShufaRoster", "ShufaText", "ShufaSystem", "Yams"]),
        .target(name: "ShufaTemplate", dependencies: [
            "ShufaCatalog", "ShufaRoster", "ShufaText", "ShufaXML", "ShufaODF", "ShufaSystem",
        ]),
        .target(name: "ShufaChecks", dependencies: [
            "ShufaTemplate", "ShufaCatalog", "ShufaRoster", "ShufaText", "ShufaXML", "ShufaODF", "ShufaSystem",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "ShufaOutput", dependencies: [
            "ShufaChecks", "ShufaTemplate", "ShufaCatalog", "ShufaRoster", "ShufaText", "ShufaXML", "ShufaODF",
            "ShufaSystem", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "ShufaPrint", dependencies: [
            "ShufaOutput", "ShufaCatalog", "ShufaText", "ShufaXML", "ShufaODF", "ShufaSystem",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The whole pipeline under one name: `import ShufaKit` re-exports every stage above.
        .target(name: "ShufaKit", dependencies: [
            "ShufaText", "ShufaXML", "ShufaSystem", "ShufaODF", "ShufaRoster", "ShufaCatalog", "ShufaTemplate",
            "ShufaChecks", "ShufaOutput", "ShufaPrint",
        ]),
        // After the outputs: 测评 tallied into 考核等次 (ShufaKit never imports it).
        .target(name: "ShufaTally", dependencies: [
            "ShufaKit", "ShufaODF", "ShufaXML", "CXLSXWriter", "Yams", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The archive: files stored by content, the SQLite index, the review trail (after the pipeline).
        .target(name: "ShufaArchive", dependencies: [
            "ShufaKit", "ZIPFoundation", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The browser desk: pages and uploads over the same library the command line drives.
        .target(name: "ShufaServe", dependencies: [
            "ShufaKit", "ShufaTally", "ShufaArchive", "ShufaODF", "ZIPFoundation",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Pages")]),
        .executableTarget(name: "shufa", dependencies: [
            "ShufaKit", "ShufaTally", "ShufaArchive", "ShufaServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "shufa-bench", dependencies: [
            "ShufaKit", "ShufaTally", "ShufaArchive", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ShufaKitTests", dependencies: [
            "ShufaKit", "ShufaText", "ShufaXML", "ShufaSystem", "ShufaODF", "ShufaRoster", "ShufaCatalog",
            "ShufaTemplate", "ShufaChecks", "ShufaOutput", "ShufaPrint", "ShufaTally", "ShufaArchive",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ShufaServeTests", dependencies: [
            "ShufaServe", "ShufaKit", "ShufaArchive", "ShufaODF", "ZIPFoundation",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
    ]
)
