import Testing
@testable import KatalogCore

struct LanguageDetectionTests {
    /// Short texts as shops write them: titles, availability lines, one-sentence descriptions.
    @Test(arguments: [
        ("Belaidis dulkių siurblys su 2 baterijomis, juodas", "lt"),
        ("Prekė yra sandėlyje, pristatymas nemokamai per 2 darbo dienas", "lt"),
        ("DJI Care Refresh metinis planas – įrenginio keitimas", "lt"),
        ("Putekļsūcējs ar maisiņu, 700 W, melns", "lv"),
        ("Prece ir noliktavā, piegāde bez maksas 2 dienu laikā", "lv"),
        ("Juhtmevaba tolmuimeja koos laadijaga, must", "et"),
        ("Toode on laos, tarne tasuta kahe päeva jooksul", "et"),
        ("Odkurzacz bezprzewodowy z dwiema bateriami, czarny", "pl"),
        ("Produkt dostępny w magazynie, darmowa dostawa w 24 godziny", "pl"),
        ("DJI Care Refresh RS 4 Mini (plan roczny)", "pl"),
        ("Kabelloser Staubsauger mit zwei Akkus, schwarz", "de"),
        ("Sofort lieferbar, kostenloser Versand innerhalb von 2 Tagen", "de"),
        ("Bezdrátový vysavač se dvěma bateriemi, černý", "cs"),
        ("Zboží je skladem, doprava zdarma do 2 pracovních dnů", "cs"),
        ("Bezdrôtový vysávač s dvoma batériami, čierny", "sk"),
        ("Tovar je na sklade, doprava zadarmo do dvoch pracovných dní", "sk"),
        ("Johdoton pölynimuri kahdella akulla, musta", "fi"),
        ("Tuote on varastossa, ilmainen toimitus kahdessa päivässä", "fi"),
        ("Беспроводной пылесос с двумя аккумуляторами, чёрный", "ru"),
        ("Товар есть в наличии, бесплатная доставка за 2 дня", "ru"),
        ("Бездротовий пилосос з двома акумуляторами, чорний", "uk"),
        ("Товар є в наявності, безкоштовна доставка за 2 дні", "uk"),
        ("Cordless vacuum cleaner with two batteries, black", "en"),
        ("In stock, free delivery within 2 working days", "en"),
        ("DJI Care Refresh is a service package that allows you to replace a damaged product with a new one.", "en"),
    ])
    func detects(text: String, language: String) {
        #expect(LanguageDetection.builtIn.detect(text) == language, "\(LanguageDetection.builtIn.scores(text).prefix(3).map { "\($0.language)=\($0.score)" })")
    }

    /// Too little to go on: no tag rather than a wrong one.
    @Test(arguments: ["DJI RS 4 Mini", "ILCE-7M4", "BGL38BA3H 700W", "58.99€", ""])
    func leavesCodesUntagged(text: String) {
        #expect(LanguageDetection.builtIn.detect(text) == nil)
    }

    @Test func productGetsTitleAndDescriptionLanguages() {
        let record = RawRecord(
            location: SourceLocation(file: "p.txt", line: 1, record: 1), kind: .textPage,
            fields: [
                RawField(role: .title, label: nil, value: "DJI Care Refresh RS 4 Mini (plan roczny)", origin: .textLine),
                RawField(role: .description, label: nil, value: "DJI Care Refresh is a service package that allows you to replace a damaged product with a new one.", origin: .textLine),
            ]
        )
        let product = ProductNormalizer().normalize(record)
        #expect(product.titleLanguage == "pl")
        #expect(product.descriptionLanguage == "en")
        #expect(product.language == "en")
    }
}
