/// Prices as shops around the world print them, mostly read alone (context `-`) the way a person would read them
/// off a page, plus the evidence that settles shared symbols. Same notation as `PriceTable` (see `PriceCase.parse`):
/// `ev=<basis>:<c|l|cur>=<value>` adds a `CurrencyEvidence` entry; `none ~149.00` is no price with the amount kept.
enum WorldPriceTable {
    static let rows = #"""
# United States, Canada, Mexico
US | $1,299.99 | - | 1299.99 USD | price.currency-assumed
US | $49.99 | - | 49.99 USD | price.currency-assumed
US | US$ 49.99 | - | 49.99 USD | -
US | USD 1,299.00 | - | 1299.00 USD | -
US | $1,299 | - | 1299.00 USD | price.currency-assumed price.ambiguous-decimal
US | $.99 | - | 0.99 USD | price.currency-assumed
US | $49.99 | ev=document:c=US | 49.99 USD | price.currency-assumed
US | $49.99 | ev=record:cur=USD | 49.99 USD | price.currency-resolved
CA | C$ 59.99 | - | 59.99 CAD | -
CA | CAD$59.99 | - | 59.99 CAD | -
CA | 59,99 $ | ev=text-language:l=fr | 59.99 CAD | price.currency-assumed
CA | $59.99 | ev=document:c=CA ev=text-language:l=en | 59.99 CAD | price.currency-assumed
MX | MX$1,299.00 | - | 1299.00 MXN | -
MX | $1,299.00 MXN | - | 1299.00 MXN | -
MX | $1,299.00 | ev=document:c=MX | 1299.00 MXN | price.currency-assumed
# Latin America
BR | R$ 1.299,90 | - | 1299.90 BRL | -
BR | R$49,90 | - | 49.90 BRL | -
AR | $ 15.999 | ev=document:c=AR | 15999.00 ARS | price.currency-assumed price.decimal-resolved
CL | $12.990 | ev=document:c=CL | 12990 CLP | price.currency-assumed price.decimal-resolved
CO | $ 89.900 | ev=document:c=CO | 89900.00 COP | price.currency-assumed price.decimal-resolved
PE | S/ 149.90 | - | 149.90 PEN | -
PE | S/. 1,299.00 | - | 1299.00 PEN | -
PA | B/. 25.00 | - | 25.00 PAB | -
VE | Bs. 150,00 | - | 150.00 VES | price.currency-assumed
BO | Bs 150 | - | 150.00 BOB | price.currency-assumed
DO | RD$ 1,500.00 | - | 1500.00 DOP | -
JM | J$2,500 | - | 2500.00 JMD | price.ambiguous-decimal
TT | TT$ 199.99 | - | 199.99 TTD | -
BZ | BZ$ 45.00 | - | 45.00 BZD | -
UY | $U 1.290 | - | 1290.00 UYU | price.ambiguous-decimal
PY | ₲ 150.000 | - | 150000 PYG | price.decimal-resolved
CR | ₡15.000 | - | 15000.00 CRC | price.decimal-resolved
# United Kingdom, Ireland
GB | £1,049.00 | - | 1049.00 GBP | -
GB | £19.99 | - | 19.99 GBP | -
GB | £1,299 | - | 1299.00 GBP | price.ambiguous-decimal
IE | €1,049.00 | - | 1049.00 EUR | -
# Euro area
DE | € 9,99 | - | 9.99 EUR | -
DE | 9.99 EUR | - | 9.99 EUR | -
DE | EUR 9.99 | - | 9.99 EUR | -
DE | 1.299,- € | - | 1299.00 EUR | -
DE | .75 € | - | 0.75 EUR | -
DE | 1.837, 32 € | - | 1837.32 EUR | price.spacing-repaired
DE | 36. 24 | cur=EUR | 36.24 EUR | price.spacing-repaired
DE | 36. 24 | - | none ~36.24 | price.currency-missing price.spacing-repaired
DE | 1.299 € | - | 1299.00 EUR | price.ambiguous-decimal
DE | 149,00 | ev=document:l=de | 149.00 EUR | price.currency-assumed
FR | 1 299,00 € | - | 1299.00 EUR | -
FR | 19€99 | - | 19.99 EUR | -
NL | € 1.299,- | - | 1299.00 EUR | -
IT | 1.299,00 € | - | 1299.00 EUR | -
ES | 1.299,00 € | - | 1299.00 EUR | -
PT | 1 299,00 € | - | 1299.00 EUR | -
GR | 1.299,00 € | - | 1299.00 EUR | -
HR | 1.299,00 € | - | 1299.00 EUR | -
HR | 149 | ev=text-language:l=hr | 149.00 EUR | price.currency-assumed
BG | 49,90 € | - | 49.90 EUR | -
BG | 49,90 лв. | - | 49.90 BGN | -
BG | 49,90 | ev=text-language:l=bg | 49.90 EUR | price.currency-assumed
BG | 49,90 | c=BG | 49.90 EUR | price.currency-from-country
# Switzerland
CH | CHF 1'299.– | - | 1299.00 CHF | -
CH | Fr. 49.90 | - | 49.90 CHF | -
CH | 1'299.– | - | 1299.00 CHF | price.currency-assumed
CH | 1.299.- CHF | - | 1299.00 CHF | -
# Nordics
SE | kr 1 495:- | - | 1495.00 SEK | price.currency-assumed
SE | 1 495:- | - | 1495.00 SEK | price.currency-assumed
SE | 1.495,- kr | ev=text-language:l=sv | 1495.00 SEK | price.currency-assumed
SE | 1 495 kr | - | none ~1495.00 | price.currency-ambiguous
SE | 1 495 kr | ev=document:l=sv-SE | 1495.00 SEK | price.currency-assumed
SE | 1 495 SEK | - | 1495.00 SEK | -
NO | kr 1 299,- | ev=document:c=NO | 1299.00 NOK | price.currency-assumed
NO | 1 299,- | ev=text-language:l=nb | 1299.00 NOK | price.currency-assumed
DK | 1.299,95 kr. | ev=text-language:l=da | 1299.95 DKK | price.currency-assumed
DK | kr. 1.299 | ev=file-prices:cur=DKK | 1299.00 DKK | price.currency-assumed price.ambiguous-decimal
DK | kr. 1.299 | ev=document:c=DK | 1299.00 DKK | price.currency-assumed price.decimal-resolved
JP | 12,800円税込 | - | 12800 JPY | price.decimal-resolved
IS | 12.990 kr. | ev=document:c=IS | 12990 ISK | price.currency-assumed price.decimal-resolved
FI | 1 299,00 € | - | 1299.00 EUR | -
# Central and Eastern Europe
PL | 1 299,00 zł | - | 1299.00 PLN | -
PL | 49,99zł | - | 49.99 PLN | -
PL | 2.499 zł | - | 2499.00 PLN | price.ambiguous-decimal
CZ | 1 049,00 Kč | - | 1049.00 CZK | -
CZ | 1.299,- Kč | - | 1299.00 CZK | -
HU | 2 499 Ft | - | 2499.00 HUF | -
HU | 12.990 Ft | - | 12990.00 HUF | price.decimal-resolved
HU | 12.990 | ev=text-language:l=hu | 12990.00 HUF | price.currency-assumed price.decimal-resolved
RO | 149,99 lei | - | 149.99 RON | price.currency-assumed
RO | 1.299,99 LEI | - | 1299.99 RON | price.currency-assumed
RO | 89 Lei | - | 89.00 RON | price.currency-assumed
MD | 149,99 lei | ev=document:c=MD | 149.99 MDL | price.currency-assumed
RU | 1 299 ₽ | - | 1299.00 RUB | -
RU | 1 299 руб. | - | 1299.00 RUB | -
RU | 1 299 RUR | - | 1299.00 RUB | price.currency-alias
UA | 1 299 ₴ | - | 1299.00 UAH | -
UA | 1 299 грн | - | 1299.00 UAH | -
RS | 2.499 RSD | - | 2499.00 RSD | price.ambiguous-decimal
BA | 49,90 KM | - | 49.90 BAM | -
MK | 1.299 ден. | - | 1299.00 MKD | price.ambiguous-decimal
# Obsolete national currencies
DE | 49,90 DEM | - | 49.90 DEM | price.currency-obsolete
DE | 49,90 DM | - | 49.90 DEM | price.currency-obsolete
FR | 99,00 FRF | - | 99.00 FRF | price.currency-obsolete
IT | 150.000 ITL | - | 150000 ITL | price.currency-obsolete price.decimal-resolved
ES | 1.500 ESP | - | 1500 ESP | price.currency-obsolete price.decimal-resolved
LT | 99,99 LTL | - | 99.99 LTL | price.currency-obsolete
LT | 99,99 Lt | - | 99.99 LTL | price.currency-obsolete
EE | 199 EEK | - | 199.00 EEK | price.currency-obsolete
LV | 19,99 LVL | - | 19.99 LVL | price.currency-obsolete
HR | 149,99 kn | - | 149.99 HRK | price.currency-obsolete
HR | 149,99 HRK | - | 149.99 HRK | price.currency-obsolete
SK | 999 SKK | - | 999.00 SKK | price.currency-obsolete
# Turkey, Israel, Middle East, North Africa
TR | ₺1.299,90 | - | 1299.90 TRY | -
TR | 1.299,90 TL | - | 1299.90 TRY | -
IL | ₪199.90 | - | 199.90 ILS | -
AE | AED 199 | - | 199.00 AED | -
AE | 199 د.إ | - | 199.00 AED | -
AE | د.إ.‏ 1,299.00 | - | 1299.00 AED | -
SA | 199 ر.س | - | 199.00 SAR | -
SA | SR 199 | - | 199.00 SAR | -
SA | 199 ريال | - | 199.00 SAR | price.currency-assumed
QA | QR 1,299 | - | 1299.00 QAR | price.ambiguous-decimal
KW | KD 12.500 | - | 12.500 KWD | price.decimal-resolved
KW | ١٢٫٥٠٠ د.ك | - | 12.500 KWD | price.decimal-resolved
BH | BD 1.250 | - | 1.250 BHD | price.decimal-resolved
OM | 12.500 OMR | - | 12.500 OMR | price.decimal-resolved
JO | JD 12.50 | - | 12.500 JOD | -
TN | 25.900 DT | - | 25.900 TND | price.decimal-resolved
EG | E£ 1,299 | - | 1299.00 EGP | price.ambiguous-decimal
EG | 1,299 ج.م | - | 1299.00 EGP | price.ambiguous-decimal
IR | ۱۵۰,۰۰۰ تومان | - | 150000.00 IRR | price.decimal-resolved
IR | 1,500,000 ریال | - | 1500000.00 IRR | -
# South and Southeast Asia
IN | ₹1,29,999 | - | 129999.00 INR | -
IN | Rs. 1,299 | - | 1299.00 INR | price.currency-assumed price.ambiguous-decimal
IN | ₹ 499 | - | 499.00 INR | -
PK | Rs. 1,299 | ev=document:c=PK | 1299.00 PKR | price.currency-assumed price.decimal-resolved
ID | Rp 150.000 | - | 150000.00 IDR | price.decimal-resolved
ID | Rp1.299.000 | - | 1299000.00 IDR | -
VN | 150.000 ₫ | - | 150000 VND | price.decimal-resolved
VN | 150.000đ | - | 150000 VND | price.decimal-resolved
VN | 1.290.000 VND | - | 1290000 VND | -
TH | ฿1,290 | - | 1290.00 THB | price.ambiguous-decimal
PH | ₱1,299.00 | - | 1299.00 PHP | -
MY | RM 49.90 | - | 49.90 MYR | -
MY | RM49.90 | - | 49.90 MYR | -
SG | S$ 49.90 | - | 49.90 SGD | -
BT | Nu. 500 | - | 500.00 BTN | -
BD | ৳ 1,250 | - | 1250.00 BDT | price.ambiguous-decimal
# East Asia and Oceania
JP | ¥12,800 | - | 12800 JPY | price.currency-assumed price.decimal-resolved
JP | 12.800円 | - | 12800 JPY | price.decimal-resolved
JP | 12,800円（税込） | - | 12800 JPY | price.decimal-resolved
CN | ¥ 199.00 | - | 199.00 CNY | price.currency-assumed
CN | 199元 | - | 199.00 CNY | price.currency-assumed
KR | ₩12,000 | - | 12000 KRW | price.decimal-resolved
KR | 12,000원 | - | 12000 KRW | price.decimal-resolved
HK | HK$ 1,299 | - | 1299.00 HKD | price.ambiguous-decimal
TW | NT$1,290 | - | 1290.00 TWD | price.ambiguous-decimal
AU | A$ 59.95 | - | 59.95 AUD | -
NZ | NZ$59.95 | - | 59.95 NZD | -
# Africa
ZA | R 1 299,00 | - | 1299.00 ZAR | -
ZA | R1,299.00 | - | 1299.00 ZAR | -
ZA | R 1 299,00 € | - | 1299.00 EUR | -
NG | ₦5,000 | - | 5000.00 NGN | price.ambiguous-decimal
KE | KSh 1,500 | - | 1500.00 KES | price.ambiguous-decimal
TZ | TSh 15,000 | - | 15000.00 TZS | price.decimal-resolved
UG | USh 50,000 | - | 50000 UGX | price.decimal-resolved
GH | GH₵ 150.00 | - | 150.00 GHS | -
MA | 199 DH | - | 199.00 MAD | price.currency-assumed
# Shapes of real pages
AU | AU $49.95 | - | 49.95 AUD | -
US | US $ 9.99 | - | 9.99 USD | -
CH | 1'299.00 | - | 1299.00 CHF | price.currency-assumed
IN | Rs. 1,299/- | - | 1299.00 INR | price.currency-assumed
IN | ₹१,२९९ | - | 1299.00 INR | price.ambiguous-decimal
BD | ৳১,২০০ | - | 1200.00 BDT | price.ambiguous-decimal
IN | MRP ₹2,499 | - | 2499.00 INR | price.ambiguous-decimal
DE | TOP SALE 49,99 € | - | 49.99 EUR | price.currency-conflict
US | Sale price$49.99Regular price$59.99 | - | 59.99 USD / 49.99 USD | price.currency-assumed price.was-now
FR | Prix : 1 299,00 € TTC | - | 1299.00 EUR | -
CA | CAN$ 49.99 | - | 49.99 CAD | -
TH | ฿1,290.50 | - | 1290.50 THB | -
US | 49.99 dollars | - | 49.99 USD | price.currency-assumed
GB | 50 pounds | - | 50.00 GBP | price.currency-assumed
SE | 200 kronor | - | 200.00 SEK | -
NO | 200 kroner | - | none ~200.00 | price.currency-ambiguous
GB | 99p | - | 0.99 GBP | price.minor-unit
US | 99¢ | - | 0.99 USD | price.currency-assumed price.minor-unit
CA | 99¢ | ev=document:c=CA | 0.99 CAD | price.currency-assumed price.minor-unit
XX | 12 pcs | - | none ~12.00 | price.currency-missing
US | Our Price: $1,299.99 You Save: $200.00 | - | 1299.99 USD | price.currency-assumed price.extra-amounts
DE | €49.99 / $54.99 | - | 49.99 EUR | price.extra-amounts
RU | 1 299 распродажа | - | none ~1299.00 | price.currency-missing
TH | 1,290บาท | - | 1290.00 THB | price.ambiguous-decimal
DE | 49,99&nbsp;&euro; | - | 49.99 EUR | -
GB | &pound;9.99 | - | 9.99 GBP | -
CA | 12.99 $CAD | - | 12.99 CAD | -
SE | 1 299:- kr | - | 1299.00 SEK | price.currency-assumed
# Evidence of every basis
PL | 149,00 | ev=file-prices:cur=PLN | 149.00 PLN | price.currency-assumed
SE | 149 kr | ev=command-line:cur=SEK | 149.00 SEK | price.currency-resolved
SE | 1 495 | ev=command-line:cur=SEK | 1495.00 SEK | price.currency-stated
CZ | 1 495 | ev=format:cur=CZK ev=document:c=SK | 1495.00 CZK | price.currency-stated
SK | 1 495 | ev=document:c=SK ev=format:cur=CZK | 1495.00 EUR | price.currency-assumed
NO | 1 495 kr | ev=config:c=NO | 1495.00 NOK | price.currency-resolved
DK | 1 495 kr | ev=record:cur=EUR ev=text-language:l=da | 1495.00 DKK | price.currency-assumed
AU | $ 49.99 | ev=document:c=AU ev=text-language:l=en | 49.99 AUD | price.currency-assumed
US | $ 49.99 | ev=text-language:l=en | 49.99 USD | price.currency-assumed
US | 1 495 | ev=text-language:l=en | 1495.00 USD | price.currency-assumed
XX | kr 1 495 | ev=text-language:l=en | none ~1495.00 | price.currency-ambiguous
# Nothing decides
XX | 149.00 | - | none ~149.00 | price.currency-missing
XX | kr 149 | - | none ~149.00 | price.currency-ambiguous
XX | 49,90 XYZ | - | none ~49.90 | price.currency-unknown
"""#
}
