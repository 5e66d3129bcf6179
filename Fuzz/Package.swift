// swift-tools-version:5.4
import PackageDescription

// libFuzzer harnesses for Katalog's readers and parsers (issue 14). A package of its own, so the main package's
// `swift build` / `swift test` never see them. Build and run one with `scripts/fuzz.sh TARGET SECONDS`, which
// builds in release with `-enable-testing` (so `@testable import` reaches the internal tokenizers and parsers),
// `-sanitize=fuzzer,address` and `-parse-as-library`: libFuzzer supplies `main`. Tools version 5.4 on purpose:
// from 5.5 on, SwiftPM renames an executable's entry point (`fuzz_csv_main`) and links `main` to it, which a
// harness without a `main` of its own cannot satisfy.
let targets = [
    "fuzz-text-page", "fuzz-html", "fuzz-csv", "fuzz-xml-feed", "fuzz-json", "fuzz-price", "fuzz-quantity-gtin",
    "fuzz-config", "fuzz-xlsx",
]

let package = Package(
    name: "KatalogFuzz",
    dependencies: [.package(name: "Katalog", path: "..")],
    targets: [
        // Invariant checks and the scratch input file shared by every harness.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "KatalogCore", package: "Katalog"),
                .product(name: "KatalogReaders", package: "Katalog"),
                .product(name: "KatalogPipeline", package: "Katalog"),
            ]
        ),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "KatalogCore", package: "Katalog"),
                .product(name: "KatalogReaders", package: "Katalog"),
                .product(name: "KatalogPipeline", package: "Katalog"),
            ],
            path: "Sources/\(name)"
        )
    }
)
