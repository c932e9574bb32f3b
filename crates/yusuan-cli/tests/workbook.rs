//! The XLSX fill-in workbook from the command line: `init --xlsx` writes it, `check` reports an
//! unfilled one cell by cell, `convert` turns a source into a workbook and back without a change,
//! and `tables`, `check` and `render` read a filled one like the source it came from.

mod common;
use common::{root, yusuan};

use std::path::PathBuf;
use std::process::Output;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-cli-workbook-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn out(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn init_xlsx_writes_a_workbook_that_check_reports_cell_by_cell() {
    let f = scratch("填报.xlsx");
    let o = yusuan(&["init", "--xlsx", "--year", "2027", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("2027 年的预算填报表"));
    // Not overwritten without --force.
    let again = yusuan(&["init", "--xlsx", f.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    let o = yusuan(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("错误[S103]: 基本信息表的“部门名称”是必填项，不能为空")
            && err.contains("填报.xlsx：基本信息!B8"),
        "{err}"
    );
}

#[test]
fn convert_source_to_workbook_and_back_changes_nothing() {
    let example = root().join("examples/changji-sme-center-2025.toml");
    let example = example.to_str().unwrap();
    let book = scratch("changji.xlsx");
    let back = scratch("changji-back.toml");
    out(yusuan(&["convert", example, "-o", book.to_str().unwrap()]));
    out(yusuan(&[
        "convert",
        book.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]));
    let derived = out(yusuan(&["tables", example, "--format", "csv"]));
    assert_eq!(
        out(yusuan(&[
            "tables",
            book.to_str().unwrap(),
            "--format",
            "csv"
        ])),
        derived
    );
    assert_eq!(
        out(yusuan(&[
            "tables",
            back.to_str().unwrap(),
            "--format",
            "csv"
        ])),
        derived
    );
    // The rendered document is the same whichever form the budget came in.
    let md = out(yusuan(&["render", example, "--to", "md"]));
    assert_eq!(
        out(yusuan(&["render", book.to_str().unwrap(), "--to", "md"])),
        md
    );
    assert_eq!(
        out(yusuan(&["render", back.to_str().unwrap(), "--to", "md"])),
        md
    );
    // The same findings, pointing at cells of the workbook.
    let o = yusuan(&["check", book.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let report = String::from_utf8(o.stdout).unwrap();
    assert!(report.contains("错误[P001]"), "{report}");
    assert!(report.contains("changji.xlsx：资金分配!A"), "{report}");
    assert!(report.contains("changji.xlsx：上年对比!C4"), "{report}");
    assert!(report.contains("7 个错误，3 个警告"), "{report}");
}

#[test]
fn convert_refuses_what_it_cannot_convert() {
    let o = yusuan(&["convert", "a.pdf", "-o", "b.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("只能转换预算源文件（.toml）和填报表（.xlsx）")
    );
    let example = root().join("examples/changji-sme-center-2025.toml");
    let o = yusuan(&["convert", example.to_str().unwrap(), "-o", "b.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("输出须为 .xlsx（填报表）或 .toml（源文件）")
    );
}
