// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cbm-assess",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CBMKit", targets: ["CBMKit"]),
        .executable(name: "cbm", targets: ["cbm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // `swift package generate-documentation --target CBMKit` (the CBMKit.docc catalog).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        // The system libyaml (the YAML parser cbm reads every file with), found with pkg-config.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "CBMKit",
            dependencies: [
                "CLibYAML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/questionnaires"), .copy("Resources/prepared"), .copy("Resources/templates"), .copy("Resources/locales")]
        ),
        .executableTarget(
            name: "cbm",
            dependencies: [
                "CBMKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "cbm-bench",
            dependencies: ["CBMKit", "CLibYAML"],
            path: "Benchmarks/Sources/cbm-bench"
        ),
        .testTarget(
            name: "CBMKitTests",
            dependencies: [
                "CBMKit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // The reference the report templates are checked against (ReportTemplateTests).
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "cbmTests",
            dependencies: ["cbm", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
