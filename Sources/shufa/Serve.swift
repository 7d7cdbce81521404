import ArgumentParser
import Foundation
import ShufaKit
import ShufaServe

/// `shufa serve`: the browser desk for clerks, leaders, reviewers and the 考核主管部门.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动述法工作台（浏览器办理）：经办人员上传名单、生成并打印文书、统计测评；领导干部下载草稿、上传并检查报告；审核审定；进度、查找和导出。",
        discussion: """
            默认只在本机（127.0.0.1）监听；用 --bind 0.0.0.0 让单位内网的其他电脑访问（会提示注意事项）。\
            账号用 shufa user add 建立。数据（账号、上传的文件、文书、档案库）都在 --data 文件夹中。见 docs/serve.md。
            退出码：0 正常停止（Ctrl+C）；2 无法启动（端口被占用、数据文件夹无法写入、模板有错误）。
            """)

    @Option(help: "监听的地址：127.0.0.1 只允许本机访问；0.0.0.0 允许其他电脑访问。")
    var bind: String = "127.0.0.1"

    @Option(help: "端口。")
    var port: Int = 8080

    @Option(help: "数据文件夹。")
    var data: String = "shufa-data"

    @Option(name: .customLong("max-upload"), help: "每次上传的最大大小（MiB）。")
    var maxUpload: Int = 32

    @OptionGroup var locations: Locations

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port 须在 1 到 65535 之间") }
        guard (1...1024).contains(maxUpload) else { throw ValidationError("--max-upload 须在 1 到 1024（MiB）之间") }
    }

    func run() throws {
        let fonts = locations.fontConfig
        let configuration = DeskConfiguration(
            bind: bind, port: port, data: URL(fileURLWithPath: data),
            templates: URL(fileURLWithPath: locations.templates),
            schemas: SchemaLocator.find(locations.schemas),
            fontConfig: FileManager.default.fileExists(atPath: fonts.path) ? fonts : nil,
            limits: UploadLimits(bytes: maxUpload << 20))
        if configuration.schemas == nil { Complaint.say(CommandMessages.noSchemas) }
        let outcome = AsyncRun.wait { () async throws in
            try await DeskServer(desk: try await Desk(configuration)).run()
        }
        if case .failure(let error) = outcome {
            let text =
                (error as? DeskError).map(DeskMessages.text)
                ?? DeskMessages.cannotStart(bind: bind, port: port, reason: "\(error)")
            Complaint.say(text)
            throw ExitCode(2)
        }
    }
}
