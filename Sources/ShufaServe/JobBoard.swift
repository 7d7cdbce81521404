import Foundation

/// The jobs of this server run: at most one batch at a time.
actor JobBoard {
    private var jobs: [String: JobStatus] = [:]
    private var running: String?

    /// A new job, or nil when one is still running.
    func start(account: String, next: String) -> String? {
        if let running, jobs[running]?.finished == false { return nil }
        let id = UUID().uuidString.lowercased()
        jobs[id] = JobStatus(
            id: id, stage: "准备", done: 0, total: 0, finished: false, failed: false, message: "", next: next,
            account: account)
        running = id
        return id
    }

    func status(_ id: String) -> JobStatus? { jobs[id] }

    /// The job running now, if any.
    func current() -> JobStatus? { running.flatMap { jobs[$0] }.flatMap { $0.finished ? nil : $0 } }

    func update(_ id: String, stage: String, done: Int = 0, total: Int = 0) {
        jobs[id]?.stage = stage
        jobs[id]?.done = done
        jobs[id]?.total = total
    }

    func finish(_ id: String, message: String, failed: Bool) {
        jobs[id]?.finished = true
        jobs[id]?.failed = failed
        jobs[id]?.message = message
        jobs[id]?.stage = failed ? "未完成" : "完成"
    }
}
