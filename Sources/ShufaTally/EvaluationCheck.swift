/// The checks of one 测评 (seed 004 四（二）, and local rules): every ballot accounted for
/// (优秀+良好+一般+较差+弃权+废票 = 收回), no more returned than issued, 实到 more than half of 应到, and at
/// least one valid vote. A 测评 with an error is void and left out.
enum EvaluationCheck {
    static func problems(_ evaluation: Evaluation, leader: String, rules: TallyRules) -> [TallyProblem] {
        let counts = evaluation.counts
        var kinds: [(TallyProblem.Severity, TallyProblem.Kind)] = []
        if counts.accounted != counts.returned {
            kinds.append((.error, .sumMismatch(sum: counts.accounted, returned: counts.returned)))
        }
        if let issued = counts.issued, counts.returned > issued {
            kinds.append((.error, .moreReturnedThanIssued(returned: counts.returned, issued: issued)))
        }
        if let expected = counts.expected, let present = counts.present {
            if present > expected {
                kinds.append((.error, .morePresentThanExpected(present: present, expected: expected)))
            } else if !rules.quorum.isExceeded(by: present, of: expected) {
                kinds.append((.error, .noQuorum(present: present, expected: expected, quorum: rules.quorum)))
            }
            if let issued = counts.issued, issued > present {
                kinds.append((.warning, .moreIssuedThanPresent(issued: issued, present: present)))
            }
        }
        if counts.valid == 0 && counts.accounted == counts.returned { kinds.append((.error, .noValidVotes)) }
        return kinds.map {
            TallyProblem($0.0, $0.1, at: evaluation.location, leader: leader, subject: evaluation.subject)
        }
    }
}
