import CSQLite
import Foundation

/// An error from SQLite: its result code and message, with the statement or step that failed.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// SQLite's primary result code (`SQLITE_BUSY` = 5, `SQLITE_CORRUPT` = 11, `SQLITE_NOTADB` = 26 …).
    public var code: Int32
    public var message: String

    public var description: String { "SQLite error \(code): \(message)" }

    /// Another process holds the database's write lock.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
}

/// The one owner of a SQLite connection: opened in `init`, closed in `deinit`.
///
/// A thin layer over the system SQLite (see docs/sync.md for why not a wrapper library): statements are prepared
/// once and reused, values are bound by position, and every failure is a `SQLiteError` naming what failed.
/// Not thread-safe: one connection serves one thread.
public final class SQLiteDatabase {
    fileprivate let handle: OpaquePointer

    /// Opens (or creates) the database at `path`, waiting up to `busyTimeout` seconds for another writer.
    public init(path: String, busyTimeout: Double = 5) throws {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw SQLiteError(code: status, message: "cannot open \(path): \(message)")
        }
        handle = connection
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(busyTimeout * 1000))
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        defer { sqlite3_free(error) }
        guard status == SQLITE_OK else {
            throw SQLiteError(code: status, message: (error.map { String(cString: $0) } ?? lastMessage) + " (in: \(sql.prefix(120)))")
        }
    }

    /// Compiles `sql` for repeated use.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql)
    }

    /// The first column of the first row of `sql`, as an integer (nil when there is no row or it is NULL).
    public func integer(_ sql: String, _ values: [SQLiteValue] = []) throws -> Int64? {
        let statement = try prepare(sql)
        try statement.bind(values)
        guard try statement.step() else { return nil }
        return statement.isNull(0) ? nil : statement.integer(0)
    }

    /// The first column of the first row of `sql`, as text.
    public func text(_ sql: String, _ values: [SQLiteValue] = []) throws -> String? {
        let statement = try prepare(sql)
        try statement.bind(values)
        guard try statement.step() else { return nil }
        return statement.text(0)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    fileprivate var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A value to bind to a statement parameter.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])

    public static func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
}

/// A compiled statement, owned by this object and finalized in `deinit`. Bind, step through the rows, reset.
public final class SQLiteStatement {
    private let database: SQLiteDatabase
    private let handle: OpaquePointer
    private let sql: String

    fileprivate init(database: SQLiteDatabase, sql: String) throws {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLiteError(code: status, message: database.lastMessage + " (in: \(sql.prefix(120)))")
        }
        self.database = database
        self.handle = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and binds `values` to its parameters 1…n.
    public func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null:
                status = sqlite3_bind_null(handle, index)
            case .integer(let number):
                status = sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                status = sqlite3_bind_text(handle, index, text, -1, katalog_sqlite_transient())
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), katalog_sqlite_transient())
                }
            }
            guard status == SQLITE_OK else { throw failure(status) }
        }
    }

    /// Advances to the next row; false when there is none (the statement is done).
    @discardableResult
    public func step() throws -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure(status)
        }
    }

    /// Binds `values` and runs the statement to its end (for INSERT, UPDATE, DELETE).
    public func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
    }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The column as text; nil when NULL.
    public func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column as bytes; empty when NULL.
    public func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    private func failure(_ status: Int32) -> SQLiteError {
        SQLiteError(code: status, message: database.lastMessage + " (in: \(sql.prefix(120)))")
    }
}
