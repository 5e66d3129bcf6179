import Testing
@testable import KatalogCore

struct LabelCoverageTests {
    static let languages = ["en", "lt", "lv", "et", "pl", "de", "cs", "sk", "fi", "ru", "uk"]

    /// Across every bundled label file (they are merged), each canonical key has labels in all eleven languages.
    @Test func everyCanonicalKeyHasLabelsInEveryLanguage() throws {
        var labels: [String: [String: [String]]] = [:]
        for file in BundledData.labelFiles {
            for (key, byLanguage) in file.labels ?? [:] { labels[key, default: [:]].merge(byLanguage) { $0 + $1 } }
        }
        for key in KeyTable.builtIn.keys.keys.sorted() {
            for language in Self.languages {
                let found = labels[key]?[language] ?? []
                #expect(found.count > 0, "\(key) has no \(language) label")
            }
        }
    }

    @Test(arguments: [
        ("Název produktu", "title"), ("Výrobce", "brand"), ("Hmotnost brutto (kg)", "gross_weight"), ("Čárový kód", "gtin"),
        ("Názov produktu", "title"), ("Výrobca", "brand"), ("Hmotnosť netto", "net_weight"), ("Farba", "color"),
        ("Tuotteen nimi", "title"), ("Valmistaja", "brand"), ("Bruttopaino", "gross_weight"), ("Saatavuus", "availability"),
        ("Наименование товара", "title"), ("Производитель", "brand"), ("Вес брутто", "gross_weight"), ("Артикул", "sku"),
        ("Назва товару", "title"), ("Виробник", "brand"), ("Вага нетто", "net_weight"), ("Наявність", "availability"),
        ("Rozměry (Š x V x H)", "package_dimensions"), ("Wymiary (dł. x szer. x wys.)", "package_dimensions"),
    ])
    func mapsNewLanguages(label: String, key: String) {
        #expect(LabelDictionary.builtIn.match(label)?.key == key)
    }

    @Test func vocabulariesCoverEveryLanguage() {
        let vocabulary = ValueVocabulary.builtIn
        let checks: [(String, [String])] = [
            ("yes_no", ["yes", "no"]), ("availability", ["in_stock", "out_of_stock"]),
            ("color", ["black", "white", "red", "blue"]), ("plan_term", ["monthly", "annual", "biennial"]),
        ]
        let file = BundledData.decode(VocabularyFile.self, from: "vocabulary").vocabularies
        for (name, values) in checks {
            #expect(vocabulary.has(name))
            for value in values {
                for language in Self.languages {
                    let words = file[name]?[value]?[language] ?? []
                    #expect(words.count > 0, "\(name).\(value) has no \(language) word")
                }
            }
        }
    }

    struct VocabularyFile: Decodable { var vocabularies: [String: [String: [String: [String]]]] }

    @Test(arguments: [
        ("skladem", "availability", "in_stock"), ("в наличии", "availability", "in_stock"), ("немає в наявності", "availability", "out_of_stock"),
        ("varastossa", "availability", "in_stock"), ("čierna", "color", "black"), ("чорний", "color", "black"),
        ("roční", "plan_term", "annual"), ("2 роки", "plan_term", "biennial"), ("kyllä", "yes_no", "yes"), ("нет", "yes_no", "no"),
    ])
    func newVocabularyWords(word: String, vocabulary: String, value: String) {
        #expect(ValueVocabulary.builtIn.lookup(word, in: vocabulary)?.value == value)
    }

    @Test func userDictionaryMergesOverBuiltIn() {
        let user = LabelDictionary.File(
            labels: ["sku": ["cs": ["Kód"]], "mpn": ["fi": ["Koodi"]]],
            vocabularies: ["color": ["black": ["fi": ["musta"]], "navy": ["en": ["navy blue"]]]]
        )
        let tables = NormalizationTables().merging(userFile: user)
        #expect(tables.labels.match("Koodi")?.key == "mpn")
        #expect(tables.labels.match("Výrobce")?.key == "brand")
        #expect(tables.vocabulary.lookup("navy blue", in: "color")?.value == "navy")
        #expect(tables.vocabulary.lookup("černá", in: "color")?.value == "black")
    }
}
