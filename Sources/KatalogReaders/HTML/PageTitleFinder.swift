/// The product name a page shows: its first `<h1>` outside page chrome, else any `<h1>`, else `<title>`.
struct PageTitleFinder {
    func title(in tree: MarkupTree, chrome: [Bool]) -> (text: String, line: Int)? {
        var anyHeading: Int?
        var titleElement: Int?
        for index in tree.nodes.indices where tree[index].isElement {
            switch tree[index].value {
            case "h1":
                if !chrome[index], let found = nonEmpty(tree, index) { return found }
                if anyHeading == nil { anyHeading = index }
            case "title":
                if titleElement == nil { titleElement = index }
            default:
                break
            }
        }
        if let anyHeading, let found = nonEmpty(tree, anyHeading) { return found }
        if let titleElement { return nonEmpty(tree, titleElement) }
        return nil
    }

    private func nonEmpty(_ tree: MarkupTree, _ index: Int) -> (text: String, line: Int)? {
        let text = MarkupText.collapsed(tree, index)
        return text.isEmpty ? nil : (text, Int(tree[index].line))
    }
}
