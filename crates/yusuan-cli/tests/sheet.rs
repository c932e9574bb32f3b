//! `yusuan check --format sheet`: the inspection sheet (预算公开情况检查表) as an inspector gets
//! it — Markdown on the screen, a workbook that LibreOffice opens, an HTML page, and one sheet
//! per document plus a summary for a directory.
//!
//! The LibreOffice conversion needs `soffice` (Debian's libreoffice-calc-nogui; `.ci/run`
//! installs it and sets `YUSUAN_REQUIRE_SOFFICE`, so CI fails without it). Elsewhere that part
//! says it skipped.

mod common;

use calamine::{Reader, Xlsx, open_workbook};
use common::{root, yusuan};
use std::path::PathBuf;
use std::process::Command;

fn corpus(name: &str) -> String {
    root()
        .join("crates/yusuan-import/tests/corpus")
        .join(name)
        .display()
        .to_string()
}

fn reference() -> String {
    root()
        .join("examples/changji-sme-center-2025-budget.published.txt")
        .display()
        .to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-sheet-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The row of a Markdown sheet whose 检查项目 is `part`, as its cells.
fn row<'a>(md: &'a str, part: &str) -> Vec<&'a str> {
    md.lines()
        .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
        .find(|cells| cells.get(3) == Some(&part))
        .unwrap_or_else(|| panic!("no line for {part} in:\n{md}"))
}

#[test]
fn the_reference_sheet_says_what_is_wrong_where() {
    let o = yusuan(&["check", &reference(), "--format", "sheet"]);
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(o.status.success(), "{md}");
    assert!(md.starts_with("# 2025年部门预算公开情况检查表"), "{md}");
    assert!(md.contains("部门（单位）：昌吉回族自治州中小企业发展服务中心"));
    // What a file cannot show is never 是.
    assert_eq!(row(&md, "公开时间")[6], "未检查");
    assert_eq!(row(&md, "公开平台")[6], "未检查");
    // Present and without problems.
    assert_eq!(row(&md, "主要职能")[6], "是");
    assert_eq!(row(&md, "表1 部门收支总体情况表")[6], "是");
    assert_eq!(row(&md, "政府采购说明")[6], "是");
    // The reference's seeded narrative defects land on the parts they are in, with the text.
    let staff = row(&md, "机构设置");
    assert_eq!(staff[6], "否");
    assert!(staff[7].contains("情况说明称人员增加 1 人"), "{staff:?}");
    let running = row(&md, "机关运行经费说明");
    assert_eq!(running[6], "否");
    assert!(running[7].contains("项目"), "{running:?}");
    let (yes, no) = (md.matches("| 是 |").count(), md.matches("| 否 |").count());
    assert!(
        md.contains(&format!("符合要求 {yes} 项，不符合 {no} 项")),
        "{md}"
    );
    assert!(md.contains("检查人："));
}

#[test]
fn a_shanghai_final_account_sheet_names_its_tables_and_the_figures_that_differ() {
    let o = yusuan(&[
        "check",
        &corpus("shanghai_putuo_caizhengju_2024_dept_final_account.pdf"),
        "--format",
        "sheet",
    ]);
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("# 2024年部门决算公开情况检查表"), "{md}");
    assert_eq!(row(&md, "封面")[6], "是");
    assert_eq!(row(&md, "目录")[5], "第 2 页");
    assert_eq!(row(&md, "表1 收入支出决算总表")[6], "是");
    // 表3 prints 326.72 where 表1 prints 326.71: 否, with the page and the row as printed.
    let t3 = row(&md, "表3 支出决算表");
    assert_eq!(t3[6], "否");
    assert!(t3[7].contains("应为 326.71，印为 326.72"), "{t3:?}");
    assert!(
        t3[7].contains("第 10 页：“208 社会保障和就业支出"),
        "{t3:?}"
    );
    // The narrative's 0.3 万元 for a 2961.68 total is in the 收支 explanation.
    let narrative = row(&md, "收支情况说明");
    assert_eq!(narrative[6], "否");
    assert!(narrative[7].contains("印为 0.30"), "{narrative:?}");
    assert_eq!(row(&md, "名词解释")[6], "是");
}

#[test]
fn a_tables_only_file_leaves_the_narrative_unchecked_not_failed() {
    let o = yusuan(&[
        "check",
        &corpus("other/beijing_beijing_shenjiju_2026_dept_budget_part2.pdf"),
        "--format",
        "sheet",
    ]);
    let md = String::from_utf8(o.stdout).unwrap();
    for part in ["主要职能", "机构设置", "“三公”经费说明", "名词解释"] {
        let r = row(&md, part);
        assert_eq!(r[6], "未检查", "{r:?}");
        assert!(r[8].contains("--as-one"), "{r:?}");
    }
    // Read as one with its narrative, every part is judged.
    let o = yusuan(&[
        "check",
        &corpus("other/beijing_beijing_shenjiju_2026_dept_budget_part1.pdf"),
        &corpus("other/beijing_beijing_shenjiju_2026_dept_budget_part2.pdf"),
        "--as-one",
        "--format",
        "sheet",
    ]);
    let md = String::from_utf8(o.stdout).unwrap();
    assert_eq!(row(&md, "主要职能")[6], "是", "{md}");
    assert_eq!(row(&md, "名词解释")[6], "是", "{md}");
    assert_eq!(row(&md, "预算01表收支总表")[6], "是", "{md}");
}

#[test]
fn a_directory_gives_a_workbook_with_a_summary_and_one_sheet_per_document() {
    let dir = scratch("dir");
    let docs = dir.join("文件");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::copy(reference(), docs.join("reference.txt")).unwrap();
    for (name, to) in [
        (
            "shanghai_putuo_caizhengju_2024_dept_final_account.pdf",
            "sub/a.pdf",
        ),
        (
            "shanghai_putuo_shehuifuliyuan_2024_unit_budget.pdf",
            "b.pdf",
        ),
    ] {
        std::fs::copy(corpus(name), docs.join(to)).unwrap();
    }
    std::fs::write(docs.join("notes.doc"), "not a document yusuan reads").unwrap();
    let out = dir.join("检查表.xlsx");
    let o = yusuan(&[
        "check",
        docs.to_str().unwrap(),
        "--format",
        "sheet",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names,
        [
            "汇总",
            "上海市普陀区社会福利院",
            "昌吉回族自治州中小企业发展服务中心",
            "上海市普陀区财政局"
        ],
        "sorted by path: b.pdf, reference.txt, sub/a.pdf"
    );
    let summary = wb.worksheet_range("汇总").unwrap();
    assert_eq!(
        summary.get_value((0, 0)).unwrap().to_string(),
        "预算公开情况检查汇总表"
    );
    assert_eq!(summary.height(), 5, "title, heading, three documents");
    assert_eq!(
        summary.get_value((2, 3)).unwrap().to_string(),
        "2024年单位预算"
    );
    let one = wb.worksheet_range("上海市普陀区社会福利院").unwrap();
    assert_eq!(
        one.get_value((0, 0)).unwrap().to_string(),
        "2024年单位预算公开情况检查表"
    );
    let rows: Vec<Vec<String>> = one
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[2][5], "是否符合要求");
    // The misprinted code “7 11 02” is a defect of the print and is on the sheet.
    let misprint = rows
        .iter()
        .find(|r| r[6].contains("7 11 02"))
        .expect("the misprinted code is listed");
    assert_eq!(misprint[5], "否");
    assert!(misprint[6].contains("第 9 页"), "{misprint:?}");
}

#[test]
fn the_workbook_opens_in_libreoffice() {
    let required = std::env::var_os("YUSUAN_REQUIRE_SOFFICE").is_some();
    let dir = scratch("soffice");
    let out = dir.join("检查表.xlsx");
    let o = yusuan(&[
        "check",
        &reference(),
        &corpus("shanghai_putuo_caizhengju_2024_dept_final_account.pdf"),
        &corpus("shanghai_putuo_wanli_jiedao_2024_dept_budget.pdf"),
        "--format",
        "sheet",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(out.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    let profile = dir.join("profile");
    let run = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&out)
        .output();
    let run = match run {
        Ok(r) => r,
        Err(e) => {
            assert!(!required, "soffice: {e}");
            eprintln!("跳过：没有 soffice（libreoffice-calc-nogui）");
            return;
        }
    };
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = dir.join("检查表.pdf");
    let bytes = std::fs::read(&pdf).expect("soffice wrote the PDF");
    assert!(bytes.starts_with(b"%PDF"));
    // The PDF reads back (by yusuan's own reader) with every sheet's title in it.
    let o = yusuan(&["import", pdf.to_str().unwrap(), "--format", "text"]);
    let text = String::from_utf8_lossy(&o.stdout).replace([' ', '\n'], "");
    for title in [
        "预算公开情况检查汇总表",
        "2025年部门预算公开情况检查表",
        "2024年部门决算公开情况检查表",
        "2024年部门预算公开情况检查表",
    ] {
        assert!(text.contains(title), "{title} not in the PDF:\n{text}");
    }
}

#[test]
fn the_html_sheet_is_one_escaped_page() {
    let dir = scratch("html");
    // A file name is the user's text: it is escaped like every other.
    let doc = dir.join("a<b>.txt");
    std::fs::copy(reference(), &doc).unwrap();
    let out = dir.join("检查表.html");
    let o = yusuan(&[
        "check",
        doc.to_str().unwrap(),
        "--format",
        "sheet",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>2025年部门预算公开情况检查表</h1>"));
    assert!(html.contains("<td class=\"v no\">否</td>"));
    assert!(html.contains("a&lt;b&gt;.txt"), "{html}");
    assert!(!html.contains("a<b>"));
    assert!(!html.contains("<script"), "no script in the sheet");
}

#[test]
fn a_directory_that_links_back_to_itself_is_read_once() {
    let dir = scratch("loop");
    std::fs::copy(reference(), dir.join("reference.txt")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("again")).unwrap();
    let o = yusuan(&["check", dir.to_str().unwrap(), "--format", "sheet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8(o.stdout).unwrap();
    assert_eq!(md.matches("公开情况检查表\n").count(), 1, "{md}");
}

#[test]
fn an_empty_directory_is_said_so() {
    let dir = scratch("empty");
    let o = yusuan(&["check", dir.to_str().unwrap(), "--format", "sheet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("中没有可检查的文件"));
}
