import Testing
@testable import KatalogCore

struct LabelDictionaryTests {
    @Test(arguments: [
        ("Modelis", "mpn"), ("Gamintojas", "brand"), ("Prekės kodas", "sku"), ("PREKES KODAS:", "sku"), ("EAN", "gtin"),
        ("Kod producenta", "mpn"), ("Producent", "brand"), ("Kod EAN", "gtin"), ("Cena brutto", "price"),
        ("Ražotājs", "brand"), ("Svītrkods", "gtin"), ("Cena", "price"), ("Tootja", "brand"), ("Ribakood", "gtin"),
        ("Hersteller", "brand"), ("Artikelnummer", "sku"), ("EAN-Code", "gtin"),
        ("Box length", "package_length"), ("Gross weight", "gross_weight"), ("Usługa", "service_delivery"),
        ("Minimalna liczba towaru w zamówieniu detalicznym", "min_retail_order_quantity"),
    ])
    func mapsLabelsInManyLanguages(label: String, key: String) {
        #expect(LabelDictionary.builtIn.match(label)?.key == key)
    }

    @Test func takesUnitAndCurrencyFromLabelSuffix() throws {
        let weight = try #require(LabelDictionary.builtIn.match("Svoris (kg)"))
        #expect(weight.key == "weight")
        #expect(weight.unitHint == "kg")
        let length = try #require(LabelDictionary.builtIn.match("Length [cm]"))
        #expect(length.key == "package_length")
        #expect(length.unitHint == "cm")
        let price = try #require(LabelDictionary.builtIn.match("Kaina (EUR)"))
        #expect(price.key == "price")
        #expect(price.currencyHint == "EUR")
    }

    @Test(arguments: [
        ("Svoris (kg)", "Svoris", "kg"), ("Length [cm]", "Length", "cm"), ("  Kaina (EUR):  ", "Kaina", "EUR"),
        (":Waga (g)::", "Waga", "g"), ("Weight (kg) :", "Weight (kg) ", nil), ("Price (tax excl.)", "Price", "tax excl."),
        ("Model", "Model", nil), ("Prekės kodas:", "Prekės kodas", nil), (":::", "", nil), ("(kg)", "(kg)", nil),
        ("Box (a very long suffix)", "Box (a very long suffix)", nil), ("Plotis ( cm )", "Plotis", "cm"),
        ("Ilgis (cm) [mm]", "Ilgis (cm)", "mm"), ("Aukštis (см)", "Aukštis", "см"),
    ] as [(String, String, String?)])
    func splitsAUnitOrCurrencySuffixOffTheLabel(label: String, base: String, suffix: String?) {
        let split = LabelDictionary.splitSuffix(label)
        #expect(split.base == base)
        #expect(split.suffix == suffix)
    }

    @Test func unknownLabelIsNotGuessed() {
        #expect(LabelDictionary.builtIn.match("test") == nil)
    }

    @Test func userFileOverridesBuiltIn() throws {
        var dictionary = LabelDictionary.builtIn
        dictionary.merge(LabelDictionary.File(labels: ["mpn": ["en": ["test"]]], vocabularies: nil), overriding: true)
        #expect(dictionary.match("test")?.key == "mpn")
        #expect(dictionary.match("Modelis")?.key == "mpn")
    }
}

struct ValueVocabularyTests {
    @Test(arguments: [
        ("Roczny", "plan_term", "annual", "pl"), ("Metinis", "plan_term", "annual", "lt"), ("Annual", "plan_term", "annual", "en"),
        ("dwuletni", "plan_term", "biennial", "pl"), ("Karta z kodem", "service_delivery", "code_card", "pl"),
        ("Tak", "yes_no", "yes", "pl"), ("Taip", "yes_no", "yes", "lt"), ("Jā", "yes_no", "yes", "lv"), ("Yes", "yes_no", "yes", "en"),
        ("Ir noliktavā", "availability", "in_stock", "lv"), ("sofort lieferbar", "availability", "in_stock", "de"),
        ("melns", "color", "black", "lv"), ("czarny", "color", "black", "pl"),
    ])
    func mapsWords(word: String, vocabulary: String, value: String, language: String) throws {
        let match = try #require(ValueVocabulary.builtIn.lookup(word, in: vocabulary))
        #expect(match.value == value)
        #expect(match.languages.contains(language))
    }

    @Test func jaIsYesInGermanAndEstonianJah() {
        #expect(ValueVocabulary.builtIn.lookup("Ja", in: "yes_no")?.value == "yes")
        #expect(ValueVocabulary.builtIn.lookup("jah", in: "yes_no")?.value == "yes")
    }
}
