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
    case badNumber
    case noFractionDigits
    case noExponentDigits
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
