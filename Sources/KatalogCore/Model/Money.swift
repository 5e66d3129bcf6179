import Foundation

/// An amount of money: an exact `Decimal` and an ISO 4217 currency code. Never binary floating point.
public struct Money: Sendable, Hashable, Codable {
    public var amount: Decimal
    /// ISO 4217 code, upper case (`EUR`, `PLN`).
    public var currency: String

    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount as a plain decimal string with the currency's minor units (`58.99`, `199.00`, `1500` for JPY).
    public var amountText: String {
        DecimalFormatting.fixed(amount, fractionDigits: CurrencyTable.builtIn.minorUnits(of: currency) ?? 2)
    }
}

/// A price as read from the source: the money, the text it came from, and what was said about VAT.
public struct Price: Sendable, Hashable, Codable {
    public var money: Money
    /// The original text, untouched (`58.99€`, `1 299,00 zł`).
    public var text: String
    /// `included` / `excluded` when the text says so (brutto/netto, su PVM/be PVM, inkl./zzgl. MwSt.).
    public var vat: String?

    public init(money: Money, text: String, vat: String? = nil) {
        self.money = money
        self.text = text
        self.vat = vat
    }
}
