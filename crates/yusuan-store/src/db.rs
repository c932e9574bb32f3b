//! 文件库 — the store: an SQLite file (bundled SQLite, write-ahead log) holding each document
//! once, keyed by its content hash, with its tables, facts, statements and findings. Each
//! document is written in one transaction, so a store killed at any moment holds whole
//! documents only. The schema is in `schema.rs` and docs/store.md.

use crate::audit::{self, Audit};
use crate::schema;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};
use std::path::Path;
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::{Disclosure, Section};
use yusuan_core::money::{Printed, Unit};

/// A store's error, in Chinese, saying what and where.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

fn sql(path: &str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError(format!("数据库 {path} 出错：{e}"))
}

/// The store.
pub struct Store {
    conn: Connection,
    path: String,
}

/// A stored document's identity, for finding last year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Content hash.
    pub hash: String,
    /// File name as found.
    pub file_name: String,
}

/// A batch's counts, kept in `runs`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunCounts {
    /// Files found under the paths.
    pub found: usize,
    /// Documents written (read or failed).
    pub stored: usize,
    /// Files skipped because the store had them.
    pub skipped: usize,
    /// Files that could not be read.
    pub failed: usize,
}

impl Store {
    /// Opens (creating when absent) the store at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let conn = Connection::open(path).map_err(sql(&shown))?;
        let mut store = Store { conn, path: shown };
        store.setup()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store for reading only (a worker's lookups, the web UI's pages).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql(&shown))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sql(&shown))?;
        let store = Store { conn, path: shown };
        let v = store.user_version()?;
        if v != schema::version() {
            return Err(StoreError(format!(
                "数据库 {} 的结构版本是 {v}，本程序使用版本 {}：请先用 yusuan batch 打开一次以升级",
                store.path,
                schema::version()
            )));
        }
        Ok(store)
    }

    fn setup(&mut self) -> Result<(), StoreError> {
        let e = sql(&self.path);
        self.conn
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(&e)?;
        // WAL: readers go on while a batch writes; a commit is durable once it returns.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(&e)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError(format!(
                "数据库 {} 无法使用预写日志（WAL）模式（得到 {mode}）",
                self.path
            )));
        }
        self.conn
            .execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
            .map_err(&e)
    }

    fn user_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StoreError(format!("{} 不是 yusuan 的数据库，或已损坏：{e}", self.path)))
    }

    /// Applies the migrations the store lacks, each with its version bump in one transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let have = self.user_version()?;
        let want = schema::version();
        if have > want {
            return Err(StoreError(format!(
                "数据库 {} 由更新版本的 yusuan 建立（结构版本 {have}），本程序只认识到版本 {want}：请升级 yusuan",
                self.path
            )));
        }
        if have == 0 {
            // A file that holds tables of something else is not taken over.
            let others: i64 = self
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                    [],
                    |r| r.get(0),
                )
                .map_err(|e| StoreError(format!("{} 不是 SQLite 数据库：{e}", self.path)))?;
            if others > 0 {
                return Err(StoreError(format!(
                    "{} 是别的程序的数据库（有 {others} 张表，但不是 yusuan 的），不予改动",
                    self.path
                )));
            }
        }
        let e = sql(&self.path);
        for (i, m) in schema::MIGRATIONS.iter().enumerate().skip(have as usize) {
            let tx = self.conn.transaction().map_err(&e)?;
            tx.execute_batch(m).map_err(&e)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(&e)?;
            tx.commit().map_err(&e)?;
        }
        Ok(())
    }

    /// The connection, for queries of the layers above (export, web UI).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether a document with this content hash is stored (read or failed).
    pub fn has(&self, hash: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM documents WHERE hash = ?1",
                [hash],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(sql(&self.path))
    }

    /// Last year's document of a department: the same department and stage, the year before,
    /// read (not failed). Of several (a PDF and its text), the one of the same format, then the
    /// least hash: the choice does not depend on the order documents were stored in.
    pub fn previous_of(
        &self,
        department: &str,
        year: i32,
        stage: &str,
        format: &str,
    ) -> Result<Option<Stored>, StoreError> {
        self.conn
            .query_row(
                "SELECT hash, file_name FROM documents
                 WHERE status = 'read' AND department = ?1 AND year = ?2 AND stage = ?3
                 ORDER BY (format = ?4) DESC, hash LIMIT 1",
                params![department, year - 1, stage, format],
                |r| {
                    Ok(Stored {
                        hash: r.get(0)?,
                        file_name: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(sql(&self.path))
    }

    /// A stored file's bytes.
    pub fn content(&self, hash: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn
            .query_row("SELECT content FROM files WHERE hash = ?1", [hash], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql(&self.path))
    }

    /// Documents checked against another document than the one `previous_of` now chooses for
    /// them (none, when last year's arrived later in the batch or in a later batch; or a PDF's
    /// text, when the PDF itself arrived later): they are checked again, so that a store's
    /// content does not depend on the order its documents came in.
    pub fn awaiting_previous(&self) -> Result<Vec<Stored>, StoreError> {
        let e = sql(&self.path);
        let mut q = self
            .conn
            .prepare(
                "SELECT d.hash, d.file_name FROM documents d
                 WHERE d.status = 'read' AND d.department IS NOT NULL AND d.previous IS NOT
                   (SELECT p.hash FROM documents p
                    WHERE p.status = 'read' AND p.department = d.department
                      AND p.year = d.year - 1 AND p.stage = d.stage
                    ORDER BY (p.format = d.format) DESC, p.hash LIMIT 1)
                 ORDER BY d.year, d.hash",
            )
            .map_err(&e)?;
        let rows = q
            .query_map([], |r| {
                Ok(Stored {
                    hash: r.get(0)?,
                    file_name: r.get(1)?,
                })
            })
            .map_err(&e)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(&e)
    }

    /// Starts a run over `paths`; returns its id.
    pub fn begin_run(&mut self, paths: &str) -> Result<i64, StoreError> {
        let e = sql(&self.path);
        self.conn
            .execute(
                "INSERT INTO runs (started, version, paths)
                 VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2)",
                params![env!("CARGO_PKG_VERSION"), paths],
            )
            .map_err(&e)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records a run's counts and its end.
    pub fn end_run(&mut self, run: i64, counts: RunCounts) -> Result<(), StoreError> {
        let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
        self.conn
            .execute(
                "UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                   found = ?2, stored = ?3, skipped = ?4, failed = ?5 WHERE id = ?1",
                params![
                    run,
                    n(counts.found),
                    n(counts.stored),
                    n(counts.skipped),
                    n(counts.failed)
                ],
            )
            .map(|_| ())
            .map_err(sql(&self.path))
    }

    /// Writes one audited file — the document with its tables, facts, statements and findings,
    /// or its failure — in one transaction, replacing what was stored under its hash.
    pub fn put(&mut self, run: i64, file: &Audit, content: &[u8]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let e = sql(&path);
        let tx = self.conn.transaction().map_err(&e)?;
        write(&tx, run, file, content).map_err(&e)?;
        tx.commit().map_err(&e)
    }
}

fn int(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn unit_word(p: &Printed) -> &'static str {
    match p.unit {
        Unit::Money(m) => m.label(),
        Unit::Percent => "%",
        Unit::Number => "",
    }
}

fn sentences(d: &Disclosure) -> Vec<&yusuan_core::disclosure::Sentence> {
    fn walk<'a>(s: &'a Section, out: &mut Vec<&'a yusuan_core::disclosure::Sentence>) {
        out.extend(&s.sentences);
        s.subsections.iter().for_each(|x| walk(x, out));
    }
    let mut out = Vec::new();
    d.narrative.sections.iter().for_each(|s| walk(s, &mut out));
    out
}

fn write(tx: &Transaction<'_>, run: i64, file: &Audit, content: &[u8]) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM documents WHERE hash = ?1", [&file.hash])?;
    let format = crate::read::Format::of_name(&file.name).map_or("", |f| f.word());
    let audited = match &file.outcome {
        Err(failure) => {
            tx.execute(
                "INSERT INTO documents (hash, file_name, bytes, format, status, failure, millis,
                   run_id, stored_at)
                 VALUES (?1, ?2, ?3, ?4, 'failed', ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                params![
                    file.hash,
                    file.name,
                    int(file.bytes),
                    format,
                    failure.message,
                    i64::try_from(file.millis).unwrap_or(i64::MAX),
                    run
                ],
            )?;
            return Ok(());
        }
        Ok(a) => a,
    };
    let r = &audited.read;
    let d = &r.disclosure;
    let mut facts = yusuan_core::facts::facts(d);
    // A template's table has no kind read by meaning: the kind its title names, so that one
    // query selects the same table in every region.
    let vocabulary = yusuan_import::meaning::vocab::Vocabulary::get();
    let kind_of = |kind: &Option<String>, title: &str| {
        kind.clone()
            .or_else(|| vocabulary.kind_of_title(title).map(|k| k.id.clone()))
    };
    for f in &mut facts {
        f.kind = kind_of(&f.kind, &f.title);
    }
    let sentences = sentences(d);
    let statements: Vec<_> = sentences
        .iter()
        .flat_map(|s| {
            yusuan_core::claims::statements(&s.text, &s.claims)
                .into_iter()
                .map(move |st| (*s, st))
        })
        .collect();
    let all: Vec<(&str, &Diagnostic)> = r
        .diagnostics
        .iter()
        .map(|x| ("read", x))
        .chain(audited.findings.iter().map(|x| ("check", x)))
        .collect();
    let count = |s: Severity| int(audited.findings.iter().filter(|x| x.severity == s).count());
    let pages = if d.pages.is_empty() {
        None
    } else {
        Some(int(d.pages.len()))
    };
    let sc = &audited.score;
    tx.execute(
        "INSERT INTO documents (hash, file_name, bytes, format, status, department, region, year,
           stage, kind, template, pages, tables, sentences, facts, statements, errors, warnings,
           infos, previous, millis, run_id, stored_at, score, obligations_evaluated,
           obligations_passed, obligations_warned, obligations_failed)
         VALUES (?1, ?2, ?3, ?4, 'read', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
           ?17, ?18, ?19, ?20, ?21, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?22, ?23, ?24, ?25,
           ?26)",
        params![
            file.hash,
            file.name,
            int(file.bytes),
            r.format.word(),
            // An unknown name or year (a tables-only file) is NULL, not '' or 0.
            Some(d.department.trim()).filter(|n| !n.is_empty()),
            audit::region(&d.department),
            Some(d.year).filter(|y| *y != 0),
            d.stage.word(),
            d.kind.word(),
            d.template,
            pages,
            int(d.tables.len() + d.unrecognised.len()),
            int(sentences.len()),
            int(facts.len()),
            int(statements.len()),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
            audited.previous,
            i64::try_from(file.millis).unwrap_or(i64::MAX),
            run,
            sc.percent(),
            int(sc.evaluated),
            int(sc.passed),
            int(sc.warned),
            int(sc.failed)
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT OR REPLACE INTO files (hash, content, text) VALUES (?1, ?2, ?3)",
        params![file.hash, content, r.text],
    )?;
    tx.execute(
        "INSERT INTO sheets (document_id, sheet) VALUES (?1, ?2)",
        params![
            id,
            serde_json::to_string(&audited.sheet).unwrap_or_default()
        ],
    )?;
    let mut q = tx.prepare_cached(
        "INSERT INTO pages (document_id, page, first_line, width, height, printed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut l = tx.prepare_cached(
        "INSERT OR IGNORE INTO lines (document_id, line, page, x0, top, x1, bottom, cells)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for p in &d.pages {
        q.execute(params![
            id,
            p.number,
            int(p.first_line),
            p.size.0,
            p.size.1,
            p.printed_number
        ])?;
        for (i, b) in p.lines.iter().enumerate() {
            l.execute(params![
                id,
                int(p.first_line + i),
                p.number,
                b.x0,
                b.top,
                b.x1,
                b.bottom,
                serde_json::to_string(&b.cells).unwrap_or_default()
            ])?;
        }
    }
    let mut q = tx.prepare_cached(
        "INSERT INTO tables (document_id, ord, number, kind, title, unit, page, line, rows,
           unplaced, recognised) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, t) in d.tables.iter().enumerate() {
        let (page, line) = audit::place(&t.source);
        q.execute(params![
            id,
            int(i),
            t.number,
            kind_of(&t.kind, &t.title),
            t.title,
            t.unit.label(),
            page,
            line.map(int),
            int(t.rows.len()),
            int(t.unplaced),
            1
        ])?;
    }
    for (i, t) in d.unrecognised.iter().enumerate() {
        let (page, line) = audit::place(&t.source);
        q.execute(params![
            id,
            int(d.tables.len() + i),
            None::<i64>,
            None::<String>,
            t.title,
            None::<String>,
            page,
            line.map(int),
            0,
            0,
            0
        ])?;
    }
    let mut q = tx.prepare_cached(
        "INSERT INTO facts (document_id, ord, table_no, title, kind, measure, side, row_code,
           row_label, row_kind, column_key, fund, functional, economic, part, stage, period,
           value, unit, fen, fen_low, fen_high, page, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
           ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    )?;
    for (i, f) in facts.iter().enumerate() {
        q.execute(params![
            id,
            int(i),
            f.table,
            f.title,
            f.kind,
            f.measure,
            f.side,
            f.row_code,
            f.row_label,
            f.row_kind,
            f.column,
            f.fund,
            f.functional,
            f.economic,
            f.part,
            f.stage,
            f.period,
            f.value,
            f.unit,
            f.fen,
            f.fen_low,
            f.fen_high,
            f.page,
            f.line.map(int)
        ])?;
    }
    let mut q = tx.prepare_cached(
        "INSERT INTO statements (document_id, ord, sentence, page, line, subject, amount, unit,
           fen, fen_low, fen_high, share, base_period, base_year, base_amount, change,
           change_dir, rate, rate_dir, flat, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
           ?18, ?19, ?20, ?21)",
    )?;
    for (i, (s, st)) in statements.iter().enumerate() {
        let (page, line) = audit::place(&s.source);
        let interval = st.amount.interval_fen();
        let dir = |d: &yusuan_core::disclosure::Direction| format!("{d:?}").to_lowercase();
        q.execute(params![
            id,
            int(i),
            s.text,
            page,
            line.map(int),
            st.subject,
            st.amount.to_string(),
            unit_word(&st.amount),
            st.amount.printed_fen().map(|f| f.0),
            interval.map(|(lo, _)| lo.0),
            interval.map(|(_, hi)| hi.0),
            st.share.map(|p| p.to_string()),
            st.compared_with.as_ref().map(|c| c.period.label()),
            st.compared_with.as_ref().and_then(|c| c.year),
            st.compared_with
                .as_ref()
                .and_then(|c| c.amount)
                .map(|p| p.to_string()),
            st.change.map(|(p, _)| p.to_string()),
            st.change.as_ref().map(|(_, d)| dir(d)),
            st.rate.map(|(p, _)| p.to_string()),
            st.rate.as_ref().map(|(_, d)| dir(d)),
            st.flat,
            st.reason
        ])?;
    }
    let mut counts: std::collections::BTreeMap<&str, [i64; 3]> = Default::default();
    for x in &audited.findings {
        let c = counts.entry(x.code).or_default();
        match x.severity {
            Severity::Error => c[0] += 1,
            Severity::Warning => c[1] += 1,
            Severity::Info => c[2] += 1,
        }
    }
    let mut q = tx.prepare_cached(
        "INSERT INTO rule_counts (document_id, rule, errors, warnings, infos)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (rule, [e, w, i]) in counts {
        q.execute(params![id, rule, e, w, i])?;
    }
    let mut q = tx.prepare_cached(
        "INSERT INTO findings (document_id, ord, origin, rule, severity, message, page, line,
           table_no, row_code, row_label, column_key, quoted, help, expected, found, difference,
           detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    for (i, (origin, x)) in all.iter().enumerate() {
        let (page, line) = audit::place(&x.primary.at);
        let cell = x.primary.cell.as_ref();
        let detail = serde_json::to_string(x).unwrap_or_default();
        q.execute(params![
            id,
            int(i),
            origin,
            x.code,
            severity(x.severity),
            x.message,
            page,
            line.map(int),
            cell.map(|c| c.table),
            cell.and_then(|c| c.row_code.clone()),
            cell.map(|c| c.row_label.clone()),
            cell.and_then(|c| c.column.clone()),
            x.primary.text,
            x.help,
            x.figures.as_ref().map(|f| f.expected.clone()),
            x.figures.as_ref().map(|f| f.found.clone()),
            x.figures.as_ref().map(|f| f.difference.clone()),
            detail
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("yusuan-db-{}-{name}.db", std::process::id()));
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", p.display()));
        }
        p
    }

    #[test]
    fn a_store_of_an_older_schema_is_migrated_keeping_its_documents() {
        let path = scratch("v1");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch(schema::MIGRATIONS[0]).unwrap();
            c.pragma_update(None, "user_version", 1).unwrap();
            c.execute(
                "INSERT INTO documents (hash, file_name, bytes, format, status, stored_at)
                 VALUES ('abc', '旧.pdf', 3, 'pdf', 'read', 'then')",
                [],
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.user_version().unwrap(), schema::version());
        assert!(store.has("abc").unwrap());
        let score: Option<i64> = store
            .connection()
            .query_row("SELECT score FROM documents WHERE hash = 'abc'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(score, None);
        drop(store);
        // A newer store than this build knows is refused, untouched.
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        drop(c);
        let e = Store::open(&path).err().expect("refused");
        assert!(e.0.contains("更新版本"), "{e}");
    }
}
