#!/usr/bin/env python3
"""Writes the hand-curated feed samples in Samples/feeds/ (run from the repository root).

The products are realistic; a few items are broken on purpose (bad GTIN checksum, spreadsheet-damaged EAN,
missing price, unknown currency) so the normalizer's diagnostics show up in Output/.
"""
import json, os

OUT = "Samples/feeds"

def ean(body):
    digits = [int(c) for c in body]
    total = sum(d * (3 if i % 2 == (len(body) % 2 == 0 and 1 or 0) else 1) for i, d in enumerate(digits))
    # GTIN rule: weights 3,1,3,... from the right of the body
    total = sum(d * (3 if (len(digits) - i) % 2 == 1 else 1) for i, d in enumerate(digits))
    return body + str((10 - total % 10) % 10)

P = [
  # sku, brand, mpn, ean body(12), price EUR, weight kg, (l,w,h) cm, color, names{lang}
  ("SNY-WH1000XM4", "Sony", "WH1000XM4B.CE7", "490254897411", "279.99", "0.254", (27.0, 21.5, 8.0), "juoda",
   {"lt": "Belaidės ausinės Sony WH-1000XM4", "lv": "Bezvadu austiņas Sony WH-1000XM4", "et": "Juhtmevabad kõrvaklapid Sony WH-1000XM4", "pl": "Słuchawki bezprzewodowe Sony WH-1000XM4", "cs": "Bezdrátová sluchátka Sony WH-1000XM4", "en": "Sony WH-1000XM4 wireless headphones", "ru": "Беспроводные наушники Sony WH-1000XM4"}),
  ("DLG-ECAM22110", "De'Longhi", "ECAM 22.110.B", "801376330042", "349.00", "9.0", (43.0, 24.0, 35.0), "juoda",
   {"lt": "Kavos aparatas De'Longhi Magnifica S", "lv": "Kafijas automāts De'Longhi Magnifica S", "et": "Espressomasin De'Longhi Magnifica S", "pl": "Ekspres do kawy De'Longhi Magnifica S", "cs": "Automatický kávovar De'Longhi Magnifica S", "en": "De'Longhi Magnifica S coffee machine", "ru": "Кофемашина De'Longhi Magnifica S"}),
  ("ABS-MACATOR-M", "ABUS", "87208", "400370487208", "59.90", "0.31", (28.0, 21.0, 17.0), "balta",
   {"lt": "Dviračio šalmas ABUS Macator M", "lv": "Velosipēda ķivere ABUS Macator M", "et": "Jalgrattakiiver ABUS Macator M", "pl": "Kask rowerowy ABUS Macator M", "cs": "Cyklistická přilba ABUS Macator M", "en": "ABUS Macator bike helmet, size M", "ru": "Велосипедный шлем ABUS Macator M"}),
  ("BSH-TWK3A011", "Bosch", "TWK3A011", "424200230213", "29.99", "1.1", (22.0, 17.0, 25.0), "juoda",
   {"lt": "Elektrinis virdulys Bosch TWK3A011, 1,7 l", "lv": "Elektriskā tējkanna Bosch TWK3A011, 1,7 l", "et": "Veekeetja Bosch TWK3A011, 1,7 l", "pl": "Czajnik elektryczny Bosch TWK3A011, 1,7 l", "cs": "Rychlovarná konvice Bosch TWK3A011, 1,7 l", "en": "Bosch TWK3A011 kettle, 1.7 l", "ru": "Электрочайник Bosch TWK3A011, 1,7 л"}),
  ("NOK-HKR5-2055516", "Nokian", "T430767", "641522043076", "112.50", "8.6", (63.2, 63.2, 20.5), "",
   {"lt": "Žieminė padanga Nokian Hakkapeliitta R5 205/55 R16", "lv": "Ziemas riepa Nokian Hakkapeliitta R5 205/55 R16", "et": "Talverehv Nokian Hakkapeliitta R5 205/55 R16", "pl": "Opona zimowa Nokian Hakkapeliitta R5 205/55 R16", "cs": "Zimní pneumatika Nokian Hakkapeliitta R5 205/55 R16", "en": "Nokian Hakkapeliitta R5 205/55 R16 winter tyre", "ru": "Зимняя шина Nokian Hakkapeliitta R5 205/55 R16"}),
  ("BRX-DUALFIX-ISENSE", "Britax Römer", "2000035108", "405568006138", "429.00", "15.1", (71.0, 44.0, 58.0), "pilka",
   {"lt": "Automobilinė kėdutė Britax Römer Dualfix iSense", "lv": "Autosēdeklis Britax Römer Dualfix iSense", "et": "Turvatool Britax Römer Dualfix iSense", "pl": "Fotelik samochodowy Britax Römer Dualfix iSense", "cs": "Autosedačka Britax Römer Dualfix iSense", "en": "Britax Römer Dualfix iSense car seat", "ru": "Автокресло Britax Römer Dualfix iSense"}),
  ("ORB-PRO3-3000", "Oral-B", "PRO3 3000", "400501138926", "49.99", "0.55", (26.0, 11.0, 7.0), "mėlyna",
   {"lt": "Elektrinis dantų šepetėlis Oral-B Pro 3 3000", "lv": "Elektriskā zobu birste Oral-B Pro 3 3000", "et": "Elektriline hambahari Oral-B Pro 3 3000", "pl": "Szczoteczka elektryczna Oral-B Pro 3 3000", "cs": "Elektrický zubní kartáček Oral-B Pro 3 3000", "en": "Oral-B Pro 3 3000 electric toothbrush", "ru": "Электрическая зубная щётка Oral-B Pro 3 3000"}),
  ("STN-CLASSIC-1L", "Stanley", "10-08266-001", "004158382664", "44.95", "0.68", (10.0, 10.0, 34.0), "žalia",
   {"lt": "Termosas Stanley Classic, 1 l", "lv": "Termoss Stanley Classic, 1 l", "et": "Termos Stanley Classic, 1 l", "pl": "Termos Stanley Classic, 1 l", "cs": "Termoska Stanley Classic, 1 l", "en": "Stanley Classic vacuum bottle, 1 l", "ru": "Термос Stanley Classic, 1 л"}),
  ("FJR-KANKEN-16L", "Fjällräven", "F23510-550", "735045017452", "89.00", "0.3", (38.0, 27.0, 13.0), "raudona",
   {"lt": "Kuprinė Fjällräven Kånken, 16 l", "lv": "Mugursoma Fjällräven Kånken, 16 l", "et": "Seljakott Fjällräven Kånken, 16 l", "pl": "Plecak Fjällräven Kånken, 16 l", "cs": "Batoh Fjällräven Kånken, 16 l", "en": "Fjällräven Kånken backpack, 16 l", "ru": "Рюкзак Fjällräven Kånken, 16 л"}),
  ("XMI-RVC-S10", "Xiaomi", "BHR5988EU", "693917196546", "249.00", "3.2", (35.0, 35.0, 9.7), "balta",
   {"lt": "Robotas dulkių siurblys Xiaomi Robot Vacuum S10", "lv": "Robots putekļsūcējs Xiaomi Robot Vacuum S10", "et": "Robottolmuimeja Xiaomi Robot Vacuum S10", "pl": "Robot sprzątający Xiaomi Robot Vacuum S10", "cs": "Robotický vysavač Xiaomi Robot Vacuum S10", "en": "Xiaomi Robot Vacuum S10", "ru": "Робот-пылесос Xiaomi Robot Vacuum S10"}),
  ("ASC-GELNIMBUS25-42", "ASICS", "1011B547-001", "455033096071", "179.95", "0.62", (33.0, 22.0, 12.0), "juoda",
   {"lt": "Bėgimo batai ASICS Gel-Nimbus 25, 42 dydis", "lv": "Skriešanas apavi ASICS Gel-Nimbus 25, 42. izmērs", "et": "Jooksujalatsid ASICS Gel-Nimbus 25, suurus 42", "pl": "Buty do biegania ASICS Gel-Nimbus 25, rozmiar 42", "cs": "Běžecké boty ASICS Gel-Nimbus 25, velikost 42", "en": "ASICS Gel-Nimbus 25 running shoes, size 42", "ru": "Беговые кроссовки ASICS Gel-Nimbus 25, размер 42"}),
  ("LGO-42115", "LEGO", "42115", "567310216209", "379.99", "3.87", (58.0, 48.0, 11.0), "",
   {"lt": "Konstruktorius LEGO Technic Lamborghini Sián FKP 37", "lv": "Konstruktors LEGO Technic Lamborghini Sián FKP 37", "et": "Klotsid LEGO Technic Lamborghini Sián FKP 37", "pl": "Klocki LEGO Technic Lamborghini Sián FKP 37", "cs": "Stavebnice LEGO Technic Lamborghini Sián FKP 37", "en": "LEGO Technic Lamborghini Sián FKP 37", "ru": "Конструктор LEGO Technic Lamborghini Sián FKP 37"}),
]
PRODUCTS = [dict(sku=p[0], brand=p[1], mpn=p[2], gtin=ean(p[3]), price=p[4], weight=p[5], dims=p[6], color=p[7], names=p[8]) for p in P]
# Deliberate faults, by index: 2 bad checksum, 4 missing price, 6 unknown currency, 9 spreadsheet-damaged EAN
def bad_checksum(g): return g[:-1] + str((int(g[-1]) + 3) % 10)

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

def write(name, text, encoding="utf-8"):
    if encoding != "utf-8":
        # Shops export what the code page can hold: letters it lacks lose their accent.
        text = "".join(c if c.encode(encoding, "ignore") else {"á": "a", "å": "a", "ó": "o"}.get(c, "?") for c in text)
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        f.write(text)

def pl_price(p, factor=4.32):
    return f"{float(p) * factor:.2f}"

# ---------- Google Merchant RSS 2.0 ----------
items = []
for i, p in enumerate(PRODUCTS):
    lang = ["lt", "en", "lv"][i % 3]
    price = f"{p['price']} EUR"
    if i == 6: price = f"{p['price']} XYZ"
    gtin = bad_checksum(p["gtin"]) if i == 2 else p["gtin"]
    l, w, h = p["dims"]
    lines = [f"<g:id>{p['sku']}</g:id>", f"<title>{esc(p['names'][lang])}</title>",
             f"<description><![CDATA[{p['names'][lang]}. <b>Official warranty</b> 24 months.]]></description>",
             f"<link>https://www.example-shop.lt/p/{p['sku'].lower()}</link>",
             f"<g:image_link>https://cdn.example-shop.lt/img/{p['sku'].lower()}.jpg</g:image_link>",
             f"<g:additional_image_link>https://cdn.example-shop.lt/img/{p['sku'].lower()}-2.jpg</g:additional_image_link>",
             "<g:availability>" + ("in_stock" if i % 4 else "out_of_stock") + "</g:availability>"]
    if i != 4: lines.append(f"<g:price>{price}</g:price>")
    if i == 1: lines.append(f"<g:sale_price>{float(p['price']) - 50:.2f} EUR</g:sale_price>")
    lines += [f"<g:brand>{esc(p['brand'])}</g:brand>", f"<g:gtin>{gtin}</g:gtin>", f"<g:mpn>{esc(p['mpn'])}</g:mpn>",
              "<g:condition>new</g:condition>",
              f"<g:shipping_weight>{p['weight']} kg</g:shipping_weight>",
              f"<g:shipping_length>{l} cm</g:shipping_length>", f"<g:shipping_width>{w} cm</g:shipping_width>", f"<g:shipping_height>{h} cm</g:shipping_height>"]
    if i in (8, 10): lines.append(f"<g:item_group_id>{p['sku'].split('-')[0]}-GRP</g:item_group_id>")
    if p["color"]:
        lines.append(f"<g:product_detail><g:section_name>General</g:section_name><g:attribute_name>Color</g:attribute_name><g:attribute_value>{p['color']}</g:attribute_value></g:product_detail>")
    lines.append("<g:shipping><g:country>LT</g:country><g:service>Standard</g:service><g:price>3.99 EUR</g:price></g:shipping>")
    items.append("    <item>\n" + "\n".join("      " + x for x in lines) + "\n    </item>")
write("google-merchant-rss.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
  <channel>
    <title>Example Shop LT</title>
    <link>https://www.example-shop.lt</link>
    <description>Product feed for Google Merchant Center</description>
    <language>lt</language>
{chr(10).join(items)}
  </channel>
</rss>
""")

# ---------- Google Merchant Atom ----------
entries = []
for i, p in enumerate(PRODUCTS[:10]):
    lang = "pl"
    price = f"{pl_price(p['price'])} PLN"
    gtin = p["gtin"] if i != 5 else bad_checksum(p["gtin"])
    l, w, h = p["dims"]
    e = [f"<g:id>PL-{p['sku']}</g:id>", f"<title>{esc(p['names'][lang])}</title>",
         f"<summary>{esc(p['names'][lang])} – oryginalny produkt, gwarancja producenta.</summary>",
         f"<link rel=\"alternate\" type=\"text/html\" href=\"https://sklep.example.pl/produkt/{p['sku'].lower()}\"/>",
         f"<g:image_link>https://sklep.example.pl/img/{p['sku'].lower()}.jpg</g:image_link>",
         "<g:availability>" + ("in stock" if i != 3 else "preorder") + "</g:availability>"]
    if i != 7: e.append(f"<g:price>{price}</g:price>")
    e += [f"<g:brand>{esc(p['brand'])}</g:brand>", f"<g:gtin>{gtin}</g:gtin>", f"<g:mpn>{esc(p['mpn'])}</g:mpn>", "<g:condition>new</g:condition>",
          f"<g:shipping_weight>{int(float(p['weight']) * 1000)} g</g:shipping_weight>",
          f"<g:shipping_length>{l * 10:.0f} mm</g:shipping_length>"]
    entries.append("  <entry>\n" + "\n".join("    " + x for x in e) + "\n  </entry>")
write("google-merchant-atom.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Sklep Example PL</title>
  <link rel="self" href="https://sklep.example.pl"/>
  <updated>2026-11-20T06:00:00Z</updated>
{chr(10).join(entries)}
</feed>
""")

# ---------- Google Merchant TSV ----------
head = ["id", "title", "description", "link", "image_link", "additional_image_link", "availability", "price", "sale_price", "brand", "gtin", "mpn", "condition", "item_group_id", "shipping_weight", "shipping_length", "shipping_width", "shipping_height", "product_detail"]
rows = ["\t".join(head)]
for i, p in enumerate(PRODUCTS):
    l, w, h = p["dims"]
    price = "" if i == 3 else f"{p['price']} EUR"
    if i == 8: price = f"{p['price']} EURO"
    gtin = p["gtin"] if i != 0 else bad_checksum(p["gtin"])
    detail = f"General:Color:{p['color']}" if p["color"] else ""
    if i == 5: detail += ",Safety:Standard:R129 i-Size"
    rows.append("\t".join([f"LV-{p['sku']}", p["names"]["lv"], f"{p['names']['lv']}. Oficiāla garantija.", f"https://veikals.example.lv/{p['sku'].lower()}",
        f"https://veikals.example.lv/img/{p['sku'].lower()}.jpg", f"https://veikals.example.lv/img/{p['sku'].lower()}-2.jpg,https://veikals.example.lv/img/{p['sku'].lower()}-3.jpg",
        "in_stock" if i % 5 else "backorder", price, f"{float(p['price']) * 0.9:.2f} EUR" if i == 2 else "", p["brand"], gtin, p["mpn"], "new",
        "FJR-GRP" if i == 8 else "", f"{p['weight']} kg", f"{l} cm", f"{w} cm", f"{h} cm", detail]))
write("google-merchant.tsv", "\n".join(rows) + "\n")

# ---------- Ceneo ----------
offers = []
for i, p in enumerate(PRODUCTS):
    price = pl_price(p["price"])
    attrs = [("Producent", p["brand"]), ("Kod_producenta", p["mpn"]), ("EAN", p["gtin"] if i != 7 else bad_checksum(p["gtin"]))]
    if p["color"]: attrs.append(("Kolor", {"juoda": "czarny", "balta": "biały", "pilka": "szary", "mėlyna": "niebieski", "žalia": "zielony", "raudona": "czerwony"}[p["color"]]))
    price_attr = "" if i == 9 else f' price="{price}"'
    a = "\n".join(f'        <a name="{n}"><![CDATA[{v}]]></a>' for n, v in attrs)
    offers.append(f"""    <o id="{1000 + i}" url="https://sklep.example.pl/p/{1000 + i}"{price_attr} avail="{[1, 3, 7, 14][i % 4]}" stock="{(i * 7) % 23}" weight="{p['weight']}" basket="1">
      <cat><![CDATA[Elektronika/{['Audio', 'AGD', 'Sport', 'AGD', 'Motoryzacja', 'Dziecko', 'Zdrowie', 'Turystyka', 'Turystyka', 'AGD', 'Sport', 'Zabawki'][i]}]]></cat>
      <name><![CDATA[{p['names']['pl']}]]></name>
      <imgs>
        <main url="https://sklep.example.pl/img/{1000 + i}.jpg"/>
        <i url="https://sklep.example.pl/img/{1000 + i}-2.jpg"/>
      </imgs>
      <desc><![CDATA[<p>{p['names']['pl']} – nowy, z polskiej dystrybucji.</p>]]></desc>
      <attrs>
{a}
      </attrs>
    </o>""")
write("ceneo.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<offers xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1">
  <group name="other">
{chr(10).join(offers)}
  </group>
</offers>
""")

# ---------- Heureka ----------
shopitems = []
for i, p in enumerate(PRODUCTS):
    czk = f"{float(p['price']) * 25.3:.0f}"
    params = [("Barva", {"juoda": "černá", "balta": "bílá", "pilka": "šedá", "mėlyna": "modrá", "žalia": "zelená", "raudona": "červená", "": ""}[p["color"]]), ("Hmotnost", f"{p['weight'].replace('.', ',')} kg")]
    par = "\n".join(f"      <PARAM>\n        <PARAM_NAME>{n}</PARAM_NAME>\n        <VAL>{esc(v)}</VAL>\n      </PARAM>" for n, v in params if v)
    price = "" if i == 5 else f"      <PRICE_VAT>{czk}</PRICE_VAT>\n"
    ean_value = p["gtin"] if i != 10 else bad_checksum(p["gtin"])
    group = f"      <ITEMGROUP_ID>{p['sku'].split('-')[0]}</ITEMGROUP_ID>\n" if i in (8, 10) else ""
    shopitems.append(f"""  <SHOPITEM>
    <ITEM_ID>CZ{2000 + i}</ITEM_ID>
    <PRODUCTNAME>{esc(p['names']['cs'])}</PRODUCTNAME>
    <PRODUCT>{esc(p['names']['cs'])}</PRODUCT>
    <DESCRIPTION>{esc(p['names']['cs'])}. Originální zboží s českou zárukou.</DESCRIPTION>
    <URL>https://www.obchod-example.cz/{p['sku'].lower()}</URL>
    <IMGURL>https://www.obchod-example.cz/img/{p['sku'].lower()}.jpg</IMGURL>
    <IMGURL_ALTERNATIVE>https://www.obchod-example.cz/img/{p['sku'].lower()}-2.jpg</IMGURL_ALTERNATIVE>
{price}    <MANUFACTURER>{esc(p['brand'])}</MANUFACTURER>
    <PRODUCTNO>{esc(p['mpn'])}</PRODUCTNO>
    <EAN>{ean_value}</EAN>
{group}    <CATEGORYTEXT>Heureka.cz | Elektronika</CATEGORYTEXT>
    <DELIVERY_DATE>{i % 3}</DELIVERY_DATE>
    <DELIVERY>
      <DELIVERY_ID>ZASILKOVNA</DELIVERY_ID>
      <DELIVERY_PRICE>79</DELIVERY_PRICE>
    </DELIVERY>
{par}
  </SHOPITEM>""")
write("heureka.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<SHOP>
{chr(10).join(shopitems)}
</SHOP>
""")

# ---------- YML ----------
yoffers = []
for i, p in enumerate(PRODUCTS):
    l, w, h = p["dims"]
    cur = "EUR" if i != 3 else "XXQ"
    price = "" if i == 11 else f"      <price>{p['price']}</price>\n"
    code = p["gtin"] if i != 1 else bad_checksum(p["gtin"])
    color = f'      <param name="Цвет">{p["color"]}</param>\n' if p["color"] else ""
    yoffers.append(f"""    <offer id="Y{3000 + i}" available="{'true' if i % 4 else 'false'}"{' group_id="77"' if i in (8, 10) else ''}>
      <url>https://www.example-shop.ee/toode/{p['sku'].lower()}</url>
{price}      <currencyId>{cur}</currencyId>
      <categoryId>{[11, 12, 21, 12, 31, 32, 21, 22, 22, 12, 21, 33][i]}</categoryId>
      <picture>https://www.example-shop.ee/img/{p['sku'].lower()}.jpg</picture>
      <name>{esc(p['names']['ru'] if i % 2 else p['names']['et'])}</name>
      <vendor>{esc(p['brand'])}</vendor>
      <vendorCode>{esc(p['mpn'])}</vendorCode>
      <barcode>{code}</barcode>
      <description>{esc(p['names']['ru'])}. Официальная гарантия.</description>
      <weight>{p['weight']}</weight>
      <dimensions>{l:.1f}/{w:.1f}/{h:.1f}</dimensions>
{color}      <param name="Garantii" unit="kuud">24</param>
    </offer>""")
write("yml-catalog.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<yml_catalog date="2026-11-20 06:00">
  <shop>
    <name>Example Shop EE</name>
    <company>Example OÜ</company>
    <url>https://www.example-shop.ee</url>
    <currencies>
      <currency id="EUR" rate="1"/>
    </currencies>
    <categories>
      <category id="1">Elektroonika</category>
      <category id="11" parentId="1">Kõrvaklapid</category>
      <category id="12" parentId="1">Kodumasinad</category>
      <category id="2">Sport</category>
      <category id="21" parentId="2">Varustus</category>
      <category id="22" parentId="2">Matkamine</category>
      <category id="3">Auto ja lapsed</category>
      <category id="31" parentId="3">Rehvid</category>
      <category id="32" parentId="3">Turvatoolid</category>
      <category id="33" parentId="3">Mänguasjad</category>
    </categories>
    <offers>
{chr(10).join(yoffers)}
    </offers>
  </shop>
</yml_catalog>
""")

# ---------- Baltic products/product (Kaina24 / Kainos style) ----------
prods = []
for i, p in enumerate(PRODUCTS):
    price = "" if i == 8 else f"    <price>{p['price']}</price>\n"
    code = p["gtin"] if i != 4 else bad_checksum(p["gtin"])
    prods.append(f"""  <product id="LT{4000 + i}">
    <title>{esc(p['names']['lt'])}</title>
    <product_url>https://www.pigu-example.lt/prekes/{p['sku'].lower()}</product_url>
{price}    <image_url>https://www.pigu-example.lt/img/{p['sku'].lower()}.jpg</image_url>
    <manufacturer>{esc(p['brand'])}</manufacturer>
    <model>{esc(p['mpn'])}</model>
    <ean_code>{code}</ean_code>
    <categories>
      <category>{['Garso technika', 'Buitinė technika', 'Sportas', 'Buitinė technika', 'Padangos', 'Vaikams', 'Sveikata', 'Turizmas', 'Turizmas', 'Buitinė technika', 'Sportas', 'Žaislai'][i]}</category>
    </categories>
    <stock>{(i * 5) % 17}</stock>
    <delivery_text>{['1-2 d. d.', '3-5 d. d.', 'Išparduota'][i % 3]}</delivery_text>
    <delivery_price>2.99</delivery_price>
    <weight>{p['weight']}</weight>
  </product>""")
write("kaina24-products.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<products>
{chr(10).join(prods)}
</products>
""")

# ---------- Generic XML through a mapping file ----------
gen = []
for i, p in enumerate(PRODUCTS):
    l, w, h = p["dims"]
    price = "" if i == 10 else f'      <retail currency="{"EUR" if i != 2 else "ABC"}">{p["price"].replace(".", ",")}</retail>\n'
    code = p["gtin"] if i != 6 else bad_checksum(p["gtin"])
    gen.append(f"""    <artikel nr="{p['sku']}">
      <bezeichnung>{esc(p['names']['lt'] if i % 2 else p['names']['en'])}</bezeichnung>
      <hersteller>{esc(p['brand'])}</hersteller>
      <herstellernummer>{esc(p['mpn'])}</herstellernummer>
      <ean>{code}</ean>
      <preise>
{price}        <einkauf currency="EUR">{float(p['price']) * 0.7:.2f}</einkauf>
      </preise>
      <bestand>{(i * 3) % 11}</bestand>
      <gewicht einheit="kg">{p['weight']}</gewicht>
      <masse>{l:g} x {w:g} x {h:g} cm</masse>
      <bilder><bild>https://b2b.example.de/media/{p['sku'].lower()}.jpg</bild></bilder>
    </artikel>""")
write("distributor-artikel.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<katalog lieferant="Example Distribution GmbH" stand="2026-11-20">
  <artikelliste>
{chr(10).join(gen)}
  </artikelliste>
</katalog>
""")
write("distributor-artikel.mapping.json", json.dumps({
    "item": "artikelliste/artikel",
    "fields": {"sku": "@nr", "title": "bezeichnung", "brand": "hersteller", "mpn": "herstellernummer", "gtin": "ean",
               "price": "preise/retail", "currency": "preise/retail/@currency", "stock_quantity": "bestand",
               "weight": "gewicht", "package_dimensions": "masse", "image": "bilder/bild"},
    "units": {"weight": "@einheit"},
    "include_unmapped": False,
    "hints": {"country": "LT", "language": "lt"}}, indent=2, ensure_ascii=False) + "\n")

# ---------- CSV: Lithuanian, semicolon, windows-1257, decimal commas, damaged EANs ----------
rows = ["Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas;Svoris (kg);Ilgis (cm);Plotis (cm);Aukštis (cm);Spalva;Likutis sandėlyje;Aprašymas"]
for i, p in enumerate(PRODUCTS):
    l, w, h = p["dims"]
    code = p["gtin"]
    if i == 0: code = f"{int(code[:6]) / 10**5:.5f}".replace(".", ",") + "E+12"  # scientific notation
    if i == 3: code = bad_checksum(code)
    if i == 7: code = code.lstrip("0")                                          # lost leading zero(s)
    if i == 9: code = code + ".0"                                              # trailing .0
    if i == 10: code = "'" + code                                              # leading apostrophe
    price = "" if i == 5 else p["price"].replace(".", ",")
    cur = "EUR" if i != 11 else "LTL"
    desc = f'"{p["names"]["lt"]}.\nGarantija 24 mėn.; oficialus atstovas"' if i % 3 == 0 else p["names"]["lt"]
    rows.append(";".join([p["sku"], f'"{p["names"]["lt"]}"' if ";" in p["names"]["lt"] or "," in p["names"]["lt"] else p["names"]["lt"], p["brand"], price, cur, code,
                          p["weight"].replace(".", ","), f"{l:g}".replace(".", ","), f"{w:g}".replace(".", ","), f"{h:g}".replace(".", ","), p["color"], str((i * 4) % 9), desc]))
write("prekes-lt-cp1257.csv", "\r\n".join(rows) + "\r\n", encoding="cp1257")

# ---------- CSV: Polish, comma, ISO-8859-2, quoted decimals ----------
rows = ["Kod produktu,Nazwa,Producent,Cena brutto,Waluta,EAN,Waga [kg],Długość [cm],Kolor,Dostępność"]
for i, p in enumerate(PRODUCTS):
    code = p["gtin"] if i != 2 else bad_checksum(p["gtin"])
    if i == 6: code = '"' + f"{int(code) / 10**12:.5f}".replace(".", ",") + 'E+12"'
    price = pl_price(p["price"]).replace(".", ",")
    if i == 4: price = ""
    cur = "PLN" if i != 8 else "ZŁOTE"
    kolor = {"juoda": "czarny", "balta": "biały", "pilka": "szary", "mėlyna": "niebieski", "žalia": "zielony", "raudona": "czerwony", "": ""}[p["color"]]
    rows.append(",".join([p["sku"], '"' + p["names"]["pl"].replace('"', '""') + '"', p["brand"], f'"{price}"', cur, code, f'"{p["weight"].replace(".", ",")}"', f'"{p["dims"][0]:g}"'.replace(".", ","), kolor, "dostępny" if i % 3 else "na zamówienie"]))
write("produkty-pl-iso8859-2.csv", "\n".join(rows) + "\n", encoding="iso-8859-2")

# ---------- CSV: Latvian + Estonian, TAB, UTF-8 with BOM ----------
rows = ["Artikuls\tNosaukums\tRažotājs\tCena\tSvītrkods\tSvars (g)\tKrāsa\tNoliktavā"]
for i, p in enumerate(PRODUCTS):
    code = p["gtin"] if i != 5 else p["gtin"] + ".0"
    price = p["price"].replace(".", ",") + " €" if i != 1 else ""
    rows.append("\t".join([p["sku"], p["names"]["lv"], p["brand"], price, code if i != 8 else bad_checksum(code), f"{float(p['weight']) * 1000:g}", p["color"], "jā" if i % 2 else "nē"]))
write("preces-lv.tsv", "\ufeff" + "\n".join(rows) + "\n")

# ---------- JSON array ----------
arr = []
for i, p in enumerate(PRODUCTS):
    o = {"id": p["sku"], "title": p["names"]["en"], "brand": p["brand"], "mpn": p["mpn"], "ean": p["gtin"] if i != 3 else bad_checksum(p["gtin"]),
         "price": {"amount": p["price"], "currency": "EUR" if i != 9 else "BTC"}, "url": f"https://shop.example.com/p/{p['sku'].lower()}",
         "images": [f"https://shop.example.com/img/{p['sku'].lower()}.jpg"], "weight": {"value": float(p["weight"]), "unit": "kg"},
         "attributes": [{"name": "Color", "value": p["color"]}] if p["color"] else []}
    if i == 5: del o["price"]
    arr.append(o)
text = json.dumps(arr, indent=2, ensure_ascii=False)
# keep number literals as a shop would write them
text = text.replace('"amount": "', '"amount": ').replace('", \n      "currency"', ', \n      "currency"')
import re
text = re.sub(r'"amount": ([0-9.]+)",', r'"amount": \1,', text)
write("products.json", text + "\n")

# ---------- JSON Lines (Lithuanian labels) ----------
lines = []
for i, p in enumerate(PRODUCTS):
    o = {"Prekės kodas": p["sku"], "Pavadinimas": p["names"]["lt"], "Gamintojas": p["brand"], "Kaina": p["price"].replace(".", ",") + " €", "EAN": p["gtin"] if i != 11 else bad_checksum(p["gtin"]), "Svoris": p["weight"].replace(".", ",") + " kg"}
    if i == 7: del o["Kaina"]
    if i == 2: o["Kaina"] = p["price"] + " GBPX"
    lines.append(json.dumps(o, ensure_ascii=False))
write("prekes.jsonl", "\n".join(lines) + "\n")

# ---------- schema.org Product JSON (ItemList) ----------
elems = []
for i, p in enumerate(PRODUCTS[:10]):
    prod = {"@type": "Product", "name": p["names"]["et"], "sku": p["sku"], "mpn": p["mpn"], "gtin13": p["gtin"] if i != 4 else bad_checksum(p["gtin"]),
            "brand": {"@type": "Brand", "name": p["brand"]}, "image": f"https://pood.example.ee/img/{p['sku'].lower()}.jpg",
            "offers": {"@type": "Offer", "price": p["price"], "priceCurrency": "EUR" if i != 8 else "EEK", "availability": "https://schema.org/InStock" if i % 3 else "https://schema.org/OutOfStock", "url": f"https://pood.example.ee/{p['sku'].lower()}"},
            "weight": {"@type": "QuantitativeValue", "value": p["weight"], "unitText": "kg"},
            "additionalProperty": [{"@type": "PropertyValue", "name": "Garantii", "value": "24", "unitText": "kuud"}]}
    if i == 6: del prod["offers"]["price"]
    elems.append({"@type": "ListItem", "position": i + 1, "item": prod})
write("schema-itemlist.json", json.dumps({"@context": "https://schema.org", "@type": "ItemList", "itemListElement": elems}, indent=2, ensure_ascii=False) + "\n")
print("samples written")
