import KatalogReaders

/// The worksheets of an Excel workbook input, each an input of its own named `book.xlsx/Sheet name`, in tab order,
/// as a zip archive's members are (`ArchiveListing`): a price list may keep each category on its own tab, and each
/// tab has its own header row.
///
/// Hidden worksheets (lookup lists, settings) are listed in their place but not read: each is a
/// `Problem.hiddenSheet` there. A workbook with no visible worksheet, or one that cannot be opened, is unreadable with
/// the reason.
struct WorkbookSheets {
    /// Why a workbook's sheets cannot be listed.
    struct Unreadable: Error {
        let reason: String
    }

    /// The worksheets, in tab order.
    let inputs: [InputDiscovery.Input]
    /// The display paths of the hidden ones among `inputs`.
    let hidden: Set<String>

    init(_ workbook: InputDiscovery.Input) throws(Unreadable) {
        let contents: XLSXWorkbook
        do { contents = try XLSXWorkbook(path: workbook.path) } catch { throw Unreadable(reason: "\(error)") }
        guard contents.sheets.contains(where: { !$0.isHidden }) else {
            throw Unreadable(reason: contents.sheets.isEmpty ? "the workbook has no worksheet" : "every worksheet of the workbook is hidden; unhide the one to import in the spreadsheet program")
        }
        var inputs: [InputDiscovery.Input] = []
        var hidden: Set<String> = []
        var seen: Set<String> = []
        for (index, sheet) in contents.sheets.enumerated() {
            // Excel keeps tab names unique (ignoring case) and without `/`; a hand-made workbook may not.
            var name = sheet.name.isEmpty ? "Sheet \(index + 1)" : sheet.name.replacingOccurrences(of: "/", with: "∕")
            if !seen.insert(name.lowercased()).inserted {
                name += " (\(index + 1))"
                seen.insert(name.lowercased())
            }
            let display = workbook.displayPath + "/" + name
            if sheet.isHidden { hidden.insert(display) }
            inputs.append(InputDiscovery.Input(displayPath: display, path: workbook.path, byteCount: sheet.declaredSize, isStream: false, part: sheet.part))
        }
        self.inputs = inputs
        self.hidden = hidden
    }
}
