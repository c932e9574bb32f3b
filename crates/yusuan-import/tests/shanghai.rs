//! The Shanghai 9-table 部门预算 / 单位预算 template, read from real published PDFs by meaning
//! and bound to the template: every table found, each figure in its column (the tables' own identities hold
//! throughout, which a figure in the wrong column would break), units per table.

use yusuan_core::budget::DocKind;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Disclosure;
use yusuan_core::template::SHANGHAI_BUDGET_ID;

fn corpus(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    std::fs::read(path).unwrap()
}

fn findings(d: &Disclosure) -> Vec<String> {
    yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: d,
        budget: None,
        previous: None,
    })
    .iter()
    .filter(|f| f.severity >= Severity::Warning)
    .map(|f| format!("{} {}", f.code, f.message))
    .collect()
}

/// A CSV's lines in order: the same cells whatever order a reader gives them in.
fn sorted(csv: &str) -> Vec<&str> {
    let mut v: Vec<&str> = csv.lines().collect();
    v.sort_unstable();
    v
}

fn cell(d: &Disclosure, table: u8, label: &str, column: usize) -> String {
    let t = d.table(table).unwrap_or_else(|| panic!("表{table}"));
    let r = t
        .rows
        .iter()
        .find(|r| r.label == label || r.code.as_deref() == Some(label))
        .unwrap_or_else(|| panic!("表{table} {label}"));
    r.cells[column]
        .as_ref()
        .map(|c| c.printed.to_string())
        .unwrap_or_default()
}

#[test]
fn a_department_budget_reads_whole_and_adds_up() {
    let (d, diags, _) = yusuan_import::import_pdf(&corpus(
        "shanghai_putuo_zhengfu_bangongshi_2025_dept_budget.pdf",
    ));
    assert!(
        !diags.iter().any(|x| x.severity >= Severity::Warning),
        "{diags:#?}"
    );
    assert_eq!(d.template, SHANGHAI_BUDGET_ID);
    assert_eq!(d.department, "上海市普陀区人民政府办公室");
    assert_eq!((d.year, d.kind), (2025, DocKind::Department));
    assert_eq!(
        d.tables.iter().map(|t| t.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7, 8, 9]
    );
    // The same cells as the golden CSV (checked by the identities below and against poppler).
    assert_eq!(
        sorted(&yusuan_formats::tables::csv::render(&d)),
        sorted(include_str!(
            "../../../tests/golden/shanghai-zhengfu-bangongshi-2025-tables.csv"
        ))
    );
    assert_eq!(cell(&d, 1, "收入总计", 0), "91016775.35");
    assert_eq!(cell(&d, 3, "2010301", 1), "11919501.84");
    assert_eq!(cell(&d, 3, "2010301", 2), "110000.00");
    assert_eq!(cell(&d, 8, "30201", 2), "259400.00", "办公费 is 公用经费");
    // Units per table: 元, and 万元 for the 三公 table.
    assert_eq!(d.table(2).unwrap().unit.label(), "元");
    assert_eq!(d.table(9).unwrap().unit.label(), "万元");
    assert_eq!(cell(&d, 9, "", 0), "867.50");
    assert_eq!(cell(&d, 9, "", 6), "213.28");
    // Empty tables say so.
    assert!(
        d.table(6)
            .unwrap()
            .empty_statement
            .as_deref()
            .unwrap_or("")
            .contains("空表")
    );
    // Every identity of the template holds: no figure is in a wrong column.
    assert_eq!(findings(&d), Vec::<String>::new());
}

#[test]
fn a_unit_budget_with_the_split_expenditure_side_reads_and_adds_up() {
    let (d, diags, _) = yusuan_import::import_pdf(&corpus(
        "shanghai_putuo_shehuifuliyuan_2024_unit_budget.pdf",
    ));
    // Only 表3 and 表5's misprinted code “7 11 02” is said.
    let said: Vec<&str> = diags
        .iter()
        .filter(|x| x.severity >= Severity::Warning)
        .map(|x| x.code)
        .collect();
    assert_eq!(said, ["I505", "I505"], "{diags:#?}");
    assert_eq!((d.year, d.kind), (2024, DocKind::Unit));
    let t1 = d.table(1).unwrap();
    assert_eq!(
        t1.columns.len(),
        5,
        "the 单位预算 variant: 合计, 人员经费, 公用经费, 项目支出"
    );
    // Every table identity holds; 表1 and 表4 (and the 编制说明) name class 210 by its pre-2019
    // name, and a 三公 reason is announced and not given.
    let codes: Vec<String> = findings(&d)
        .iter()
        .map(|x| x.split(' ').next().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        codes,
        ["K006", "K006", "N004", "N011"],
        "{:#?}",
        findings(&d)
    );
}

#[test]
fn a_final_account_reads_with_its_identities() {
    let (d, diags, _) = yusuan_import::import_pdf(&corpus(
        "shanghai_putuo_shehui_gongzuobu_2024_dept_final_account.pdf",
    ));
    assert!(
        !diags.iter().any(|x| x.severity >= Severity::Warning),
        "{diags:#?}"
    );
    assert_eq!(d.template, yusuan_core::template::SHANGHAI_FINAL_ID);
    assert_eq!(d.department, "中共上海市普陀区委社会工作部");
    assert_eq!((d.year, d.kind), (2024, DocKind::Department));
    assert_eq!(
        d.tables.iter().map(|t| t.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7, 8, 9]
    );
    // 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, as printed.
    assert_eq!(cell(&d, 1, "本年收入合计", 0), "307.82");
    assert_eq!(cell(&d, 1, "总计", 0), "307.82");
    // The 合计 row comes first in 决算 tables.
    assert_eq!(cell(&d, 3, "合计", 1), "105.58");
    assert_eq!(cell(&d, 3, "2013999", 2), "202.24");
    // 表6 in two halves: 人员经费 (left) and 公用经费 (right), each with its codes.
    assert_eq!(cell(&d, 6, "30113", 0), "17.70");
    assert_eq!(cell(&d, 6, "30239", 1), "2.43");
    assert_eq!(cell(&d, 6, "人员经费合计", 0), "95.36");
    // Empty tables say why.
    assert!(
        d.table(7)
            .unwrap()
            .empty_statement
            .as_deref()
            .unwrap_or("")
            .contains("无数据")
    );
    // Every identity holds (a 302 tail of 0.01 is rounding, a 提示). Its 第三部分 is read too:
    // the one warning is the narrative's “增长100.00%” from a zero base (the department was set
    // up in 2024).
    let f = findings(&d);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].starts_with("N009"), "{f:#?}");
    assert!(d.narrative.sections.len() >= 8);
}

/// The hand-checked golden tables (tests/golden/README.md): the PDF and its layout text both
/// read to exactly them.
#[test]
fn golden_documents_read_to_their_checked_tables_from_pdf_and_text() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (doc, golden) in [
        (
            "shanghai_putuo_zhengfu_bangongshi_2025_dept_budget",
            "shanghai-zhengfu-bangongshi-2025-tables.csv",
        ),
        (
            "shanghai_putuo_shehuifuliyuan_2024_unit_budget",
            "shanghai-shehuifuliyuan-2024-tables.csv",
        ),
        (
            "shanghai_putuo_caizhengju_2024_dept_final_account",
            "shanghai-caizhengju-2024-final-tables.csv",
        ),
    ] {
        let want = std::fs::read_to_string(root.join("../../tests/golden").join(golden)).unwrap();
        let (from_pdf, _, _) = yusuan_import::import_pdf(&corpus(&format!("{doc}.pdf")));
        assert_eq!(
            sorted(&yusuan_formats::tables::csv::render(&from_pdf)),
            sorted(&want),
            "{doc}.pdf"
        );
        let text = String::from_utf8(corpus(&format!("{doc}.txt"))).unwrap();
        let (from_text, _) = yusuan_import::import_text(&text);
        assert_eq!(
            sorted(&yusuan_formats::tables::csv::render(&from_text)),
            sorted(&want),
            "{doc}.txt"
        );
    }
}
