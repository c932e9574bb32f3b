//! `yusuan render --to pdf`, read back: natively, and through poppler's `pdftotext -raw` (the
//! text in the order it was drawn), it imports to exactly the tables the source derives, and
//! `check` finds in it exactly what it finds in the rendered text document.
//!
//! Needs a CJK font (Debian: fonts-noto-cjk) and poppler-utils; `.ci/run` installs both and sets
//! `YUSUAN_REQUIRE_PDF_TOOLS=1`, so CI fails without them. Elsewhere the test says it skipped.

mod common;
use common::{root, yusuan};

use std::process::{Command, Output};

fn stdout(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// The error and warning headlines of `yusuan check FILE`, sorted.
fn findings(file: &str) -> Vec<String> {
    let o = yusuan(&["check", file]);
    let text = String::from_utf8(o.stdout).unwrap();
    let mut v: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with("错误[") || l.starts_with("警告["))
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

#[test]
fn the_pdf_reads_back_to_the_same_tables_and_the_same_findings() {
    let required = std::env::var_os("YUSUAN_REQUIRE_PDF_TOOLS").is_some();
    let dir = std::env::temp_dir().join(format!("yusuan-cli-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let example = root().join("examples/changji-sme-center-2025.toml");
    let example = example.to_str().unwrap();
    let pdf = dir.join("预算公开.pdf");
    let o = yusuan(&[
        "render",
        example,
        "--to",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    if !o.status.success() {
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!required, "{err}");
        // Without a CJK font the message names the fix.
        assert!(
            err.contains("fonts-noto-cjk") && err.contains("--font"),
            "{err}"
        );
        eprintln!("跳过：{err}");
        return;
    }
    // Read back natively, the fresh PDF gives the derived tables cell by cell.
    let derived = stdout(yusuan(&["tables", example, "--format", "csv"]));
    assert_eq!(
        stdout(yusuan(&[
            "tables",
            pdf.to_str().unwrap(),
            "--format",
            "csv"
        ])),
        derived,
        "the PDF's tables, read natively"
    );
    let txt = dir.join("预算公开.txt");
    match Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg(&txt)
        .status()
    {
        Ok(s) => assert!(s.success()),
        Err(e) => {
            assert!(!required, "pdftotext: {e}");
            eprintln!("跳过：没有 pdftotext（poppler-utils）");
            return;
        }
    }
    let txt = txt.to_str().unwrap();
    let read_back = stdout(yusuan(&["tables", txt, "--format", "csv"]));
    assert_eq!(read_back, derived, "the PDF's tables, cell by cell");
    assert_eq!(read_back.lines().count(), 236);

    let text_doc = dir.join("预算公开-文本.txt");
    stdout(yusuan(&[
        "render",
        example,
        "--to",
        "text",
        "-o",
        text_doc.to_str().unwrap(),
    ]));
    let from_text = findings(text_doc.to_str().unwrap());
    let from_pdf = findings(txt);
    assert!(
        from_pdf.iter().any(|f| f.starts_with("错误[P001]")),
        "{from_pdf:#?}"
    );
    assert_eq!(from_pdf, from_text);

    // Printed with consistent rounding, the published PDF has not even a rounding note.
    let consistent = dir.join("合计一致.pdf");
    let o = yusuan(&[
        "render",
        example,
        "--to",
        "pdf",
        "--rounding",
        "consistent",
        "-o",
        consistent.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let ctxt = dir.join("合计一致.txt");
    assert!(
        Command::new("pdftotext")
            .arg("-raw")
            .arg(&consistent)
            .arg(&ctxt)
            .status()
            .unwrap()
            .success()
    );
    let report = String::from_utf8(yusuan(&["check", ctxt.to_str().unwrap()]).stdout).unwrap();
    assert!(report.contains("7 个错误，2 个警告，0 个提示"), "{report}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_pdf_is_read_natively_by_tables_check_and_import() {
    let pdf = root().join("crates/yusuan-import/tests/data/changji-2025-rendered.pdf");
    let pdf = pdf.to_str().unwrap();
    let golden =
        std::fs::read_to_string(root().join("tests/golden/changji-2025-tables.csv")).unwrap();
    assert_eq!(stdout(yusuan(&["tables", pdf, "--format", "csv"])), golden);
    let o = yusuan(&["check", pdf]);
    assert_eq!(o.status.code(), Some(1));
    let report = String::from_utf8(o.stdout).unwrap();
    assert!(report.contains("错误[P001]"), "{report}");
    // Places name the page.
    assert!(report.contains("页第"), "{report}");
    let text = stdout(yusuan(&["import", pdf, "--format", "text"]));
    assert!(text.contains("部门收支总体情况表") && text.contains('\u{c}'));
}

#[test]
fn a_file_that_is_not_a_pdf_is_refused() {
    let dir = std::env::temp_dir().join(format!("yusuan-cli-notpdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("公开.pdf");
    std::fs::write(&f, "这不是 PDF").unwrap();
    let o = yusuan(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("错误[I401]: 不是 PDF 文件"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
