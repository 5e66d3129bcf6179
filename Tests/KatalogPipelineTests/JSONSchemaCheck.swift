import Foundation

/// A small JSON Schema (draft-04) validator for the keywords the SARIF schema uses: type, properties,
/// additionalProperties, required, enum, items, minItems, uniqueItems, minimum, maximum, pattern, anyOf and local
/// `$ref`s. `format` is not checked. A `$ref` to a definition the schema does not hold is an error.
struct JSONSchemaCheck {
    let root: [String: Any]

    init(schemaAt url: URL) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.root = root
    }

    /// Every violation, as `path: problem`; empty when `instance` is valid.
    func errors(in instance: Any) -> [String] {
        var errors: [String] = []
        check(instance, against: root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ schema: [String: Any], path: String, errors: inout [String]) -> [String: Any]? {
        guard let reference = schema["$ref"] as? String else { return schema }
        let prefix = "#/definitions/"
        guard reference.hasPrefix(prefix), let definitions = root["definitions"] as? [String: Any],
              let target = definitions[String(reference.dropFirst(prefix.count))] as? [String: Any] else {
            errors.append("\(path): unresolved $ref \(reference)")
            return nil
        }
        return target
    }

    private func check(_ value: Any, against rawSchema: [String: Any], path: String, errors: inout [String]) {
        guard let schema = resolve(rawSchema, path: path, errors: &errors) else { return }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: "|")), found \(Self.typeName(value))")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let anyOf = schema["anyOf"] as? [[String: Any]] {
            let passes = anyOf.contains { option in
                var scratch: [String] = []
                check(value, against: option, path: path, errors: &scratch)
                return scratch.isEmpty
            }
            if !passes { errors.append("\(path): matches none of anyOf") }
        }
        if let number = value as? NSNumber, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { errors.append("\(path): \(number) < minimum \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { errors.append("\(path): \(number) > maximum \(maximum)") }
        }
        if let string = value as? String, let pattern = schema["pattern"] as? String,
           string.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): \"\(string)\" does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
                errors.append("\(path): missing required \"\(key)\"")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(member, against: propertySchema, path: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool {
                        if !allowed { errors.append("\(path): property \"\(key)\" is not allowed") }
                    } else if let additionalSchema = additional as? [String: Any] {
                        check(member, against: additionalSchema, path: "\(path).\(key)", errors: &errors)
                    }
                }
            }
        }
        if let array = value as? [Any] {
            if let minItems = schema["minItems"] as? Int, array.count < minItems { errors.append("\(path): fewer than \(minItems) items") }
            if schema["uniqueItems"] as? Bool == true {
                for (index, item) in array.enumerated() where array[..<index].contains(where: { Self.equal($0, item) }) {
                    errors.append("\(path)[\(index)]: duplicate item")
                }
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { check(item, against: items, path: "\(path)[\(index)]", errors: &errors) }
            }
        }
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "null": return value is NSNull
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !isBool(value)
        default: return false
        }
    }

    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c" // JSONSerialization makes booleans as char-typed numbers

    }

    static func typeName(_ value: Any) -> String {
        for type in ["object", "array", "string", "boolean", "null", "integer", "number"] where matches(value, type: type) { return type }
        return "unknown"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }
}
