import Foundation
import Hummingbird
import ShufaKit

/// The event stream of a job: its status as JSON, about three times a second, until it is finished.
enum JobEvents {
    struct Event: Encodable {
        var stage: String
        var done: Int
        var total: Int
        var finished: Bool
        var next: String
    }

    static func response(_ id: String, jobs: JobBoard) -> Response {
        let body = ResponseBody { writer in
            while let status = await jobs.status(id) {
                let event = Event(
                    stage: status.stage, done: status.done, total: status.total, finished: status.finished,
                    next: "/clerk/jobs/\(id)")
                let data = try JSONEncoder().encode(event)
                try await writer.write(ByteBuffer(string: "data: \(String(decoding: data, as: UTF8.self))\n\n"))
                if status.finished { break }
                try await Task.sleep(for: .milliseconds(300))
            }
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: body)
    }
}
