#if canImport(Glibc)
import Glibc
#endif

/// Process-wide allocator settings for long imports.
enum AllocatorTuning {
    /// glibc gives each thread that meets contention its own malloc arena (up to eight per core by default), and an
    /// arena keeps what it freed. Capped at two, a 1.1 GB feed import on 2 jobs peaked at 78 MB instead of 86 MB,
    /// but every thread beyond the second shares an arena lock: once the pipeline freed memory on the thread that
    /// allocated it (`OrderedExecutor`), the cap was what kept threads waiting on arena locks. A 2-job import runs
    /// about nine threads (reader, workers, hand-on and writer queues); eight arenas took a 300 MB Google feed on
    /// 2 jobs from 38,000 to 8,000 context switches and 11.1 s to 9.4 s at 75 MB peak (72 MB with two). A
    /// `MALLOC_ARENA_MAX` set by the user wins.
    static func apply() {
        #if canImport(Glibc)
        guard getenv("MALLOC_ARENA_MAX") == nil,
              // `mallopt` is in <malloc.h>, which Swift's Glibc module does not include; look it up instead.
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(arenaMaximumParameter, arenaMaximum)
        #endif
    }

    /// The most malloc arenas the process may have.
    private static let arenaMaximum: Int32 = 8

    /// `M_ARENA_MAX` from glibc's <malloc.h>.
    private static let arenaMaximumParameter: Int32 = -8
}
