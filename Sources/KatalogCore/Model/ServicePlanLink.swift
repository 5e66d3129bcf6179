/// A covered product a service plan names, and the catalog records of the same run that are that product.
public struct ServicePlanLink: Sendable, Hashable {
    /// One catalog record that matched, and how.
    public struct Match: Sendable, Hashable, Codable {
        /// The record's id (`<file>#<record>`).
        public var product: String
        /// `gtin`, `mpn` or `title`.
        public var matchedBy: String

        public init(product: String, matchedBy: String) {
            self.product = product
            self.matchedBy = matchedBy
        }
    }

    /// The plan record's id.
    public var plan: String
    /// The covered model name or GTIN, as the plan states it.
    public var covered: String
    /// `model` or `gtin`.
    public var coveredBy: String
    /// Matching records, in input order; empty when the run holds none.
    public var products: [Match]

    public init(plan: String, covered: String, coveredBy: String, products: [Match]) {
        self.plan = plan
        self.covered = covered
        self.coveredBy = coveredBy
        self.products = products
    }
}
