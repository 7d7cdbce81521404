import CLibXML2

/// An attribute of an element.
public struct XMLAttribute: @unchecked Sendable {
    public let namespace: String?
    public let prefix: String?
    public let name: String
    public let value: String
    let pointer: xmlAttrPtr

    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
}
