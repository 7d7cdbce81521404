/// Numbers as shufa writes them into documents and messages.
package enum NumberText {
    /// 4 rather than 4.0; 4.5 stays 4.5.
    package static func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
