//! The reference example end to end, as a user runs it: `yusuan tables` on the example source
//! must reproduce the published tables of the 2025 昌吉州中小企业发展服务中心 disclosure.

mod common;
use common::{root, yusuan};

use std::path::PathBuf;
use std::process::Output;
use unicode_width::UnicodeWidthStr;

fn example() -> PathBuf {
    root().join("examples/changji-sme-center-2025.toml")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 output")
}

fn published() -> String {
    std::fs::read_to_string(root().join("examples/changji-sme-center-2025-budget.published.txt"))
        .unwrap()
}

/// Every printed cell of tables 1–11 equals the published one: the golden file was transcribed
/// by hand from the published text, cell by cell.
#[test]
fn csv_reproduces_every_published_cell() {
    let o = yusuan(&["tables", example().to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let golden =
        std::fs::read_to_string(root().join("tests/golden/changji-2025-tables.csv")).unwrap();
    let got = stdout(&o);
    for (i, (g, w)) in got.lines().zip(golden.lines()).enumerate() {
        assert_eq!(g, w, "line {} differs", i + 1);
    }
    assert_eq!(
        got.lines().count(),
        golden.lines().count(),
        "number of printed cells"
    );
    // Table by table, so a regression names the table.
    for t in 1..=11 {
        let count = |s: &str| {
            s.lines()
                .filter(|l| l.split(',').next() == Some(&t.to_string()))
                .count()
        };
        assert_eq!(count(&got), count(&golden), "cells of table {t}");
    }
}

/// Titles as published, and the sentence printed for each empty table.
#[test]
fn titles_and_empty_table_statements_match_the_publication() {
    let o = yusuan(&["tables", example().to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let tables = v.as_array().unwrap();
    assert_eq!(tables.len(), 11);
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squash(&published());
    for t in tables {
        let title = t["title"].as_str().unwrap();
        let n = t["number"].as_u64().unwrap();
        assert!(
            text.contains(&format!("表{n}{title}")),
            "表{n} {title} is not the published title"
        );
        assert_eq!(t["org"], "昌吉回族自治州中小企业发展服务中心");
        assert_eq!(t["unit"], "万元");
        let empty = t["empty_statement"].as_str();
        match n {
            8..=10 => assert!(
                text.contains(&squash(empty.expect("empty statement"))),
                "table {n}: {empty:?}"
            ),
            _ => assert_eq!(empty, None, "table {n} is not empty"),
        }
    }
    // Table 10 prints its rows even when empty, as the template does.
    let t10: Vec<&str> = tables[9]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        t10,
        [
            "合计",
            "因公出国（境）费",
            "公务接待费",
            "公务用车购置及运行费（小计）",
            "其中：公务用车购置费",
            "公务用车运行费"
        ]
    );
    // JSON carries the exact amount next to the printed one: 253.74 printed, 2537420.00 元 exact.
    let t6_total = &tables[5]["rows"][0];
    assert_eq!(t6_total["values"][0], "253.74");
    assert_eq!(t6_total["exact_yuan"][0], "2537420.00");
}

/// The text format aligns columns by display width: Chinese characters count double.
#[test]
fn text_columns_line_up() {
    let o = yusuan(&["tables", example().to_str().unwrap()]);
    assert!(o.status.success());
    let out = stdout(&o);
    let t3: Vec<&str> = out
        .split("表3 部门支出总体情况表")
        .nth(1)
        .unwrap()
        .split("表4")
        .next()
        .unwrap()
        .lines()
        .collect();
    let row = |prefix: &str| {
        *t3.iter()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no row {prefix}"))
    };
    // Rows with a 项目支出 figure end at the same display column …
    let ends: Vec<usize> = [
        "201        一般公共服务支出",
        "201 13 99  其他商贸事务支出",
        "           总计",
    ]
    .iter()
    .map(|p| row(p).width())
    .collect();
    assert!(
        ends.windows(2).all(|w| w[0] == w[1]),
        "{ends:?}\n{}",
        t3.join("\n")
    );
    // … and the 合计 column is right-aligned at one position in every row.
    let header = row("编码");
    let hj_end = header
        .find("合计")
        .map(|i| header[..i].width() + "合计".width())
        .unwrap();
    for p in [
        "201 13 50  事业运行",
        "208 05 05  机关事业单位基本养老保险缴费支出",
        "221 02 01  住房公积金",
    ] {
        let l = row(p);
        let prefix: String = l
            .chars()
            .scan(0, |w, c| {
                *w += UnicodeWidthStr::width(c.to_string().as_str());
                (*w <= hj_end).then_some(c)
            })
            .collect();
        assert!(
            prefix.ends_with(|c: char| c.is_ascii_digit()),
            "合计 not right-aligned in {l:?}"
        );
    }
    // Two-sided tables put income and expenditure side by side.
    assert!(out.lines().any(|l| l.contains("一、本年收入")
        && l.contains("│")
        && l.contains("201 一般公共服务支出".split(' ').next_back().unwrap())));
}

#[test]
fn markdown_has_a_section_per_table() {
    let o = yusuan(&["tables", example().to_str().unwrap(), "--format", "md"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert_eq!(
        out.matches("\n## 表").count() + usize::from(out.starts_with("## 表")),
        11
    );
    assert!(
        out.contains("| 201 13 50 | 事业运行 | 184.78 | 184.78 |  |"),
        "{out}"
    );
}

#[test]
fn unreadable_input_exits_2_with_a_chinese_message() {
    let o = yusuan(&["tables", "no/such/file.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/file.toml：文件不存在"),
        "{}",
        stderr(&o)
    );

    let dir = std::env::temp_dir().join(format!("yusuan-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[document]\nyear = \"二〇二五\"\n").unwrap();
    let o = yusuan(&["tables", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("bad.toml:2:8"), "{err}");
    assert!(err.contains("应为整数，这里是字符串"), "{err}");
    assert!(err.contains("未生成公开表"), "{err}");
    assert!(stdout(&o).is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn init_writes_a_template_that_tables_accepts() {
    let dir = std::env::temp_dir().join(format!("yusuan-init-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("budget.toml");
    let o = yusuan(&["init", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = yusuan(&["tables", f.to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("1,,收入总计,预算数,81.60"),
        "{}",
        stdout(&o)
    );
    // It never overwrites a file by accident.
    let o = yusuan(&["init", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("已存在"));
    std::fs::remove_dir_all(&dir).ok();
}
