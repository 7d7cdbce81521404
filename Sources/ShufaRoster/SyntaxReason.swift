/// Why JSON or YAML text does not parse, as a clerk can act on it.
public enum SyntaxReason: Sendable, Equatable {
    case trailingContent
    case unexpectedEnd
    case valueExpected
    case keyExpected
    case colonExpected
    /// A missing `,` or the closing bracket given.
    case commaOrClose(Character)
    case controlCharacterInText
    case unclosedText
    case badEscape
    case badUnicodeEscape
    /// A `\u` escape of a UTF-16 surrogate without the other half of its pair.
    case unpairedSurrogate
    case badNumber
    case noFractionDigits
    case noExponentDigits
    /// A number beyond what a `Double` holds (1e400).
    case numberOutOfRange
    case outOfMemory
    case indentation
    case colonInValue
    case badCharacter
    case missingContent
    case missingListDash
    case controlCharacters
    case notUTF8
    case undefinedAlias
    case nestingLimit
    /// What the parser said, when none of the above.
    case parser(String)
}
