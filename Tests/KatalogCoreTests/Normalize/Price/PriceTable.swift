/// Prices as shops print them, by country. Columns: country | text | context | expected | finding codes.
/// `␣` is a no-break space, `⍽` a narrow no-break space. See `PriceCase.parse` for the notation.
enum PriceTable {
    static let rows = #"""
# Lithuania
LT | 58.99€ | = | 58.99 EUR | -
LT | 58,99 € | = | 58.99 EUR | -
LT | 58,99␣€ | = | 58.99 EUR | -
LT | 1 299,00 € | = | 1299.00 EUR | -
LT | 1␣299,00␣€ | = | 1299.00 EUR | -
LT | €58.99 | = | 58.99 EUR | -
LT | 58,99 EUR | = | 58.99 EUR | -
LT | EUR 58,99 | = | 58.99 EUR | -
LT | Kaina: 58,99 € | = | 58.99 EUR | -
LT | 58,99 € su PVM | = | 58.99 EUR +vat | -
LT | 48,75 € be PVM | = | 48.75 EUR -vat | -
LT | Kaina su PVM: 58,99 € | = | 58.99 EUR +vat | -
LT | nuo 9,99 € | = | 9.99 EUR | price.from
LT | Nemokamai | = | 0.00 EUR | price.free price.currency-from-country
LT | Nemokama | cur=EUR | 0.00 EUR | price.free
LT | 3.350 € | = | 3350.00 EUR | price.decimal-resolved
LT | 3.350 € | - | 3350.00 EUR | price.ambiguous-decimal
LT | 1,599 € | = | 1.599 EUR | price.decimal-resolved price.extra-precision
LT | 58,99 | = | 58.99 EUR | price.currency-from-country
LT | 58.99 | cur=EUR | 58.99 EUR | -
LT | 12,50 € – 24,90 € | = | 12.50 EUR | price.range
LT | 12,50–24,90 € | = | 12.50 EUR | price.range
LT | nuo 12,50 iki 24,90 € | = | 12.50 EUR | price.range price.from
LT | Sena kaina 69,99 € Nauja kaina 58,99 € | = | 69.99 EUR / 58.99 EUR | price.was-now
LT | ~~69,99 €~~ 58,99 € | = | 69.99 EUR / 58.99 EUR | price.was-now
LT | 69,99 € 58,99 € | = | 69.99 EUR / 58.99 EUR | price.was-now-inferred
LT | 69,99 € dabar 58,99 € | = | 69.99 EUR / 58.99 EUR | price.was-now
LT | 0,00 € | = | 0.00 EUR | -
LT | 1.299,00 € | = | 1299.00 EUR | -
LT | 199 eurų | = | 199.00 EUR | -
LT | 15 Eur | = | 15.00 EUR | -
LT | 58,99 € / vnt. | = | 58.99 EUR | -
LT | -5,00 € | = | -5.00 EUR | -
LT | 2 499 € | = | 2499.00 EUR | -
LT | 24,99€ su PVM. | = | 24.99 EUR +vat | -
# Latvia
LV | 58,99 € | = | 58.99 EUR | -
LV | € 58,99 | = | 58.99 EUR | -
LV | 1 299,00 EUR | = | 1299.00 EUR | -
LV | Cena: 24,90 € | = | 24.90 EUR | -
LV | 24,90 € ar PVN | = | 24.90 EUR +vat | -
LV | 20,58 € bez PVN | = | 20.58 EUR -vat | -
LV | no 9,99 € | = | 9.99 EUR | price.from
LV | Bezmaksas | = | 0.00 EUR | price.free price.currency-from-country
LV | 2.450 € | = | 2450.00 EUR | price.decimal-resolved
LV | 24,90 eiro | = | 24.90 EUR | -
LV | 9,99 € līdz 19,99 € | = | 9.99 EUR | price.range
LV | Vecā cena 29,99 € Akcijas cena 19,99 € | = | 29.99 EUR / 19.99 EUR | price.was-now
LV | 29,99 € tagad 19,99 € | = | 29.99 EUR / 19.99 EUR | price.was-now
LV | 49.00€ | = | 49.00 EUR | -
LV | 1 049 € | = | 1049.00 EUR | -
LV | 7,5 € | = | 7.50 EUR | -
LV | 24,90 | c=LV | 24.90 EUR | price.currency-from-country
LV | Par brīvu | cur=EUR | 0.00 EUR | price.free
LV | 189,00 EUR ar PVN | = | 189.00 EUR +vat | -
LV | 12,40 €/gab. | = | 12.40 EUR | -
# Estonia
EE | 58,99 € | = | 58.99 EUR | -
EE | 58.99 € | = | 58.99 EUR | -
EE | 1 299,00 € | = | 1299.00 EUR | -
EE | Hind: 24,90 € | = | 24.90 EUR | -
EE | 24,90 € km-ga | = | 24.90 EUR +vat | -
EE | 20,41 € km-ta | = | 20.41 EUR -vat | -
EE | alates 9,99 € | = | 9.99 EUR | price.from
EE | Tasuta | = | 0.00 EUR | price.free price.currency-from-country
EE | Tavahind 39,99 € Soodushind 29,99 € | = | 39.99 EUR / 29.99 EUR | price.was-now
EE | enne 39,99 € nüüd 29,99 € | = | 39.99 EUR / 29.99 EUR | price.was-now
EE | 9,99 € kuni 19,99 € | = | 9.99 EUR | price.range
EE | 1.250 € | = | 1250.00 EUR | price.decimal-resolved
EE | 24,90 eurot | = | 24.90 EUR | -
EE | 1␣099 € | = | 1099.00 EUR | -
EE | 24,90 € koos km-ga | = | 24.90 EUR +vat | -
EE | 5 € | = | 5.00 EUR | -
EE | 24,90 | = | 24.90 EUR | price.currency-from-country
EE | €24.90 | = | 24.90 EUR | -
EE | 349,00 EUR | = | 349.00 EUR | -
EE | 0 € | = | 0.00 EUR | -
# Poland
PL | 1 299,00 zł | = | 1299.00 PLN | -
PL | 1␣299,00␣zł | = | 1299.00 PLN | -
PL | 49,90 zł | = | 49.90 PLN | -
PL | 49,90zł | = | 49.90 PLN | -
PL | 49,90 PLN | = | 49.90 PLN | -
PL | PLN 199 | = | 199.00 PLN | -
PL | 199 zł brutto | = | 199.00 PLN +vat | -
PL | 161,79 zł netto | = | 161.79 PLN -vat | -
PL | od 49 zł | = | 49.00 PLN | price.from
PL | Za darmo | = | 0.00 PLN | price.free price.currency-from-country
PL | Gratis | cur=PLN | 0.00 PLN | price.free
PL | Bezpłatnie | = | 0.00 PLN | price.free price.currency-from-country
PL | Cena: 1.299,00 zł | = | 1299.00 PLN | -
PL | 2.499 zł | = | 2499.00 PLN | price.decimal-resolved
PL | 2,499 zł | = | 2.499 PLN | price.decimal-resolved price.extra-precision
PL | od 9,99 do 19,99 zł | = | 9.99 PLN | price.range price.from
PL | 9,99 - 19,99 zł | = | 9.99 PLN | price.range
PL | Stara cena: 299,00 zł Cena promocyjna: 249,00 zł | = | 299.00 PLN / 249.00 PLN | price.was-now
PL | 299,00 zł teraz 249,00 zł | = | 299.00 PLN / 249.00 PLN | price.was-now
PL | ~~299,00 zł~~ 249,00 zł | = | 299.00 PLN / 249.00 PLN | price.was-now
PL | 299,00 zł 249,00 zł | = | 299.00 PLN / 249.00 PLN | price.was-now-inferred
PL | 49,- zł | = | 49.00 PLN | -
PL | 12 990 zł | = | 12990.00 PLN | -
PL | 49,90 złotych | = | 49.90 PLN | -
PL | 49,90 zl | = | 49.90 PLN | -
PL | 49,90 zł/szt. | = | 49.90 PLN | -
PL | 1⍽299,00 zł | = | 1299.00 PLN | -
PL | 99 zł z VAT | = | 99.00 PLN +vat | -
PL | 80,49 zł bez VAT | = | 80.49 PLN -vat | -
PL | 19,99 | = | 19.99 PLN | price.currency-from-country
PL | 49,90 zł (12,48 zł/kg) | = | 49.90 PLN | price.extra-amounts
PL | PLN 1 299,00 | = | 1299.00 PLN | -
# Germany
DE | 1.299,00 € | = | 1299.00 EUR | -
DE | 1.299,00 EUR | = | 1299.00 EUR | -
DE | 19,99 € | = | 19.99 EUR | -
DE | 19,99 € inkl. MwSt. | = | 19.99 EUR +vat | -
DE | 19,99 € inkl. MwSt | = | 19.99 EUR +vat | -
DE | 16,80 € zzgl. MwSt. | = | 16.80 EUR -vat | -
DE | 16,80 € exkl. MwSt. | = | 16.80 EUR -vat | -
DE | ab 9,99 € | = | 9.99 EUR | price.from
DE | Kostenlos | = | 0.00 EUR | price.free price.currency-from-country
DE | Gratis | cur=EUR | 0.00 EUR | price.free
DE | 1.299 € | = | 1299.00 EUR | price.decimal-resolved
DE | 1.299,- € | = | 1299.00 EUR | -
DE | 49,- € | = | 49.00 EUR | -
DE | 49,– € | = | 49.00 EUR | -
DE | € 19,99 | = | 19.99 EUR | -
DE | EUR 19,99 | = | 19.99 EUR | -
DE | UVP 59,99 € jetzt 49,99 € | = | 59.99 EUR / 49.99 EUR | price.was-now
DE | 49,99 € statt 59,99 € | = | 59.99 EUR / 49.99 EUR | price.was-now
DE | Preis: 19,99 € | = | 19.99 EUR | -
DE | 9,99 € bis 19,99 € | = | 9.99 EUR | price.range
DE | 9,99 € - 19,99 € | = | 9.99 EUR | price.range
DE | 19,99 | = | 19.99 EUR | price.currency-from-country
DE | 19,99 Euro | = | 19.99 EUR | -
DE | 1␣299,00 € | = | 1299.00 EUR | -
DE | 2.000 € | - | 2000.00 EUR | price.ambiguous-decimal
DE | 2.000 € | l=de | 2000.00 EUR | price.decimal-resolved
DE | 0,99 € | = | 0.99 EUR | -
DE | 12.345,67 € | = | 12345.67 EUR | -
DE | 1.599 € | mark=, | 1599.00 EUR | price.decimal-resolved
DE | 19,99 € inkl. 19% MwSt. | = | 19.99 EUR +vat | -
# Austria
AT | € 1.299,00 | = | 1299.00 EUR | -
AT | € 19,90 | = | 19.90 EUR | -
AT | 19,90 € inkl. MwSt. | = | 19.90 EUR +vat | -
AT | ab € 9,90 | = | 9.90 EUR | price.from
AT | EUR 1 299,– | = | 1299.00 EUR | -
AT | 1.990,– € | = | 1990.00 EUR | -
AT | statt € 29,90 jetzt € 19,90 | = | 29.90 EUR / 19.90 EUR | price.was-now
AT | 19,90 | = | 19.90 EUR | price.currency-from-country
AT | Gratis | = | 0.00 EUR | price.free price.currency-from-country
AT | 4.990 € | = | 4990.00 EUR | price.decimal-resolved
# Czech Republic
CZ | 1 299 Kč | = | 1299.00 CZK | -
CZ | 1␣299␣Kč | = | 1299.00 CZK | -
CZ | 1 299,- Kč | = | 1299.00 CZK | -
CZ | 1 299,00 Kč | = | 1299.00 CZK | -
CZ | 499 Kč s DPH | = | 499.00 CZK +vat | -
CZ | 412 Kč bez DPH | = | 412.00 CZK -vat | -
CZ | od 199 Kč | = | 199.00 CZK | price.from
CZ | Zdarma | = | 0.00 CZK | price.free price.currency-from-country
CZ | 1.299 Kč | = | 1299.00 CZK | price.decimal-resolved
CZ | 1.299,- Kč | = | 1299.00 CZK | -
CZ | 499,- | = | 499.00 CZK | price.currency-from-country
CZ | 499 CZK | = | 499.00 CZK | -
CZ | CZK 499 | = | 499.00 CZK | -
CZ | 499 Kc | = | 499.00 CZK | -
CZ | Původní cena 599 Kč Akční cena 499 Kč | = | 599.00 CZK / 499.00 CZK | price.was-now
CZ | 599 Kč nyní 499 Kč | = | 599.00 CZK / 499.00 CZK | price.was-now
CZ | 199 - 299 Kč | = | 199.00 CZK | price.range
CZ | 12 990 Kč | = | 12990.00 CZK | -
CZ | 499 Kč vč. DPH | = | 499.00 CZK +vat | -
CZ | Cena: 499 Kč | = | 499.00 CZK | -
CZ | 2,490 Kč | = | 2.49 CZK | price.decimal-resolved
CZ | 24 990,- | cur=CZK | 24990.00 CZK | -
# Slovakia
SK | 49,90 € | = | 49.90 EUR | -
SK | 1 299,00 € | = | 1299.00 EUR | -
SK | 49,90 € s DPH | = | 49.90 EUR +vat | -
SK | 41,58 € bez DPH | = | 41.58 EUR -vat | -
SK | od 9,90 € | = | 9.90 EUR | price.from
SK | Zadarmo | = | 0.00 EUR | price.free price.currency-from-country
SK | Pôvodná cena 59,90 € Akciová cena 49,90 € | = | 59.90 EUR / 49.90 EUR | price.was-now
SK | 59,90 € teraz 49,90 € | = | 59.90 EUR / 49.90 EUR | price.was-now
SK | 1.299 € | = | 1299.00 EUR | price.decimal-resolved
SK | 49,90 | = | 49.90 EUR | price.currency-from-country
SK | 49,90 € vrátane DPH | = | 49.90 EUR +vat | -
SK | 9,90 € - 19,90 € | = | 9.90 EUR | price.range
SK | 49,- € | = | 49.00 EUR | -
SK | Cena: 49,90 € | = | 49.90 EUR | -
SK | 1␣049,00␣€ | = | 1049.00 EUR | -
# Finland
FI | 49,90 € | = | 49.90 EUR | -
FI | 1 299,00 € | = | 1299.00 EUR | -
FI | 49,90 € sis. alv | = | 49.90 EUR +vat | -
FI | 39,76 € alv 0% | = | 39.76 EUR -vat | -
FI | Hinta: 49,90 € | = | 49.90 EUR | -
FI | alkaen 9,90 € | = | 9.90 EUR | price.from
FI | Ilmainen | = | 0.00 EUR | price.free price.currency-from-country
FI | Maksuton | cur=EUR | 0.00 EUR | price.free
FI | Normaalihinta 59,90 € Tarjoushinta 49,90 € | = | 59.90 EUR / 49.90 EUR | price.was-now
FI | 59,90 € nyt 49,90 € | = | 59.90 EUR / 49.90 EUR | price.was-now
FI | 2.990 € | = | 2990.00 EUR | price.decimal-resolved
FI | 49,90 | = | 49.90 EUR | price.currency-from-country
FI | 1 299 € | = | 1299.00 EUR | -
FI | 49,90 EUR | = | 49.90 EUR | -
FI | 9,90–19,90 € | = | 9.90 EUR | price.range
FI | 1⍽299,00 € | = | 1299.00 EUR | -
FI | ovh 59,90 € 49,90 € | = | 59.90 EUR / 49.90 EUR | price.was-now
# Russia
RU | 1 299 руб. | = | 1299.00 RUB | -
RU | 1 299 ₽ | = | 1299.00 RUB | -
RU | 1␣299␣₽ | = | 1299.00 RUB | -
RU | 1 299,00 руб | = | 1299.00 RUB | -
RU | 499 р. | = | 499.00 RUB | -
RU | 499 RUB | = | 499.00 RUB | -
RU | от 499 ₽ | = | 499.00 RUB | price.from
RU | Бесплатно | = | 0.00 RUB | price.free price.currency-from-country
RU | 1 299 ₽ с НДС | = | 1299.00 RUB +vat | -
RU | 1 082 ₽ без НДС | = | 1082.00 RUB -vat | -
RU | Цена: 1 299 ₽ | = | 1299.00 RUB | -
RU | было 1 599 ₽ сейчас 1 299 ₽ | = | 1599.00 RUB / 1299.00 RUB | price.was-now
RU | Старая цена 1 599 руб. Цена со скидкой 1 299 руб. | = | 1599.00 RUB / 1299.00 RUB | price.was-now
RU | 499 - 999 ₽ | = | 499.00 RUB | price.range
RU | 1.299 руб. | = | 1299.00 RUB | price.decimal-resolved
RU | 1 299 | = | 1299.00 RUB | price.currency-from-country
RU | 12 990,50 ₽ | = | 12990.50 RUB | -
RU | ₽1 299 | = | 1299.00 RUB | -
RU | 1 299 € | = | 1299.00 EUR | -
RU | 499 руб./шт. | = | 499.00 RUB | -
# Ukraine
UA | 1 299 грн | = | 1299.00 UAH | -
UA | 1 299 грн. | = | 1299.00 UAH | -
UA | 1␣299,00␣грн | = | 1299.00 UAH | -
UA | 1 299 ₴ | = | 1299.00 UAH | -
UA | 499 UAH | = | 499.00 UAH | -
UA | від 499 грн | = | 499.00 UAH | price.from
UA | Безкоштовно | = | 0.00 UAH | price.free price.currency-from-country
UA | 1 299 грн з ПДВ | = | 1299.00 UAH +vat | -
UA | 1 082 грн без ПДВ | = | 1082.00 UAH -vat | -
UA | Ціна: 1 299 грн | = | 1299.00 UAH | -
UA | було 1 599 грн зараз 1 299 грн | = | 1599.00 UAH / 1299.00 UAH | price.was-now
UA | 499 - 999 грн | = | 499.00 UAH | price.range
UA | 1 299 | = | 1299.00 UAH | price.currency-from-country
UA | 2.499 грн | = | 2499.00 UAH | price.decimal-resolved
UA | 12 999 ₴ | = | 12999.00 UAH | -
UA | ₴ 499 | = | 499.00 UAH | -
# United Kingdom
GB | £19.99 | = | 19.99 GBP | -
GB | £1,299.00 | = | 1299.00 GBP | -
GB | £1,299 | = | 1299.00 GBP | price.decimal-resolved
GB | 19.99 GBP | = | 19.99 GBP | -
GB | GBP 19.99 | = | 19.99 GBP | -
GB | £19.99 inc. VAT | = | 19.99 GBP +vat | -
GB | £16.66 ex. VAT | = | 16.66 GBP -vat | -
GB | £19.99 incl. VAT | = | 19.99 GBP +vat | -
GB | £16.66 + VAT | = | 16.66 GBP -vat | -
GB | from £9.99 | = | 9.99 GBP | price.from
GB | Free | = | 0.00 GBP | price.free price.currency-from-country
GB | FREE | cur=GBP | 0.00 GBP | price.free
GB | Was £59.99 Now £49.99 | = | 59.99 GBP / 49.99 GBP | price.was-now
GB | Was £59.99, now £49.99 | = | 59.99 GBP / 49.99 GBP | price.was-now
GB | RRP £59.99 £49.99 | = | 59.99 GBP / 49.99 GBP | price.was-now
GB | £9.99 - £19.99 | = | 9.99 GBP | price.range
GB | £9.99 to £19.99 | = | 9.99 GBP | price.range
GB | £9.99–£19.99 | = | 9.99 GBP | price.range
GB | 19.99 | = | 19.99 GBP | price.currency-from-country
GB | £1,299.99 | = | 1299.99 GBP | -
GB | £0.99 | = | 0.99 GBP | -
GB | Price: £19.99 | = | 19.99 GBP | -
GB | Our price: £19.99 | = | 19.99 GBP | -
GB | £12,499.00 | = | 12499.00 GBP | -
GB | £1,234,567.89 | = | 1234567.89 GBP | -
GB | 19.99 GBP incl VAT | = | 19.99 GBP +vat | -
# Ireland
IE | €19.99 | = | 19.99 EUR | -
IE | €1,299.00 | = | 1299.00 EUR | -
IE | €1,299 | = | 1299.00 EUR | price.decimal-resolved
IE | from €9.99 | = | 9.99 EUR | price.from
IE | €19.99 incl. VAT | = | 19.99 EUR +vat | -
IE | Was €59.99 Now €49.99 | = | 59.99 EUR / 49.99 EUR | price.was-now
IE | 19.99 | = | 19.99 EUR | price.currency-from-country
IE | Free | = | 0.00 EUR | price.free price.currency-from-country
# United States
US | $19.99 | = | 19.99 USD | price.currency-resolved
US | $1,299.00 | = | 1299.00 USD | price.currency-resolved
US | US$19.99 | = | 19.99 USD | -
US | US$ 19.99 | = | 19.99 USD | -
US | USD 19.99 | = | 19.99 USD | -
US | 19.99 USD | = | 19.99 USD | -
US | $19.99 | cur=USD | 19.99 USD | -
US | $19.99 | - | 19.99 USD | price.currency-assumed
US | $19.99 | l=en | 19.99 USD | price.currency-assumed
US | $19.99 | ev=text-language:l=en | 19.99 USD | price.currency-assumed
CA | $19.99 | ev=document:c=CA | 19.99 CAD | price.currency-assumed
CA | $19.99 | ev=text-language:l=fr | 19.99 CAD | price.currency-assumed
US | from $9.99 | = | 9.99 USD | price.from price.currency-resolved
US | Starting at $9.99 | = | 9.99 USD | price.from price.currency-resolved
US | Free | = | 0.00 USD | price.free price.currency-from-country
US | $9.99 - $19.99 | = | 9.99 USD | price.range price.currency-resolved
US | Was $59.99 Now $49.99 | = | 59.99 USD / 49.99 USD | price.was-now price.currency-resolved
US | Sale $49.99 Regular price $59.99 | = | 59.99 USD / 49.99 USD | price.was-now price.currency-resolved
US | List Price: $59.99 | = | 59.99 USD | price.currency-resolved
US | $1,299 | = | 1299.00 USD | price.decimal-resolved price.currency-resolved
US | $0.99 | = | 0.99 USD | price.currency-resolved
US | 19.99 | = | 19.99 USD | price.currency-from-country
US | $12,499.99 | = | 12499.99 USD | price.currency-resolved
US | $ 19.99 | cur=USD | 19.99 USD | -
# Canada
CA | CA$59.99 | = | 59.99 CAD | -
CA | C$59.99 | = | 59.99 CAD | -
CA | $59.99 | = | 59.99 CAD | price.currency-resolved
CA | $59.99 CAD | = | 59.99 CAD | -
CA | CAD 59.99 | = | 59.99 CAD | -
CA | 59,99 $ | = | 59.99 CAD | price.currency-resolved
CA | from CA$9.99 | = | 9.99 CAD | price.from
CA | CA$1,299.00 | = | 1299.00 CAD | -
# Switzerland
CH | CHF 1'299.00 | = | 1299.00 CHF | -
CH | CHF 1’299.00 | = | 1299.00 CHF | -
CH | CHF 1'299.– | = | 1299.00 CHF | -
CH | CHF 49.– | = | 49.00 CHF | -
CH | CHF 49.90 | = | 49.90 CHF | -
CH | 49.90 CHF | = | 49.90 CHF | -
CH | Fr. 49.90 | = | 49.90 CHF | -
CH | SFr. 49.90 | = | 49.90 CHF | -
CH | 1'299.00 | = | 1299.00 CHF | price.currency-from-country
CH | ab CHF 9.90 | = | 9.90 CHF | price.from
CH | CHF 1.299 | = | 1.299 CHF | price.decimal-resolved price.extra-precision
CH | statt CHF 59.90 CHF 49.90 | = | 59.90 CHF / 49.90 CHF | price.was-now
CH | CHF 1 299.00 | = | 1299.00 CHF | -
CH | Gratis | cur=CHF | 0.00 CHF | price.free
# Sweden
SE | 1 299 kr | = | 1299.00 SEK | price.currency-resolved
SE | 1␣299␣kr | = | 1299.00 SEK | price.currency-resolved
SE | 1 299,00 kr | = | 1299.00 SEK | price.currency-resolved
SE | 1 299:- | = | 1299.00 SEK | price.currency-from-country
SE | 499 SEK | = | 499.00 SEK | -
SE | SEK 499 | = | 499.00 SEK | -
SE | 499 kr | l=sv | none | price.currency-ambiguous
SE | 499 kr | ev=text-language:l=sv | 499.00 SEK | price.currency-assumed
SE | 499 kr | l=de ev=document:c=SE | 499.00 SEK | price.currency-assumed
SE | 499 kr | cur=SEK | 499.00 SEK | -
SE | 499 kr | - | none | price.currency-ambiguous
SE | från 99 kr | = | 99.00 SEK | price.currency-resolved
SE | 1.299 kr | = | 1299.00 SEK | price.decimal-resolved price.currency-resolved
SE | 499 kr inkl. moms | = | 499.00 SEK | price.currency-resolved
# Norway
NO | kr 1 299,- | = | 1299.00 NOK | price.currency-resolved
NO | 1 299,- | = | 1299.00 NOK | price.currency-from-country
NO | 1 299 kr | = | 1299.00 NOK | price.currency-resolved
NO | NOK 1 299 | = | 1299.00 NOK | -
NO | 1 299,00 NOK | = | 1299.00 NOK | -
NO | kr 499 | ev=text-language:l=nb | 499.00 NOK | price.currency-assumed
NO | kr 499 | ev=format:c=NO | 499.00 NOK | price.currency-resolved
NO | kr 1.299,- | = | 1299.00 NOK | price.currency-resolved
NO | 1.299 kr | = | 1299.00 NOK | price.decimal-resolved price.currency-resolved
# Denmark
DK | 1.299 kr. | = | 1299.00 DKK | price.decimal-resolved price.currency-resolved
DK | 1.299,00 kr. | = | 1299.00 DKK | price.currency-resolved
DK | kr. 1.299,- | = | 1299.00 DKK | price.currency-resolved
DK | 499,- kr. | = | 499.00 DKK | price.currency-resolved
DK | DKK 499 | = | 499.00 DKK | -
DK | 499 kr | ev=text-language:l=da | 499.00 DKK | price.currency-assumed
DK | 1.299 kr. | - | none ~1299.00 | price.currency-ambiguous price.ambiguous-decimal
DK | 249,95 kr. | = | 249.95 DKK | price.currency-resolved
# Iceland
IS | 12.990 kr. | = | 12990 ISK | price.currency-resolved price.decimal-resolved
IS | 12.990 ISK | = | 12990 ISK | price.decimal-resolved
IS | ISK 1.990 | - | 1990 ISK | price.decimal-resolved
# Hungary
HU | 12 990 Ft | = | 12990.00 HUF | -
HU | 12␣990␣Ft | = | 12990.00 HUF | -
HU | 12.990 Ft | = | 12990.00 HUF | price.decimal-resolved
HU | 12 990 HUF | = | 12990.00 HUF | -
HU | 1 299 Ft | = | 1299.00 HUF | -
HU | 12 990 Ft bruttó | = | 12990.00 HUF +vat | -
HU | 10 228 Ft nettó | = | 10228.00 HUF -vat | -
HU | 12 990,- Ft | = | 12990.00 HUF | -
HU | 12.990 Ft | l=hu | 12990.00 HUF | price.decimal-resolved
HU | 990 Ft | - | 990.00 HUF | -
# Romania
RO | 149,99 lei | = | 149.99 RON | price.currency-resolved
RO | 1.299,99 lei | = | 1299.99 RON | price.currency-resolved
RO | 1.299 lei | = | 1299.00 RON | price.decimal-resolved price.currency-resolved
RO | 149,99 RON | = | 149.99 RON | -
RO | RON 149,99 | = | 149.99 RON | -
RO | 149,99 lei cu TVA | = | 149.99 RON +vat | price.currency-resolved
RO | 126,04 lei fără TVA | = | 126.04 RON -vat | price.currency-resolved
RO | 149,99 lei | - | 149.99 RON | price.currency-assumed
RO | 149,99 lei | l=ro | 149.99 RON | price.currency-assumed
RO | 149,99 lei | ev=text-language:l=ro ev=document:c=MD | 149.99 RON | price.currency-assumed
RO | 149,99 lei | ev=document:c=MD ev=text-language:l=ro | 149.99 MDL | price.currency-assumed
RO | 149,99 lei | c=MD | 149.99 MDL | price.currency-resolved
RO | 149,99 lei | cur=RON | 149.99 RON | -
RO | 149,99 leu | c=RO | 149.99 RON | -
# Bulgaria
BG | 49,90 лв. | = | 49.90 BGN | -
BG | 49,90 лв | = | 49.90 BGN | -
BG | 1 299,00 лв. | = | 1299.00 BGN | -
BG | 49,90 BGN | = | 49.90 BGN | -
BG | 49.90 лв. | = | 49.90 BGN | -
BG | 1.299 лв. | = | 1299.00 BGN | price.decimal-resolved
BG | 49,90 лв. с ДДС | = | 49.90 BGN | -
BG | 49,90 lv. | = | 49.90 BGN | -
# France
FR | 1 299,00 € | = | 1299.00 EUR | -
FR | 1⍽299,00⍽€ | = | 1299.00 EUR | -
FR | 19,99 € TTC | = | 19.99 EUR | -
FR | 19,99 € | = | 19.99 EUR | -
FR | 19€99 | = | 19.99 EUR | -
# Netherlands
NL | € 19,99 | = | 19.99 EUR | -
NL | € 1.299,00 | = | 1299.00 EUR | -
NL | € 19,- | = | 19.00 EUR | -
NL | vanaf € 9,99 | = | 9.99 EUR | -
# Italy and Spain
IT | 1.299,00 € | = | 1299.00 EUR | -
IT | € 19,90 | = | 19.90 EUR | -
ES | 1.299,00 € | = | 1299.00 EUR | -
ES | 19,90 € IVA incluido | = | 19.90 EUR | -
# Brazil
BR | R$ 1.299,90 | = | 1299.90 BRL | -
BR | R$1.299,90 | = | 1299.90 BRL | -
BR | R$ 49,90 | = | 49.90 BRL | -
BR | 49,90 BRL | = | 49.90 BRL | -
BR | R$ 1.299 | = | 1299.00 BRL | price.decimal-resolved
# Japan
JP | ¥1,500 | = | 1500 JPY | price.currency-resolved price.decimal-resolved
JP | 1,500円 | = | 1500 JPY | price.decimal-resolved
JP | ￥1,500 | c=JP | 1500 JPY | price.currency-resolved price.decimal-resolved
JP | JPY 1500 | - | 1500 JPY | -
JP | ¥1,500 | - | 1500 JPY | price.currency-assumed price.decimal-resolved
CN | ¥199.00 | - | 199.00 CNY | price.currency-assumed
# Australia, New Zealand, Mexico, elsewhere
AU | A$59.99 | = | 59.99 AUD | -
AU | AU$59.99 | = | 59.99 AUD | -
AU | $59.99 | = | 59.99 AUD | price.currency-resolved
NZ | NZ$59.99 | = | 59.99 NZD | -
MX | MX$599.00 | = | 599.00 MXN | -
MX | $599.00 MXN | = | 599.00 MXN | -
KW | 1.250 KWD | - | 1.250 KWD | price.decimal-resolved
BH | BHD 12.500 | - | 12.500 BHD | price.decimal-resolved
TR | 1.299,90 ₺ | = | 1299.90 TRY | -
TR | 1.299,90 TL | = | 1299.90 TRY | -
IN | ₹1,299 | = | 1299.00 INR | price.decimal-resolved
IN | Rs. 1,299.00 | = | 1299.00 INR | price.currency-resolved
IL | ₪199.90 | = | 199.90 ILS | -
GE | 99 ₾ | = | 99.00 GEL | -
KZ | 9 990 ₸ | = | 9990.00 KZT | -
KZ | 9 990 тг | = | 9990.00 KZT | -
RS | 2.499 din. | = | 2499.00 RSD | price.decimal-resolved
RS | 2.499,00 RSD | = | 2499.00 RSD | -
# Malformed and unknown
LT | Kaina | = | none | price.no-amount
LT | - | = | none | price.no-amount
LT | 58,99 XYZ | = | none | price.currency-unknown
PL | 1.2.3 zł | = | none | price.malformed-number
LT | 1 29,00 € | = | none | price.malformed-number
LT | 58,99 € 58,99 $ | c=LT | 58.99 EUR | price.extra-amounts
LT | 58,99 | - | none | price.currency-missing
PL | 58,99 € 249,00 zł | = | 58.99 EUR | price.extra-amounts
GB | TBC | = | none | price.no-amount
US | Call for price | = | none | price.no-amount
DE | 19,99 € / 29,99 € | = | 19.99 EUR | price.extra-amounts
"""#
}
