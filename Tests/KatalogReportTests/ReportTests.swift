import Testing
@testable import KatalogReport
