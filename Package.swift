// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Katalog",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "katalog", targets: ["katalog"]),
        .library(name: "KatalogCore", targets: ["KatalogCore"]),
        .library(name: "KatalogPipeline", targets: ["KatalogPipeline"]),
        .library(name: "KatalogSync", targets: ["KatalogSync"]),
        // For the libFuzzer harnesses in Fuzz/ (a package of its own that depends on this one by path).
        .library(name: "KatalogReaders", targets: ["KatalogReaders"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // YAML for `katalog validate --config` (issue 6).
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // Mustache templates for report.html (issue 15).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The system libxml2 (Debian: libxml2-dev). Only KatalogReaders imports it (`LibXML2Tools` serves the
        // benchmark and the tests); `swift build --explicit-target-dependency-import-check error` holds.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The system SQLite (Debian: libsqlite3-dev) for the sync state. Only KatalogSync imports it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Model, normalizers and validation rules. Foundation only.
        .target(
            name: "KatalogCore",
            resources: [.copy("Resources")]
        ),
        // One reader per input kind; syntax only, no normalization.
        .target(
            name: "KatalogReaders",
            dependencies: ["KatalogCore", "CLibXML2"],
            // The page readers' own conventions (html-page.json, text-page.json).
            resources: [.copy("Resources")]
        ),
        // Deterministic, atomic JSON / JSON Lines / CSV / report writers.
        .target(
            name: "KatalogWriters",
            dependencies: ["KatalogCore"]
        ),
        // discover → sniff → read → normalize → validate → write.
        .target(
            name: "KatalogPipeline",
            dependencies: [
                "KatalogCore", "KatalogReaders", "KatalogWriters",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Nightly sync (state store, change sets), cross-source merge and diff, after the pipeline.
        .target(
            name: "KatalogSync",
            dependencies: ["KatalogCore", "KatalogReaders", "KatalogWriters", "KatalogPipeline", "CSQLite"]
        ),
        // report.html and `katalog explain`, built from a run's output files only (issue 15).
        .target(
            name: "KatalogReport",
            dependencies: ["KatalogCore", "KatalogReaders", "KatalogWriters", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "katalog",
            dependencies: [
                "KatalogCore", "KatalogWriters", "KatalogPipeline", "KatalogSync", "KatalogReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput and memory benchmarks (not tests): `swift run -c release katalog-bench <name>`.
        .executableTarget(
            name: "katalog-bench",
            dependencies: ["KatalogCore", "KatalogPipeline", "KatalogReaders"]
        ),
        // Helpers shared by the test targets (a temporary folder per test process).
        .target(name: "KatalogTestSupport", path: "Tests/KatalogTestSupport"),
        .testTarget(name: "KatalogCoreTests", dependencies: ["KatalogCore", "KatalogTestSupport"]),
        .testTarget(name: "KatalogReadersTests", dependencies: ["KatalogCore", "KatalogReaders", "KatalogTestSupport"]),
        .testTarget(name: "KatalogWritersTests", dependencies: ["KatalogCore", "KatalogWriters"]),
        // End-to-end tests run the built `katalog` binary, so it is a dependency; golden cases are read from
        // the source tree (Golden/<case>/{input,expected}) so RECORD_GOLDEN=1 can rewrite them.
        .testTarget(
            name: "KatalogPipelineTests",
            dependencies: ["KatalogCore", "KatalogReaders", "KatalogWriters", "KatalogPipeline", "katalog", "KatalogTestSupport"],
            exclude: ["Golden", "Validate"]
        ),
        // Sync, merge and diff, end to end through the built `katalog` binary (Samples/sync).
        .testTarget(name: "KatalogSyncTests", dependencies: ["KatalogCore", "KatalogSync", "katalog", "KatalogTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "KatalogReportTests", dependencies: ["KatalogCore", "KatalogReport", "katalog", "KatalogTestSupport"]),
    ]
)
