import Foundation

/// The Python whose modules `scripts/setup.sh` installs through apt (python3-openpyxl, python3-docx):
/// Debian's own `/usr/bin/python3`, not whichever `python3` comes first on the PATH (a pyenv or a venv
/// there has none of them).
enum SystemPython {
    static let path: String =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"
}
