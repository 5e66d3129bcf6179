import Testing
@testable import KatalogCore

/// Descriptions that feeds and spreadsheets carry as HTML.
struct HTMLFragmentTextTests {
    @Test(arguments: [
        ("<p>Soft, breathable tee.</p><p>Machine wash cold.</p>", ["Soft, breathable tee.", "Machine wash cold."]),
        ("<p>Hand-glazed dripper with a 600&nbsp;ml carafe.</p><ul><li>Dishwasher safe</li><li>Fits #2 filters</li></ul>",
         ["Hand-glazed dripper with a 600 ml carafe.", "Dishwasher safe", "Fits #2 filters"]),
        ("Line one<br/>Line two<br>Line three", ["Line one", "Line two", "Line three"]),
        ("<div class=\"desc\" data-x='a>b'><strong>Fett</strong> &amp; <em>kursiv</em> &#8364; 5 &#x20AC;</div>", ["Fett & kursiv € 5 €"]),
        ("<p>Keep</p><script>var price = '<p>9.99</p>';</script><style>p { color: red }</style><p>Also keep</p>", ["Keep", "Also keep"]),
        ("<!-- generated --><h2>Features</h2><table><tr><td>Weight</td><td>2 kg</td></tr></table>", ["Features", "Weight 2 kg"]),
        ("5 < 7 and 9 > 3", ["5 < 7 and 9 > 3"]),
        ("Unknown &bogus; entity &amp stays", ["Unknown &bogus; entity &amp stays"]),
        ("<p>Unclosed <b>bold", ["Unclosed bold"]),
    ] as [(String, [String])])
    func paragraphsOfFragments(html: String, expected: [String]) {
        #expect(HTMLFragmentText.paragraphs(html) == expected)
    }

    @Test(arguments: [
        ("<p>x</p>", true), ("a<br/>b", true), ("</li>", true), ("<!-- c -->", true),
        ("5 < 7", false), ("plain text", false), ("a <3 b", false), ("<p no close", false),
    ])
    func markupIsRecognised(text: String, isMarkup: Bool) {
        #expect(HTMLFragmentText.looksLikeMarkup(text) == isMarkup)
    }
}
