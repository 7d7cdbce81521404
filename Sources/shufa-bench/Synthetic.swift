import ShufaKit

/// A synthetic county: the sample leaders' real texts, repeated with new ids, names and units.
enum Synthetic {
    static let surnames = Array(
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
    static let givenNames = ["建国", "志强", "丽华", "文斌", "海燕", "晓东", "立新", "红梅", "卫东", "国华", "玉兰", "明远", "雪", "军", "静"]

    static func roster(count: Int, from sample: Roster) -> Roster {
        let complete = sample.leaders.filter { !$0.duty.isEmpty && !$0.law.isEmpty }
        var leaders: [Leader] = []
        leaders.reserveCapacity(count)
        for index in 0..<count {
            var leader = complete[index % complete.count]
            leader.id = String(format: "S%05d", index + 1)
            leader.name =
                String(surnames[index % surnames.count]) + givenNames[(index / surnames.count) % givenNames.count]
            leader.unit = "\(leader.unit)\(index / 50 + 1)"
            leaders.append(leader)
        }
        return Roster(organization: sample.organization, year: sample.year, leaders: leaders, problems: [])
    }
}
