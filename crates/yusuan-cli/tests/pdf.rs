//! `yusuan render --to pdf`, read back: the PDF's text layer (poppler's `pdftotext -raw`, the
//! text in the order it was drawn) imports to exactly the tables the source derives, and
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
    let derived = stdout(yusuan(&["tables", example, "--format", "csv"]));
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
