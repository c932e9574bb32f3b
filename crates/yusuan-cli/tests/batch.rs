//! `yusuan batch`: a directory of disclosures read and checked into the store, as a finance
//! bureau runs it — what it stores, what a rerun skips, what a broken file leaves, and that a
//! batch killed at any moment (SIGKILL) loses nothing committed and leaves no half document.

mod common;

use common::{root, yusuan};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A directory a bureau might hand over: the corpus's Shanghai documents (PDF and text, two
/// years of one department among them), a few other regions', and three files that cannot be
/// read.
fn inbox(dir: &Path) -> PathBuf {
    let corpus = root().join("crates/yusuan-import/tests/corpus");
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(inbox.join("other")).unwrap();
    for e in std::fs::read_dir(&corpus).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|e| e == "pdf" || e == "txt") {
            std::fs::copy(&p, inbox.join(p.file_name().unwrap())).unwrap();
        }
    }
    for name in [
        "guangdong_guangzhou_gongyehexinxihuaju_2026_dept_budget.pdf",
        "fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.txt",
        "shandong_yantai_shenjiju_2026_dept_budget.pdf",
    ] {
        std::fs::copy(
            corpus.join("other").join(name),
            inbox.join("other").join(name),
        )
        .unwrap();
    }
    std::fs::write(
        inbox.join("损坏的文件.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    std::fs::write(inbox.join("空白.pdf"), b"").unwrap();
    std::fs::write(
        inbox.join("乱码.txt"),
        [0xffu8, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x81],
    )
    .unwrap();
    inbox
}

/// Everything a store holds about its documents, in an order that does not depend on the order
/// they were written in: what two runs over the same files must agree on.
fn dump(db: &Path) -> Vec<String> {
    let c = Connection::open(db).unwrap();
    let mut out = Vec::new();
    let mut q = c
        .prepare(
            "SELECT id, hash, file_name, bytes, format, status, failure, department, region, year,
                    stage, kind, template, pages, tables, sentences, facts, statements, errors,
                    warnings, infos, previous
             FROM documents ORDER BY hash",
        )
        .unwrap();
    let docs: Vec<(i64, String)> = q
        .query_map([], |r| {
            let mut row = Vec::new();
            for i in 1..22 {
                row.push(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?));
            }
            Ok((r.get(0)?, row.join("|")))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, row) in docs {
        out.push(row);
        for table in ["tables", "facts", "statements", "findings"] {
            let mut q = c
                .prepare(&format!(
                    "SELECT * FROM {table} WHERE document_id = ?1 ORDER BY ord"
                ))
                .unwrap();
            let n = q.column_count();
            let rows: Vec<String> = q
                .query_map([id], |r| {
                    let mut row = vec![table.to_string()];
                    for i in 1..n {
                        row.push(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?));
                    }
                    Ok(row.join("|"))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            out.extend(rows);
        }
    }
    out
}

/// No half document: every document read has exactly the facts and statements it says it has,
/// and its file's bytes; a failed one has its reason and nothing else.
fn assert_whole(db: &Path) {
    let c = Connection::open(db).unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    if version == 0 {
        // Killed before the schema was made: nothing at all, not half a schema.
        let tables: i64 = c
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0, "{} has half a schema", db.display());
        return;
    }
    let half: i64 = c
        .query_row(
            "SELECT count(*) FROM documents d WHERE
               (d.status = 'read' AND (
                  d.facts != (SELECT count(*) FROM facts f WHERE f.document_id = d.id)
               OR d.statements != (SELECT count(*) FROM statements s WHERE s.document_id = d.id)
               OR d.tables != (SELECT count(*) FROM tables t WHERE t.document_id = d.id)
               OR d.errors + d.warnings + d.infos >
                    (SELECT count(*) FROM findings x WHERE x.document_id = d.id)
               OR NOT EXISTS (SELECT 1 FROM files x WHERE x.hash = d.hash)))
             OR (d.status = 'failed' AND (d.failure IS NULL
               OR EXISTS (SELECT 1 FROM facts f WHERE f.document_id = d.id)))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(half, 0, "{} has half-written documents", db.display());
    let integrity: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

fn batch(args: &[&str]) -> (bool, String, String) {
    let out = yusuan(&[&["batch"], args].concat());
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_directory_is_stored_once_with_its_broken_files_and_a_rerun_skips_it() {
    let dir = scratch("store");
    let inbox = inbox(&dir);
    let db = dir.join("库.db");
    let (ok, out, err) = batch(&[inbox.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(ok, "{out}\n{err}");
    let files = std::fs::read_dir(&inbox).unwrap().count() - 1 + 3;
    assert!(
        out.contains(&format!(
            "共找到 {files} 份文件：新存入 {files} 份（其中 3 份无法读取）"
        )),
        "{out}"
    );
    // Not a terminal: one plain line per document.
    assert!(err.contains("找到") && err.contains("已存入（"), "{err}");
    assert!(err.contains("损坏的文件.pdf：无法读取"), "{err}");
    for broken in ["损坏的文件.pdf", "空白.pdf", "乱码.txt"] {
        assert!(out.contains(broken), "the summary names {broken}:\n{out}");
    }
    // Last year's document of the same department (万里街道 2023) was used for 2024's.
    assert!(
        err.contains(
            "wanli_jiedao_2024_dept_budget.pdf：已存入（0 个错误，0 个警告，已与上年文件核对）"
        ) || out.contains("已与之核对后重新检查"),
        "{err}\n{out}"
    );
    assert_whole(&db);
    let c = Connection::open(&db).unwrap();
    let (department, year, stage, region, previous): (String, i64, String, String, Option<String>) =
        c.query_row(
            "SELECT department, year, stage, region, previous FROM documents
             WHERE file_name LIKE '%wanli_jiedao_2024_dept_budget.pdf'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert!(department.contains("万里街道"), "{department}");
    assert_eq!(
        (year, stage.as_str(), region.as_str()),
        (2024, "预算", "上海市")
    );
    assert!(previous.is_some(), "checked against 2023's document");
    let why: String = c
        .query_row(
            "SELECT failure FROM documents WHERE file_name LIKE '%损坏的文件.pdf'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(why.contains("损坏的文件.pdf"), "{why}");
    // A real defect of a real document is stored where it is: 普陀区财政局 2024 决算's sums.
    let n: i64 = c
        .query_row(
            "SELECT count(*) FROM findings x JOIN documents d ON d.id = x.document_id
             WHERE d.file_name LIKE '%caizhengju_2024_dept_final_account.pdf'
               AND x.severity = 'error' AND x.page IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(n > 0);
    drop(c);

    // Again: everything is skipped, nothing changes.
    let before = dump(&db);
    let (ok, out, _) = batch(&[inbox.to_str().unwrap(), "--db", db.to_str().unwrap(), "-q"]);
    assert!(ok);
    assert!(
        out.contains(&format!(
            "新存入 0 份（其中 0 份无法读取），跳过库中已有的 {files} 份"
        )),
        "{out}"
    );
    assert_eq!(dump(&db), before);
    // A renamed copy is the same document: skipped.
    std::fs::copy(
        inbox.join("shanghai_putuo_wanli_jiedao_2023_dept_budget.txt"),
        inbox.join("副本.txt"),
    )
    .unwrap();
    let (_, out, _) = batch(&[inbox.to_str().unwrap(), "--db", db.to_str().unwrap(), "-q"]);
    assert!(out.contains("新存入 0 份"), "{out}");
    std::fs::remove_file(inbox.join("副本.txt")).unwrap();
    // --force reads everything again, to the same result.
    let (ok, out, _) = batch(&[
        inbox.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
        "--force",
    ]);
    assert!(ok);
    assert!(out.contains(&format!("新存入 {files} 份")), "{out}");
    assert_eq!(dump(&db), before);
    let runs: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM runs WHERE finished IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(runs, 4);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_batch_killed_at_any_moment_loses_nothing_committed() {
    let dir = scratch("kill");
    let inbox = inbox(&dir);
    let whole = dir.join("whole.db");
    let start = Instant::now();
    let (ok, out, err) = batch(&[inbox.to_str().unwrap(), "--db", whole.to_str().unwrap()]);
    assert!(ok, "{out}{err}");
    let took = start.elapsed();
    let expected = dump(&whole);
    assert!(expected.len() > 1000);

    // Kill points spread over the run, from a seed printed on failure.
    let mut seed = u64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
            % 1_000_000_007,
    )
    .unwrap();
    let millis = u64::try_from(took.as_millis()).unwrap().max(50);
    for round in 0..6u64 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        // Rounds cover the run and a little beyond (its second pass, its last commits), each at
        // a random point inside its fifth.
        let at = millis * round / 5 + (seed >> 33) % (millis / 5).max(1);
        let db = dir.join(format!("killed-{round}.db"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_yusuan"))
            .args([
                "batch",
                inbox.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
                "-q",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(at));
        child.kill().unwrap(); // SIGKILL
        let _ = child.wait();
        if db.exists() {
            assert_whole(&db);
            let c = Connection::open(&db).unwrap();
            let stored: i64 = c
                .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
                .unwrap_or(0);
            eprintln!("round {round}: killed after {at} ms with {stored} documents stored");
        }
        let (ok, out, err) = batch(&[inbox.to_str().unwrap(), "--db", db.to_str().unwrap(), "-q"]);
        assert!(ok, "{out}{err}");
        let got = dump(&db);
        if got != expected {
            let first = got
                .iter()
                .zip(&expected)
                .position(|(a, b)| a != b)
                .unwrap_or(got.len().min(expected.len()));
            panic!(
                "round {round} (seed {seed}, killed after {at} ms): the resumed store differs at row {first}:\n got {:?}\nwant {:?}",
                got.get(first),
                expected.get(first)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_is_not_a_yusuan_store_is_not_touched() {
    let dir = scratch("foreign");
    let other = dir.join("other.db");
    {
        let c = Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let reference = root().join("examples/changji-sme-center-2025-budget.published.txt");
    let (ok, _, err) = batch(&[reference.to_str().unwrap(), "--db", other.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("是别的程序的数据库"), "{err}");
    let n: i64 = Connection::open(&other)
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    let text = dir.join("notes.db");
    std::fs::write(&text, "这不是数据库，是一段文字。".repeat(200)).unwrap();
    let (ok, _, err) = batch(&[reference.to_str().unwrap(), "--db", text.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("错误：") && err.contains("notes.db"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_takes_last_years_document_from_the_store() {
    let dir = scratch("previous");
    let corpus = root().join("crates/yusuan-import/tests/corpus");
    let last = corpus.join("shanghai_putuo_wanli_jiedao_2023_dept_budget.pdf");
    let this = corpus.join("shanghai_putuo_wanli_jiedao_2024_dept_budget.pdf");
    let db = dir.join("库.db");
    let (ok, _, _) = batch(&[last.to_str().unwrap(), "--db", db.to_str().unwrap(), "-q"]);
    assert!(ok);
    let with_db = yusuan(&[
        "check",
        this.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let err = String::from_utf8_lossy(&with_db.stderr);
    assert!(err.contains("上年文件：数据库中的 2023 年"), "{err}");
    let with_file = yusuan(&[
        "check",
        this.to_str().unwrap(),
        "--previous",
        last.to_str().unwrap(),
        "--format",
        "json",
    ]);
    // The same findings as when last year's file is named.
    assert_eq!(
        String::from_utf8_lossy(&with_db.stdout),
        String::from_utf8_lossy(&with_file.stdout)
    );
    // A document whose last year the store lacks is said so, and checked all the same.
    let other = corpus.join("shanghai_putuo_caizhengju_2025_dept_budget.pdf");
    let out = yusuan(&[
        "check",
        other.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("数据库中没有") && err.contains("2024 年预算"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Beijing publishes a department's budget as two files (附件1 情况说明, 附件2 报表): a batch reads
/// them as one document — its narrative checked against its tables, its pages numbered on —
/// stores it once under both names, skips it on a rerun, and draws any of its pages.
#[test]
fn a_document_published_in_two_files_is_stored_as_one() {
    let dir = scratch("parts");
    let beijing = dir.join("北京");
    std::fs::create_dir_all(&beijing).unwrap();
    let part = |n: u8| {
        root().join(format!(
            "crates/yusuan-import/tests/corpus/other/beijing_beijing_shenjiju_2026_dept_budget_part{n}.pdf"
        ))
    };
    let (a, b) = (
        beijing.join("审计局_附件1：北京市审计局2026年度部门预算情况说明.pdf"),
        beijing.join("审计局_附件2：北京市审计局2026年度部门预算报表.pdf"),
    );
    std::fs::copy(part(1), &a).unwrap();
    std::fs::copy(part(2), &b).unwrap();
    let db = dir.join("s.db");
    let (ok, out, err) = batch(&["--db", db.to_str().unwrap(), beijing.to_str().unwrap()]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("共找到 1 份文件：新存入 1 份"), "{out}");
    assert!(out.contains("1 个文件并入了同一部门的另一份文件"), "{out}");
    let c = Connection::open(&db).unwrap();
    let (name, department, year, pages, tables, sentences): (String, String, i64, i64, i64, i64) =
        c.query_row(
            "SELECT file_name, department, year, pages,
                    (SELECT count(DISTINCT table_no) FROM facts f WHERE f.document_id = d.id),
                    (SELECT count(*) FROM statements k WHERE k.document_id = d.id)
             FROM documents d",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(
        name,
        format!("{} + {}", a.display(), b.display()),
        "the narrative's file first"
    );
    assert_eq!(
        (department.as_str(), year, pages),
        ("北京市审计局", 2026, 31)
    );
    assert!(tables >= 8, "the tables of 附件2: {tables}");
    assert!(sentences > 0, "the narrative of 附件1 states amounts");
    // A rerun skips it.
    let (ok, out, _) = batch(&["--db", db.to_str().unwrap(), beijing.to_str().unwrap()]);
    assert!(ok && out.contains("跳过库中已有的 1 份"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
