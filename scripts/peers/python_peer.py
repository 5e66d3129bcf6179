#!/usr/bin/env python3
"""The Python peer pipelines that `katalog-bench feeds` and `katalog-bench html` measure Katalog against (issue 12).

What a competent Python engineer would write for the same nightly job, one process, in the libraries such a
pipeline uses: the standard `csv` module, `lxml.etree.iterparse` for feeds, `lxml.html` with `extruct` (JSON-LD,
Microdata, OpenGraph; RDFa Lite by XPath, see `rdfa_lite_product`) for product pages, `price-parser` for prices
and `python-stdnum` for EAN/GTIN checksums. Each record's fields are mapped, its price parsed into a Decimal
amount and a currency, its GTIN validated, its weight and box dimensions read as Decimals with a unit, its text
whitespace-collapsed; then it is written to `catalog.jsonl` and `catalog.csv`, or to `rejects.jsonl` with its
reasons, and `report.json` gets the counts.

It does less than Katalog per record (no language detection, no service plans, no provenance, no run rules, no
diagnostics per field), so a ratio against it flatters the peer, not Katalog.

    python_peer.py csv FILE OUT_DIR
    python_peer.py google FILE OUT_DIR
    python_peer.py html DIR OUT_DIR      (every *.html file of DIR, in name order)

Needs: pip install price-parser python-stdnum lxml (and extruct for html)
"""
import csv
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation

from lxml import etree
from price_parser import Price
from stdnum import ean

# Column and specification labels seen in shop exports and pages, lowercased, to canonical fields (Lithuanian,
# English, Polish, German, Latvian, Czech). A manufacturer's code (`Modelis`, `Kod producenta`) is not the shop's
# SKU, and the peer keeps no MPN: such labels are left out.
LABELS = {
    "prekės kodas": "sku", "preces kods": "sku", "sku": "sku", "kod": "sku", "artikelnummer": "sku", "id": "sku",
    "pavadinimas": "name", "name": "name", "title": "name", "nazwa": "name", "produktname": "name",
    "gamintojas": "brand", "ražotājs": "brand", "výrobce": "brand", "brand": "brand", "marka": "brand",
    "producent": "brand", "hersteller": "brand",
    "kaina": "price", "price": "price", "cena": "price", "preis": "price",
    "valiuta": "currency", "currency": "currency", "waluta": "currency", "währung": "currency",
    "barkodas": "gtin", "svītrkods": "gtin", "ean": "gtin", "gtin": "gtin", "barcode": "gtin", "kod ean": "gtin",
    "svoris (kg)": "weight_kg", "weight (kg)": "weight_kg", "waga (kg)": "weight_kg", "gewicht (kg)": "weight_kg",
    "ilgis (cm)": "length_cm", "length (cm)": "length_cm", "długość (cm)": "length_cm",
    "plotis (cm)": "width_cm", "width (cm)": "width_cm", "szerokość (cm)": "width_cm",
    "aukštis (cm)": "height_cm", "height (cm)": "height_cm", "wysokość (cm)": "height_cm",
    "aprašymas": "description", "description": "description", "opis": "description", "beschreibung": "description",
    "likutis sandėlyje": "stock", "stock": "stock", "stan": "stock",
}
CSV_COLUMNS = ["sku", "name", "brand", "gtin", "price_amount", "price_currency", "weight_kg",
               "length_cm", "width_cm", "height_cm", "description"]
# Currency symbols price-parser returns as written, to ISO 4217 codes.
SYMBOLS = {"€": "EUR", "zł": "PLN", "Kč": "CZK", "$": "USD", "£": "GBP", "Ft": "HUF", "lei": "RON", "kr": "SEK"}
SPACE = re.compile(r"\s+")
TAGS = re.compile(r"<[^>]+>")
QUANTITY = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([a-zA-Z]*)\s*$")
TO_KG = {"kg": Decimal(1), "g": Decimal("0.001"), "lb": Decimal("0.45359237"), "": Decimal(1)}
TO_CM = {"cm": Decimal(1), "mm": Decimal("0.1"), "m": Decimal(100), "in": Decimal("2.54"), "": Decimal(1)}


def clean(text):
    return SPACE.sub(" ", text).strip() if text else ""


def decimal(text):
    try:
        return Decimal(text.strip().replace(",", ".")) if text and text.strip() else None
    except InvalidOperation:
        return None


def quantity(text, table):
    match = QUANTITY.match(text or "")
    if not match or match.group(2).lower() not in table:
        return None
    return Decimal(match.group(1).replace(",", ".")) * table[match.group(2).lower()]


class Catalog:
    """Writes the accepted records, the rejects and the counts."""

    def __init__(self, out_dir):
        os.makedirs(out_dir, exist_ok=True)
        self.out_dir = out_dir
        self.jsonl = open(os.path.join(out_dir, "catalog.jsonl"), "w", encoding="utf-8")
        self.csv_file = open(os.path.join(out_dir, "catalog.csv"), "w", encoding="utf-8", newline="")
        self.csv = csv.writer(self.csv_file)
        self.csv.writerow(CSV_COLUMNS)
        self.rejects = open(os.path.join(out_dir, "rejects.jsonl"), "w", encoding="utf-8")
        self.read = self.accepted = self.rejected = self.warnings = 0

    def add(self, source, record, fields):
        self.read += 1
        problems = []
        name = clean(fields.get("name"))
        if not name:
            problems.append("name missing")
        price = Price.fromstring(fields.get("price") or "", currency_hint=fields.get("currency"))
        if price.amount is None:
            problems.append("price unreadable: %r" % fields.get("price"))
        gtin = (fields.get("gtin") or "").strip()
        if gtin and not ean.is_valid(gtin):
            self.warnings += 1
            gtin = ""
        if problems:
            self.rejected += 1
            self.rejects.write(json.dumps({"source": source, "record": record, "reasons": problems},
                                          ensure_ascii=False) + "\n")
            return
        product = {
            "sku": clean(fields.get("sku")), "name": name, "brand": clean(fields.get("brand")), "gtin": gtin,
            "price": {"amount": str(price.amount), "currency": SYMBOLS.get(price.currency, price.currency or "")},
            "weight_kg": fields.get("weight_kg"), "length_cm": fields.get("length_cm"),
            "width_cm": fields.get("width_cm"), "height_cm": fields.get("height_cm"),
            "description": clean(TAGS.sub(" ", fields.get("description") or "")),
            "source": {"file": source, "record": record},
        }
        for key in ("weight_kg", "length_cm", "width_cm", "height_cm"):
            value = product[key]
            # Plain notation without trailing zeros: 1100 g is "1.1" kg, 300 mm is "30" cm (not "3E+1").
            product[key] = format(value.normalize(), "f") if value is not None else None
        self.accepted += 1
        self.jsonl.write(json.dumps(product, ensure_ascii=False) + "\n")
        self.csv.writerow([product["sku"], name, product["brand"], gtin, product["price"]["amount"],
                           product["price"]["currency"], product["weight_kg"], product["length_cm"],
                           product["width_cm"], product["height_cm"], product["description"]])

    def close(self):
        for handle in (self.jsonl, self.csv_file, self.rejects):
            handle.close()
        with open(os.path.join(self.out_dir, "report.json"), "w", encoding="utf-8") as report:
            json.dump({"totals": {"read": self.read, "accepted": self.accepted, "rejected": self.rejected,
                                  "warning": self.warnings}}, report)


def import_csv(path, catalog):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        dialect = csv.Sniffer().sniff(handle.read(65536), delimiters=",;\t|")
        handle.seek(0)
        rows = csv.reader(handle, dialect)
        header = [LABELS.get(label.strip().lower()) for label in next(rows)]
        for number, row in enumerate(rows, start=1):
            fields = {key: value for key, value in zip(header, row) if key}
            fields["weight_kg"] = decimal(fields.get("weight_kg"))
            for key in ("length_cm", "width_cm", "height_cm"):
                fields[key] = decimal(fields.get(key))
            catalog.add(path, number, fields)


def import_google(path, catalog):
    g = "{http://base.google.com/ns/1.0}"
    parser_options = dict(events=("end",), tag="item", resolve_entities=False, no_network=True, huge_tree=False)
    for number, (_, item) in enumerate(etree.iterparse(path, **parser_options), start=1):
        text = {child.tag: child.text for child in item}
        fields = {
            "sku": text.get(g + "id"), "name": text.get("title"), "brand": text.get(g + "brand"),
            "price": text.get(g + "price"), "gtin": text.get(g + "gtin"), "description": text.get("description"),
            "weight_kg": quantity(text.get(g + "shipping_weight"), TO_KG),
            "length_cm": quantity(text.get(g + "shipping_length"), TO_CM),
            "width_cm": quantity(text.get(g + "shipping_width"), TO_CM),
            "height_cm": quantity(text.get(g + "shipping_height"), TO_CM),
        }
        catalog.add(path, number, fields)
        # Free what iterparse built so memory stays flat on any feed size.
        item.clear()
        while item.getprevious() is not None:
            del item.getparent()[0]


PRICE_CLASS = '//*[contains(concat(" ", normalize-space(@class), " "), " price ")]'


def first(value):
    """The first of a list, the `@value` or `name` of a node, else the value itself."""
    while isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value", value.get("name", value.get("@id")))
        return first(value)
    return value


def typed(item, name):
    types = item.get("@type") or []
    types = types if isinstance(types, list) else [types]
    return any(t in (name, "http://schema.org/" + name, "https://schema.org/" + name) for t in types)


def schema_product(extracted):
    """The first schema.org Product of the page's JSON-LD (graphs flattened) or Microdata, as plain fields."""
    items = []
    for item in extracted.get("json-ld", []):
        items.extend(item.get("@graph", [item]))
    items.extend(extracted.get("microdata", []))
    for item in items:
        if typed(item, "Product"):
            # One offer or a list of them; the first one counts.
            offer = item.get("offers")
            if isinstance(offer, list):
                offer = offer[0] if offer else None
            offer = offer if isinstance(offer, dict) else {}
            return {"name": first(item.get("name")), "sku": first(item.get("sku")), "brand": first(item.get("brand")),
                    "gtin": first(item.get("gtin13") or item.get("gtin") or item.get("gtin14") or item.get("gtin8")),
                    "description": first(item.get("description")), "price": first(offer.get("price")),
                    "currency": first(offer.get("priceCurrency"))}
    return None


def rdfa_lite_product(tree):
    """The first schema.org Product in RDFa Lite (`typeof` / `property`), read with XPath: extruct's RDFa goes
    through pyRdfa and costs about 250 ms a page, which no nightly job would keep."""
    products = tree.xpath('//*[@typeof="Product" or @typeof="schema:Product"]')
    if not products:
        return None

    def properties(scope):
        found = {}
        for element in scope.xpath(".//*[@property]"):
            # Only the scope's own properties: not those of a nested item (offers, brand) below it.
            owner = next((a for a in element.iterancestors() if a.get("typeof") is not None), None)
            if owner is scope:
                name = element.get("property").split(":")[-1]
                found.setdefault(name, element if element.get("typeof") is not None
                                 else element.get("content") or clean(element.text_content()))
        return found

    product = properties(products[0])
    offer = product.get("offers")
    offer = properties(offer) if offer is not None and not isinstance(offer, str) else {}
    brand = product.get("brand")
    brand = properties(brand).get("name") if brand is not None and not isinstance(brand, str) else brand
    return {"name": product.get("name"), "sku": product.get("sku"), "brand": brand,
            "gtin": product.get("gtin13") or product.get("gtin"), "description": product.get("description"),
            "price": offer.get("price"), "currency": offer.get("priceCurrency")}


def import_html(directory, catalog):
    import extruct
    import lxml.html
    names = sorted(name for name in os.listdir(directory) if name.endswith(".html"))
    for number, name in enumerate(names, start=1):
        path = os.path.join(directory, name)
        with open(path, "rb") as handle:
            data = handle.read()
        # libxml2 reads the page's <meta charset>, as a browser would.
        tree = lxml.html.document_fromstring(data)
        canonical = tree.xpath('//link[@rel="canonical"]/@href')
        base = canonical[0] if canonical else None
        extracted = extruct.extract(tree, base_url=base, syntaxes=["json-ld", "microdata", "opengraph"],
                                    uniform=True, errors="log")
        product = schema_product(extracted)
        product = product or rdfa_lite_product(tree) or {}
        graph = (extracted.get("opengraph") or [{}])[0]
        # The specification table (label / value rows) and "Label: value" list items fill what the markup left out.
        items = (item.text_content() for item in tree.xpath("//li[span]"))
        pairs = [tuple(text.split(":", 1)) for text in items if ":" in text]
        pairs += [(row.findtext("th"), row.find("td").text_content()) for row in tree.xpath("//tr[th and td]")]
        for label, text in pairs:
            field = LABELS.get(clean(label).lower())
            if field and not product.get(field):
                product[field] = clean(text)
        fields = {
            "name": product.get("name") or graph.get("og:title") or clean(" ".join(tree.xpath("//h1//text()"))),
            "sku": product.get("sku") or graph.get("product:retailer_item_id"),
            "brand": product.get("brand"), "gtin": product.get("gtin"), "description": product.get("description"),
            "price": product.get("price") or graph.get("product:price:amount"),
            "currency": product.get("currency") or graph.get("product:price:currency"),
        }
        if not fields["price"]:
            prices = tree.xpath(PRICE_CLASS)
            fields["price"] = clean(prices[0].text_content()) if prices else None
        if not fields["description"]:
            paragraphs = tree.xpath('//*[contains(@class, "description")]//p')
            fields["description"] = " ".join(paragraph.text_content() for paragraph in paragraphs)
        catalog.add(path, number, {key: str(value) if value is not None else None for key, value in fields.items()})


def main(arguments):
    importers = {"csv": import_csv, "google": import_google, "html": import_html}
    if len(arguments) != 3 or arguments[0] not in importers:
        sys.stderr.write(__doc__)
        return 2
    kind, path, out_dir = arguments
    catalog = Catalog(out_dir)
    importers[kind](path, catalog)
    catalog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
