import Foundation

/// Finds the product(s) a plan covers: mapped attributes first (`Seria Ronin: DJI RS 4 Mini`), then the title
/// (`… for Galaxy S24 Ultra`, or what follows the plan's name), then a description sentence that lists models.
///
/// A candidate must contain a digit to count as a model name (`washing machines` is a category, not a model);
/// the brand is put in front when the text leaves it out. Nothing found leaves the list empty.
struct ServicePlanCoverage {
    let patterns: ServicePlanPatterns

    func models(attributes: [Attribute], title: ServicePlanText?, titleLine: Int?, titleAnchor: NSRange?, brand: String?,
                sentences: [ServicePlanText.Sentence]) -> [PlanFact<String>] {
        var found: [PlanFact<String>] = []
        // A title that starts with the brand is the maker's own plan (`DJI Care Refresh RS 4 Mini`): a model read
        // from it gets the brand in front. Attribute values are kept as written, since a plan's brand is often
        // the insurer's, not the device maker's.
        let makerPrefix: String? = brand.flatMap { brand in
            guard !brand.isEmpty, let title, title.folded.hasPrefix(TextFolding.fold(brand)) else { return nil }
            return brand
        }
        func add(_ raw: String, origin: PlanFactOrigin, language: String?, prefixBrand: Bool = false) {
            var model = TextCleaning.cleanLine(raw).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:-–()"))
            guard !model.isEmpty, model.contains(where: \.isNumber) else { return }
            if prefixBrand, let brand = makerPrefix, !TextFolding.fold(model).hasPrefix(TextFolding.fold(brand)) { model = brand + " " + model }
            guard !found.contains(where: { TextFolding.fold($0.value) == TextFolding.fold(model) }) else { return }
            found.append(PlanFact(model, origin: origin, language: language))
        }

        for key in patterns.coveredModelKeys {
            for attribute in attributes where attribute.isMapped && attribute.key == key {
                for piece in Self.split(attribute.value) {
                    add(piece, origin: PlanFactOrigin(source: .attribute, label: attribute.label, match: attribute.originalValue, line: attribute.line), language: nil)
                }
            }
            if !found.isEmpty { return found }
        }

        if let title {
            let start: Int?
            var language: String?
            if let cue = patterns.cue("title_for").firstMatch(in: title) {
                start = cue.range.location + cue.range.length
                language = cue.language
            } else {
                start = titleAnchor.map { $0.location + $0.length }
            }
            if let start, let model = modelText(in: title, from: start) {
                add(model, origin: PlanFactOrigin(source: .title, match: model, line: titleLine), language: language, prefixBrand: true)
            }
            if !found.isEmpty { return found }
        }

        for sentence in sentences {
            guard let cue = patterns.cue("covered_list").firstMatch(in: sentence.text) else { continue }
            let after = sentence.text.originalText(NSRange(location: cue.range.location + cue.range.length, length: sentence.text.fullRange.length - cue.range.location - cue.range.length))
            let list = after.drop { $0 == ":" || $0 == " " }
            for piece in Self.split(String(list)) {
                add(piece, origin: PlanFactOrigin(source: .description, paragraph: sentence.paragraph, sentence: sentence.index, match: piece), language: cue.language, prefixBrand: true)
            }
            if !found.isEmpty { return found }
        }
        return found
    }

    /// GTINs of covered products named by attributes (`covered_gtin`); only valid GTINs are kept.
    func gtins(attributes: [Attribute]) -> [PlanFact<String>] {
        var found: [PlanFact<String>] = []
        for key in patterns.coveredGTINKeys {
            for attribute in attributes where attribute.isMapped && attribute.key == key {
                for piece in Self.split(attribute.value) {
                    let (gtin, _) = GTINParsing.parse(piece)
                    guard gtin.isValid, let digits = gtin.digits, !found.contains(where: { $0.value == digits }) else { continue }
                    found.append(PlanFact(digits, origin: PlanFactOrigin(source: .attribute, label: attribute.label, match: piece, line: attribute.line), language: nil))
                }
            }
        }
        return found
    }

    /// The title text from `start` up to a bracket, dash or comma, with plan-term words taken out.
    private func modelText(in title: ServicePlanText, from start: Int) -> String? {
        let total = title.fullRange.length
        guard start < total else { return nil }
        var text = title.originalText(NSRange(location: start, length: total - start))
        for stop in ["(", " - ", " – ", " — ", ",", "|", "/", "+"] {
            if let range = text.range(of: stop) { text = String(text[..<range.lowerBound]) }
        }
        let piece = ServicePlanText(text)
        var removals: [NSRange] = ServicePlanReading.durations(in: piece, patterns: patterns).map(\.range)
        for (_, cues) in patterns.termWords {
            if let found = cues.firstMatch(in: piece) { removals.append(found.range) }
        }
        var characters = Array(text)
        for range in removals.sorted(by: { $0.location > $1.location }) {
            guard let swiftRange = Range(range, in: piece.folded) else { continue }
            let lower = piece.folded.distance(from: piece.folded.startIndex, to: swiftRange.lowerBound)
            let upper = piece.folded.distance(from: piece.folded.startIndex, to: swiftRange.upperBound)
            guard lower <= upper, upper <= characters.count else { continue }
            characters.replaceSubrange(lower..<upper, with: [])
        }
        let model = TextCleaning.cleanLine(String(characters))
        return model.isEmpty ? nil : model
    }

    /// `DJI Action 2, DJI RS 3 / DJI RS 3 Pro` → the names.
    static func split(_ value: String) -> [String] {
        value.components(separatedBy: CharacterSet(charactersIn: ",;|/\n"))
            .flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
    }
}
