import ShufaKit

/// A job's progress (followed by server-sent events) or its outcome.
struct JobPage {
    var frame: PageFrame
    var id: String
    var stage: String
    var done: Int
    var total: Int
    var finished: Bool
    var failed: Bool
    var message: String

    init(frame: PageFrame, status: JobStatus) {
        self.frame = frame
        id = status.id
        stage = status.stage
        done = status.done
        total = max(status.total, 1)
        finished = status.finished
        failed = status.failed
        message = status.message
    }
}
