/// Chinese numerals for the numbers of a 职责清单's duties: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十.
package enum ChineseNumeral {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    package static func of(_ number: Int) -> String {
        guard number >= 1 && number < 100 else { return String(number) }
        let tens = number / 10, ones = number % 10
        let head = tens == 0 ? "" : (tens == 1 ? "" : digits[tens]) + "十"
        return head + (ones == 0 ? "" : digits[ones])
    }
}
