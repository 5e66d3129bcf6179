#!/usr/bin/env python3
"""Writes Samples/feeds/kainorastis-2026-12.xlsx: a supplier's price list as Excel 2016 saves it.

The parts and their layout follow what Excel writes (ECMA-376; checked against workbooks saved by Excel): text in
the shared string table, numbers as Excel's shortest double text (with the binary artefacts Excel itself stores,
such as 14.000000000000002), dates as serial numbers under a date style, VAT as a fraction under a percent style,
a formula with its cached result, an #N/A from a failed lookup, a title row above the header, a hidden lookup tab
and an empty Sheet3. Run it again to rebuild the sample; the bytes are the same every time (fixed zip dates).
"""
import sys
import zipfile

OUT = sys.argv[1] if len(sys.argv) > 1 else "Samples/feeds/kainorastis-2026-12.xlsx"

strings = []


def s(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def gtin(body):
    """`body` with its GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def col(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def cell(ref, value, style=0):
    """value: str → shared string; ('n', text) number; ('f', formula, cached); ('e', error); ('b', 0/1)"""
    st = f' s="{style}"' if style else ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"{st}><v>{s(value)}</v></c>'
    kind = value[0]
    if kind == "n":
        return f'<c r="{ref}"{st}><v>{value[1]}</v></c>'
    if kind == "f":
        return f'<c r="{ref}"{st}><f>{esc(value[1])}</f><v>{value[2]}</v></c>'
    if kind == "e":
        return f'<c r="{ref}" t="e"{st}><f>{esc(value[1])}</f><v>{value[2]}</v></c>'
    if kind == "b":
        return f'<c r="{ref}" t="b"{st}><v>{value[1]}</v></c>'
    raise ValueError(kind)


def sheet(rows, cols_width=None, merge=None):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" '
           'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">']
    last = max((len(r[1]) for r in rows), default=1)
    out.append(f'<dimension ref="A1:{col(last - 1)}{rows[-1][0] if rows else 1}"/>' if rows else '<dimension ref="A1"/>')
    out.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>')
    out.append("<sheetData>")
    for number, cells in rows:
        out.append(f'<row r="{number}" spans="1:{last}" x14ac:dyDescent="0.25">')
        for index, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, tuple) and value[0] == "style":
                out.append(cell(f"{col(index)}{number}", value[2], value[1]))
            else:
                out.append(cell(f"{col(index)}{number}", value))
        out.append("</row>")
    out.append("</sheetData>")
    if merge:
        out.append(f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>')
    out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    return "".join(out)


DATE, PERCENT, MONEY = 1, 2, 3
header = ["Prekės kodas", "Pavadinimas", "Gamintojas", "Barkodas", "Kaina be PVM", "PVM", "Kaina su PVM", "Valiuta",
          "Svoris (kg)", "Ilgis (cm)", "Plotis (cm)", "Aukštis (cm)", "Likutis sandėlyje", "Galioja nuo"]
kavos = [
    (1, ["Didmeninis kainoraštis 2026-12-01 — UAB „Techna“"]),
    (3, header),
    (4, ["KA-1001", "Kavos aparatas De'Longhi Magnifica S ECAM22.110.B", "De'Longhi", ("n", gtin("800439932554")),
         ("style", MONEY, ("n", "247.10000000000002")), ("style", PERCENT, ("n", "0.21")),
         ("style", MONEY, ("f", "E4*(1+F4)", "298.99100000000004")), "EUR", ("n", "9.1"), ("n", "43"), ("n", "24"),
         ("n", "35.200000000000003"), ("n", "12"), ("style", DATE, ("n", "46357"))]),
    (5, ["KA-1002", "Kavos malūnėlis Bosch TSM6A011W", "Bosch", ("n", gtin("424200277343")),
         ("style", MONEY, ("n", "18.95")), ("style", PERCENT, ("n", "0.21")),
         ("style", MONEY, ("f", "E5*(1+F5)", "22.929499999999997")), "EUR", ("n", "1.0000000000000002"),
         ("n", "20"), ("n", "11"), ("n", "9.5"), ("n", "0"), ("style", DATE, ("n", "46357"))]),
    (6, ["KA-1003", "Pieno putų plakiklis Nespresso Aeroccino 4", "Nespresso", ("n", gtin("763003036363")),
         ("style", MONEY, ("e", "VLOOKUP(A6,Kainos!A:B,2,FALSE)", "#N/A")), ("style", PERCENT, ("n", "0.21")),
         ("style", MONEY, ("e", "E6*(1+F6)", "#N/A")), "EUR", ("n", "0.88"), ("n", "17.5"), ("n", "12"),
         ("n", "21"), ("n", "5"), ("style", DATE, ("n", "46364"))]),
    (7, ["KA-1004", "Kavos pupelės Lavazza Qualità Oro, 1 kg", "Lavazza", ("n", gtin("800007002058")),
         ("style", MONEY, ("n", "14.000000000000002")), ("style", PERCENT, ("n", "9.0000000000000011E-2")),
         ("style", MONEY, ("f", "E7*(1+F7)", "15.260000000000002")), "EUR", ("n", "1.02"), ("n", "24.5"),
         ("n", "14"), ("n", "8"), ("n", "140"), ("style", DATE, ("n", "46357"))]),
]
arbatos = [
    (1, ["Prekės kodas", "Pavadinimas", "Gamintojas", "Barkodas", "Kaina su PVM", "Valiuta", "Svoris (kg)", "Likutis sandėlyje",
         "Ekologiškas"]),
    (2, ["AR-2001", "Elektrinis virdulys Bosch TWK3A011, 1,7 l", "Bosch", ("n", gtin("424200518742")), ("n", "29.99"),
         "EUR", ("n", "1.23"), ("n", "7"), ("b", 0)]),
    (3, ["AR-2002", "Žalioji arbata Ahmad Tea, 100 pak.", "Ahmad Tea", ("n", gtin("5488100")), ("n", "3.4900000000000002"),
         "EUR", ("n", "0.2"), ("n", "64"), ("b", 1)]),
]
lists = [(1, ["Valiuta"]), (2, ["EUR"]), (3, ["USD"])]

sheets = [("Kavos aparatai", sheet(kavos, merge="A1:N1"), None), ("Arbata", sheet(arbatos), None),
          ("Sąrašai", sheet(lists), "hidden"), ("Sheet3", sheet([]), None)]

sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
       f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">']
for text in strings:
    sst.append(f"<si><t>{esc(text)}</t></si>")
sst.append("</sst>")

styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd;@"/>'
          '<numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')

workbook = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>'
            '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews><sheets>']
rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
for index, (name, _, state) in enumerate(sheets, start=1):
    st = f' state="{state}"' if state else ""
    workbook.append(f'<sheet name="{esc(name)}" sheetId="{index}"{st} r:id="rId{index}"/>')
    rels.append(f'<Relationship Id="rId{index}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{index}.xml"/>')
n = len(sheets)
rels.append(f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
rels.append(f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
rels.append("</Relationships>")
workbook.append('</sheets><calcPr calcId="191029"/></workbook>')

content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
                 + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '</Types>')
root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')

with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as archive:
    def put(name, text):
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, text.encode("utf-8"))
    put("[Content_Types].xml", content_types)
    put("_rels/.rels", root_rels)
    put("xl/workbook.xml", "".join(workbook))
    put("xl/_rels/workbook.xml.rels", "".join(rels))
    for index, (_, xml, _) in enumerate(sheets, start=1):
        put(f"xl/worksheets/sheet{index}.xml", xml)
    put("xl/styles.xml", styles)
    put("xl/sharedStrings.xml", "".join(sst))
