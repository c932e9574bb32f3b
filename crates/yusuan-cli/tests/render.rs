//! `yusuan render`: the whole document — 概况, the eleven tables, the generated 情况说明 and
//! the 名词解释 — as Markdown or text, to stdout or a file.

mod common;
use common::{root, yusuan};

use std::path::Path;

fn example() -> String {
    root()
        .join("examples/changji-sme-center-2025.toml")
        .display()
        .to_string()
}

#[test]
fn markdown_has_the_four_parts_in_order() {
    let o = yusuan(&["render", &example(), "--to", "md"]);
    assert!(o.status.success());
    let md = String::from_utf8(o.stdout).unwrap();
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("missing {s:?}"));
    let parts = [
        "# 昌吉回族自治州中小企业发展服务中心2025年部门预算",
        "## 第一部分 2025年昌吉回族自治州中小企业发展服务中心部门概况",
        "编制数 15，实有人数 20人，其中：在职 14人，增加 0人；退休 6人，增加 0人；离休 0人，增加 0人。",
        "## 第二部分 2025年部门预算公开表",
        "### 表1 部门收支总体情况表",
        "### 表11 上年结转结余情况明细表",
        "## 第三部分 2025年昌吉回族自治州中小企业发展服务中心部门预算情况说明",
        "### 一、关于昌吉回族自治州中小企业发展服务中心2025年收支预算情况的总体说明",
        "#### （一）项目名称：机构运行补助经费",
        "### 十二、其他重要事项的情况说明",
        "## 第四部分 名词解释",
        "八、**机关运行经费**：",
    ];
    let positions: Vec<usize> = parts.iter().map(|p| at(p)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "out of order: {positions:?}"
    );
}

#[test]
fn render_is_deterministic_and_writes_the_file() {
    let dir = std::env::temp_dir().join(format!("yusuan-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("doc.txt");
    let o = yusuan(&[
        "render",
        &example(),
        "--to",
        "text",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已生成"));
    let written = std::fs::read_to_string(&out).unwrap();
    let again = yusuan(&["render", &example(), "--to", "text"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), written);
    assert!(written.contains("第三部分"));
    // Nothing but the output is left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_broken_workbook_is_refused_with_a_reason() {
    let dir = std::env::temp_dir().join(format!("yusuan-badxlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("坏.xlsx");
    std::fs::write(&bad, "不是工作簿").unwrap();
    let o = yusuan(&["check", &bad.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8(o.stderr)
            .unwrap()
            .contains("不是可读的 XLSX 文件：不是完整的 zip 压缩包")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unwritable_output_is_a_clear_error() {
    let o = yusuan(&["render", &example(), "-o", "/nonexistent-dir/doc.md"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("无法写入 /nonexistent-dir/doc.md：所在目录不存在"),
        "{err}"
    );
}

#[test]
fn html_is_one_self_contained_page() {
    let o = yusuan(&["render", &example(), "--to", "html"]);
    assert!(o.status.success());
    let h = String::from_utf8(o.stdout).unwrap();
    assert!(h.starts_with("<!DOCTYPE html>") && h.trim_end().ends_with("</html>"));
    assert!(h.contains("<title>昌吉回族自治州中小企业发展服务中心2025年部门预算</title>"));
    // The eleven tables, and the three performance target tables (部门整体, two projects).
    for n in 1..=11 {
        assert!(h.contains(&format!(" id=\"t{n}\">")), "表{n}");
    }
    assert_eq!(h.matches("<section class=\"table perf\">").count(), 3);
    assert!(h.contains("<caption>项目支出绩效目标表（2025年）</caption>"));
    assert!(!h.contains("<script") && !h.contains("<link"));
}

#[test]
fn docx_goes_to_a_file() {
    let dir = std::env::temp_dir().join(format!("yusuan-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("预算公开.docx");
    let o = yusuan(&[
        "render",
        &example(),
        "--to",
        "docx",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a DOCX is a zip");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn xlsx_goes_to_a_file() {
    let dir = std::env::temp_dir().join(format!("yusuan-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("表.xlsx");
    let o = yusuan(&[
        "render",
        &example(),
        "--to",
        "xlsx",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip");
    // The workbook reads back: the same tables as the golden CSV, and it checks clean.
    let o = yusuan(&["tables", &out.display().to_string(), "--format", "csv"]);
    let golden =
        std::fs::read_to_string(root().join("tests/golden/changji-2025-tables.csv")).unwrap();
    assert_eq!(String::from_utf8(o.stdout).unwrap(), golden);
    let o = yusuan(&["check", &out.display().to_string()]);
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("0 个错误，0 个警告")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_office_glossary_replaces_the_standard_one() {
    let source = std::fs::read_to_string(example()).unwrap().replacen(
        "other_matters = \"本部门无其他需说明事项。\"",
        "other_matters = \"本部门无其他需说明事项。\"\nglossary = \"\"\"\n一、财政拨款：指由本级财政安排的资金。\n二、专项资金：用于特定事项的资金，\n按项目管理。\n\"\"\"",
        1,
    );
    let dir = std::env::temp_dir().join(format!("yusuan-glossary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("budget.toml");
    std::fs::write(&file, source).unwrap();
    let o = yusuan(&["render", &file.display().to_string(), "--to", "md"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8(o.stdout).unwrap();
    let part = &md[md.find("## 第四部分 名词解释").unwrap()..];
    assert!(part.contains("一、**财政拨款**：指由本级财政安排的资金。"));
    assert!(part.contains("二、**专项资金**：用于特定事项的资金，按项目管理。"));
    assert!(
        !part.contains("三、"),
        "the standard entries are replaced, not added to:\n{part}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pdf_with_a_font_file_that_cannot_be_read_says_which_and_why() {
    let o = yusuan(&[
        "render",
        &example(),
        "--to",
        "pdf",
        "--font",
        "/nonexistent/simsun.ttc",
        "-o",
        "/tmp/never-written.pdf",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("无法读取字体文件 /nonexistent/simsun.ttc"),
        "{err}"
    );
    assert!(!Path::new("/tmp/never-written.pdf").exists());
}

#[test]
fn font_options_are_only_for_pdf() {
    let o = yusuan(&["render", &example(), "--to", "md", "--font", "x.ttf"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("只用于 --to pdf"), "{err}");
}

#[test]
fn consistent_rounding_prints_figures_that_add_up_and_check_has_no_rounding_note() {
    let o = yusuan(&["check", &example(), "--rounding", "consistent"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the reference's real errors remain"
    );
    let report = String::from_utf8(o.stdout).unwrap();
    assert!(report.contains("7 个错误，3 个警告，0 个提示"), "{report}");
    let o = yusuan(&["check", &example()]);
    assert!(String::from_utf8(o.stdout).unwrap().contains("11 个提示"));
    // 表6: the printed 公用经费 items sum to 32.34; so does their printed total now.
    let o = yusuan(&[
        "tables",
        &example(),
        "--rounding",
        "consistent",
        "--format",
        "csv",
    ]);
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(
        csv.contains("6,302,商品和服务支出,公用经费,32.34,,\n"),
        "{csv}"
    );
    assert!(csv.contains("1,,收入总计,预算数,480.74,收入,\n"));
    let md = yusuan(&[
        "render",
        &example(),
        "--rounding",
        "consistent",
        "--to",
        "md",
    ]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(!md.contains("尾差"), "no footnote is needed");
    let md = yusuan(&["render", &example(), "--to", "md"]);
    assert!(String::from_utf8(md.stdout).unwrap().contains("尾差"));
}
