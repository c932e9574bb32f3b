//! `yusuan export`: a store of real documents written as Parquet and CSV partitioned by year,
//! read back (every row, exact amounts), and queried by DuckDB with the example queries of
//! docs/export.md exactly as documented.
//!
//! The DuckDB part needs `python3` with `duckdb` (from PyPI; `.ci/run` installs it and sets
//! `YUSUAN_REQUIRE_DUCKDB`, so CI fails without it). Elsewhere that part says it skipped.

mod common;

use arrow_array::{Array, Decimal128Array, StringArray};
use common::{root, yusuan};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A store of five real documents: one department over two years (PDF and text), a 决算, and
/// two other regions.
fn store(dir: &Path) -> PathBuf {
    let corpus = root().join("crates/yusuan-import/tests/corpus");
    let files = [
        corpus.join("shanghai_putuo_wanli_jiedao_2023_dept_budget.pdf"),
        corpus.join("shanghai_putuo_wanli_jiedao_2024_dept_budget.pdf"),
        corpus.join("shanghai_putuo_wanli_jiedao_2024_dept_budget.txt"),
        corpus.join("shanghai_putuo_caizhengju_2024_dept_final_account.pdf"),
        corpus.join("other/guangdong_shenzhen_kouanban_2026_dept_budget.pdf"),
        corpus.join("other/shaanxi_xian_shiweixuanchuanbu_2021_dept_budget.pdf"),
    ];
    let db = dir.join("yusuan.db");
    let mut args = vec!["batch".to_string(), "-q".into(), "--db".into()];
    args.push(db.display().to_string());
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = yusuan(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn count(db: &Path, sql: &str) -> usize {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize
}

/// Every row of a dataset's Parquet files, with the partition (year) each came from.
fn parquet_rows(dir: &Path) -> Vec<(String, arrow_array::RecordBatch)> {
    let mut out = Vec::new();
    let mut parts: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    parts.sort();
    for part in parts {
        let year = part.file_name().unwrap().to_string_lossy().into_owned();
        assert!(year.starts_with("year="), "{year}");
        for f in std::fs::read_dir(&part).unwrap() {
            let file = std::fs::File::open(f.unwrap().path()).unwrap();
            let reader = ParquetRecordBatchReaderBuilder::try_new(file)
                .unwrap()
                .build()
                .unwrap();
            for b in reader {
                out.push((year.clone(), b.unwrap()));
            }
        }
    }
    out
}

#[test]
fn parquet_and_csv_hold_every_row_with_exact_amounts() {
    let dir = scratch("readback");
    let db = store(&dir);
    let export = dir.join("export");
    let out = yusuan(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--to",
        "parquet",
        export.to_str().unwrap(),
    ]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let facts = count(&db, "SELECT count(*) FROM facts");
    assert!(facts > 1000);
    assert!(said.contains(&format!("facts：{facts} 行")), "{said}");
    for (name, sql) in [
        ("documents", "SELECT count(*) FROM documents"),
        ("facts", "SELECT count(*) FROM facts"),
        ("claims", "SELECT count(*) FROM statements"),
        ("findings", "SELECT count(*) FROM findings"),
    ] {
        let rows: usize = parquet_rows(&export.join(name))
            .iter()
            .map(|(_, b)| b.num_rows())
            .sum();
        assert_eq!(rows, count(&db, sql), "{name}");
    }
    // 万里街道 2023: 城乡社区支出 121319878 元 in its 支出总表, as a decimal of 元, in year=2023.
    let mut found = Vec::new();
    for (year, b) in parquet_rows(&export.join("facts")) {
        let col = |n: &str| b.column_by_name(n).unwrap().clone();
        let label = col("row_label");
        let label = label.as_any().downcast_ref::<StringArray>().unwrap();
        let kind = col("table_kind");
        let kind = kind.as_any().downcast_ref::<StringArray>().unwrap();
        let key = col("column_key");
        let key = key.as_any().downcast_ref::<StringArray>().unwrap();
        let dept = col("department");
        let dept = dept.as_any().downcast_ref::<StringArray>().unwrap();
        let amount = col("amount");
        let amount = amount.as_any().downcast_ref::<Decimal128Array>().unwrap();
        assert_eq!((amount.precision(), amount.scale()), (18, 2));
        for i in 0..b.num_rows() {
            if label.value(i) == "城乡社区支出"
                && !kind.is_null(i)
                && kind.value(i) == "支出总表"
                && key.value(i) == "合计"
                && dept.value(i).contains("万里街道")
            {
                found.push((year.clone(), amount.value_as_string(i)));
            }
        }
    }
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        [
            ("year=2023".to_string(), "121319878.00".to_string()),
            ("year=2024".to_string(), "119385303.00".to_string())
        ]
    );

    // CSV: the same rows, the same amounts.
    let csv = dir.join("csv");
    let out = yusuan(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--to",
        "csv",
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let mut lines = 0;
    let mut header = String::new();
    for part in std::fs::read_dir(csv.join("facts")).unwrap() {
        let text = std::fs::read_to_string(part.unwrap().path().join("part-0.csv")).unwrap();
        let mut it = text.lines();
        header = it.next().unwrap().to_string();
        lines += it.count();
    }
    assert!(
        header.starts_with("hash,department,region,stage,doc_kind,table_no,title,table_kind"),
        "{header}"
    );
    // Quoted fields may span lines only if a label holds a line break; facts' do not.
    assert_eq!(lines, facts);
    let y2023 = std::fs::read_to_string(csv.join("facts/year=2023/part-0.csv")).unwrap();
    assert!(
        y2023.lines().any(|l| l.contains(",城乡社区支出,")
            && l.contains(",合计,")
            && l.contains(",121319878.00,")),
        "the 2023 partition's CSV holds 城乡社区支出 121319878.00"
    );

    // Exporting again replaces the datasets whole; a missing store is said so.
    let out = yusuan(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        export.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let out = yusuan(&[
        "export",
        "--db",
        dir.join("无.db").to_str().unwrap(),
        export.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("不存在"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The ```sql blocks of docs/export.md, in order.
fn documented_queries() -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/export.md")).unwrap();
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in doc.lines() {
        match (&mut block, line.trim()) {
            (None, "```sql") => block = Some(String::new()),
            (Some(b), "```") => {
                out.push(b.trim().to_string());
                block = None;
            }
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[test]
fn duckdb_runs_the_documented_queries() {
    let has_duckdb = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_duckdb {
        assert!(
            std::env::var_os("YUSUAN_REQUIRE_DUCKDB").is_none(),
            "YUSUAN_REQUIRE_DUCKDB is set but python3 cannot import duckdb"
        );
        eprintln!("skipped: python3 with duckdb is not installed (pip install duckdb)");
        return;
    }
    let dir = scratch("duckdb");
    let db = store(&dir);
    let out = yusuan(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        dir.join("export").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let queries = documented_queries();
    assert!(queries.len() >= 5, "{queries:?}");
    let script = r#"
import duckdb, json, sys
queries = json.load(sys.stdin)
con = duckdb.connect()
for i, q in enumerate(queries):
    r = con.sql(q)
    if r is None:
        continue
    print("== query", i)
    print("|".join(r.columns))
    for row in r.fetchall():
        print("|".join("" if v is None else str(v) for v in row))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .current_dir(&dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let json = serde_json::to_string(&queries).unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(json.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Findings per rule per region: the documents' own regions, counted.
    assert!(text.contains("region|rule|findings|documents"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("上海市|")), "{text}");
    // The department over the years: 城乡社区支出 in 2023 and 2024, exact.
    assert!(
        text.contains("2023|212|城乡社区支出|121319878.00"),
        "{text}"
    );
    assert!(
        text.contains("2024|212|城乡社区支出|119385303.00"),
        "{text}"
    );
    // The pivot: one row per class, a column per year.
    assert!(
        text.contains("212|城乡社区支出|121319878.00|119385303.00"),
        "{text}"
    );
    // The documents with the most errors: the 决算 of 普陀区财政局 is among them.
    assert!(text.contains("上海市普陀区财政局|决算|pdf|"), "{text}");
    // The 三公 statements with their change: 西安 2021 says 增加 9.49 万元 and why.
    assert!(
        text.lines()
            .any(|l| l.starts_with("中共西安市委宣传部|2021|") && l.contains("|9.49|increase|")),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
