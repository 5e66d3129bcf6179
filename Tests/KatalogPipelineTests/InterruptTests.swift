import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A run stopped part-way leaves the previous outputs as they were and none of its temporary files.
struct InterruptTests {
    /// A CSV long enough that the run is still writing when it is stopped (debug builds read it in tens of seconds).
    private static func largeFeed(in folder: URL) throws -> URL {
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        var text = "Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas;Spalva\n"
        for row in 1...150_000 { text += "SKU-\(row);Kavos aparatas De'Longhi Magnifica S #\(row);De'Longhi;\(row % 900),99;EUR;4700000000012;juoda\n" }
        try Data(text.utf8).write(to: input.appendingPathComponent("prekes.csv"))
        return input
    }

    /// Regression: a SIGTERM (`timeout`, a cancelled job) in the middle of a 300,000-row import left six
    /// `.catalog.*.tmp-<pid>` files, 500 MB, in the output folder.
    @Test(arguments: [SIGTERM, SIGINT])
    func aStoppedRunRemovesItsTemporaryFilesAndKeepsThePreviousOutputs(signal number: Int32) throws {
        let folder = try TestSupport.temporaryDirectory()
        let input = try Self.largeFeed(in: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("[\"last night's catalog\"]\n".utf8).write(to: out.appendingPathComponent("catalog.json"))

        let process = Process()
        process.executableURL = TestSupport.katalogBinary
        process.arguments = ["import", input.path, "--out", out.path, "--jobs", "2"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Stopped once it writes: its temporary catalog exists.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning,
              !((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).contains(where: { $0.hasPrefix(".catalog.json.tmp-") }) {
            usleep(20_000)
        }
        try #require(process.isRunning, "the run ended before it could be stopped; make the feed longer")
        kill(process.processIdentifier, number)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == number)
        #expect(message.contains("stopped by \(number == SIGTERM ? "SIGTERM" : "SIGINT")"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["catalog.json"])
        #expect(try String(contentsOf: out.appendingPathComponent("catalog.json"), encoding: .utf8) == "[\"last night's catalog\"]\n")
    }
}
