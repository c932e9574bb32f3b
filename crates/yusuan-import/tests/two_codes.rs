//! A table whose rows carry two codes (部门经济分类 `30108` at the left, 政府经济分类 `50102`
//! further right), as `pdftotext -layout` sets it out: a name wrapped over three lines puts the
//! second code on the figures' line and the first code on the line below (`机关事业单位基` /
//! `50102 社会保障缴费 1,449,977.63 …` / `30108 本养老保险缴费`). Each such row is read as the PDF
//! reads it: the first code's, every figure in it, and the table is checked.

use yusuan_core::Disclosure;

const XIAN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/other/shaanxi_xian_shiweixuanchuanbu_2021_dept_budget"
);

/// The 一般公共预算支出经济分类表's rows: (code, label, column, figure), in print order.
fn rows(d: &Disclosure) -> Vec<(String, String, String, String)> {
    let t = d
        .tables
        .iter()
        .find(|t| t.kind.as_deref() == Some("一般公共预算支出经济分类表"))
        .expect("the table");
    assert_eq!(t.unplaced, 0);
    t.rows
        .iter()
        .flat_map(|r| {
            r.cells.iter().enumerate().filter_map(move |(i, c)| {
                c.as_ref().map(|c| {
                    (
                        r.code.clone().unwrap_or_default(),
                        r.label.clone(),
                        t.columns[i].key.clone(),
                        c.printed.to_string(),
                    )
                })
            })
        })
        .collect()
}

#[test]
fn the_text_reads_rows_coded_twice_as_the_pdf_does() {
    let pdf = yusuan_import::import_pdf(&std::fs::read(format!("{XIAN}.pdf")).unwrap()).0;
    let (text, diags) =
        yusuan_import::import_text(&std::fs::read_to_string(format!("{XIAN}.txt")).unwrap());
    assert!(
        !diags.iter().any(|d| d.code == "I606"),
        "{:?}",
        diags
            .iter()
            .filter(|d| d.code == "I606")
            .collect::<Vec<_>>()
    );
    let (a, b) = (rows(&pdf), rows(&text));
    assert_eq!(a, b);
    // The three-line names, joined.
    for (code, label, figure) in [
        (
            "30108",
            "机关事业单位基本养老保险缴费 50102 社会保障缴费",
            "1449977.63",
        ),
        (
            "30110",
            "职工基本医疗保险缴费 50102 社会保障缴费",
            "387425.87",
        ),
    ] {
        assert!(
            b.iter()
                .any(|r| r.0 == code && r.1 == label && r.2 == "合计" && r.3 == figure),
            "{code} {label}"
        );
    }
}
