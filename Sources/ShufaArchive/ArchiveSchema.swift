import GRDB

/// The index's tables. Created in one transaction the first time an archive is opened for writing;
/// `PRAGMA user_version` says which version a file holds, and an older one is brought up to date when the
/// archive is opened.
///
/// Versions: 1, the first; 2 added `document_grams` (words of one or two characters) in place of looking
/// them up through the trigrams' vocabulary (`document_terms`, dropped).
enum ArchiveSchema {
    static let version = 2

    /// Creates the tables, or brings those of an older version up to date, in one transaction (safe when two
    /// processes open the archive at once: the second finds the work done).
    static func update(_ db: Database) throws {
        try db.inTransaction(.immediate) {
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            guard current < version else { return .commit }
            if current == 0 {
                for statement in statements { try db.execute(sql: statement) }
            } else {
                try upgradeToGrams(db)
            }
            try db.execute(sql: "PRAGMA user_version = \(version)")
            return .commit
        }
    }

    /// Version 1 to 2: the index of short words, filled from the text the archive holds.
    private static func upgradeToGrams(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS document_terms")
        try db.execute(sql: grams)
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, meta, body FROM document_text")
        let insert = try db.makeStatement(sql: "INSERT INTO document_grams (rowid, terms) VALUES (?, ?)")
        while let row = try rows.next() {
            let (meta, body) = (row[1] as String? ?? "", row[2] as String? ?? "")
            try insert.execute(arguments: [row[0] as Int64, ShortTerms.of(meta: meta, body: body)])
        }
    }

    /// Words of one or two characters: a term for each (see `ShortTerms`). Only which documents hold a term is
    /// kept (no text, no positions), which is all a word of one term needs; the table keeps no content, which
    /// suits an archive: a document's row is written once and never changed or removed.
    static let grams = """
        CREATE VIRTUAL TABLE document_grams USING fts5 (terms, content = '', detail = none, columnsize = 0,
                                                        tokenize = 'ascii')
        """

    static let statements = [
        // Every stored file, once: its size, and whether its PDF/A identification was seen when it came in.
        """
        CREATE TABLE blob (sha256 TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL,
                           pdfa INTEGER NOT NULL DEFAULT 0, added TEXT NOT NULL) WITHOUT ROWID
        """,
        // Files an `add` is copying in, recorded before the copying starts and removed in the transaction
        // that indexes them: a stored file listed here was left by an interrupted `add`.
        "CREATE TABLE pending (sha256 TEXT PRIMARY KEY NOT NULL, run TEXT NOT NULL) WITHOUT ROWID",
        // The leaders (述法主体) of each year, and the grade a tally gave them.
        """
        CREATE TABLE leader (year INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
                             unit TEXT NOT NULL DEFAULT '', position TEXT NOT NULL DEFAULT '',
                             role TEXT NOT NULL DEFAULT '', organization TEXT NOT NULL DEFAULT '',
                             series TEXT, composite REAL, grade TEXT, rule TEXT, PRIMARY KEY (year, id))
        """,
        // Every document: which file, whose, what, where it came from, what the checks said.
        """
        CREATE TABLE document (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL REFERENCES blob(sha256),
                               year INTEGER NOT NULL, unit TEXT NOT NULL, leader TEXT NOT NULL, kind TEXT NOT NULL,
                               format TEXT NOT NULL, origin TEXT NOT NULL, verdict TEXT, errors INTEGER,
                               warnings INTEGER, findings TEXT, original TEXT NOT NULL, added TEXT NOT NULL,
                               UNIQUE (sha256, year, unit, leader, kind, origin))
        """,
        "CREATE INDEX document_leader ON document (year, leader, origin)",
        // The order `find` lists documents in: newest year first, by unit, then as archived.
        "CREATE INDEX document_unit ON document (year DESC, unit)",
        // Full text: names and other metadata, and the document's text; trigrams work for Chinese.
        "CREATE VIRTUAL TABLE document_text USING fts5 (meta, body, tokenize = 'trigram')",
        grams,
        // The review trail (审核/审定 流程), append-only, each entry chained to the previous by its hash.
        """
        CREATE TABLE trail (id INTEGER PRIMARY KEY AUTOINCREMENT, year INTEGER NOT NULL, leader TEXT NOT NULL,
                            state TEXT NOT NULL, actor TEXT NOT NULL, note TEXT NOT NULL, override TEXT,
                            report TEXT, at TEXT NOT NULL, previous TEXT NOT NULL, hash TEXT NOT NULL)
        """,
        "CREATE INDEX trail_leader ON trail (year, leader, id)",
        "CREATE TRIGGER trail_no_update BEFORE UPDATE ON trail BEGIN SELECT RAISE(ABORT, 'trail is append-only'); END",
        "CREATE TRIGGER trail_no_delete BEFORE DELETE ON trail BEGIN SELECT RAISE(ABORT, 'trail is append-only'); END",
    ]
}
