//! The long-form CSV reads back into the same tables, and malformed files give located
//! Chinese diagnostics while the good cells are kept.

use yusuan_core::disclosure::Side;
use yusuan_formats::{source, tables::csv};

const EXAMPLE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");

#[test]
fn derived_csv_round_trips() {
    let b = source::parse(EXAMPLE).budget.unwrap();
    let d = yusuan_core::derive(&b);
    let text = csv::render(&d);
    let (back, diags) = csv::read(&text);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(csv::render(&back), text);
    assert_eq!(back.department, "昌吉回族自治州中小企业发展服务中心");
    // Row kinds are recovered from codes and labels.
    for (a, b) in d.tables.iter().zip(&back.tables) {
        let kinds = |t: &yusuan_core::disclosure::Table| {
            t.rows
                .iter()
                .filter(|r| r.cells.iter().any(Option::is_some))
                .map(|r| (r.label.clone(), r.kind, r.side))
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(a), kinds(b), "表{}", a.number);
    }
    // Every cell knows its line.
    let c = back.table(6).unwrap().rows[0].cells[0].as_ref().unwrap();
    assert!(matches!(c.source, yusuan_core::source::SourceRef::Line { line, .. } if line > 1));
}

#[test]
fn malformed_csv_is_reported_cell_by_cell() {
    let text = "table,row_code,row_label,column,value\n\
                3,,总计,合计,480.74\n\
                3,,总计,合计,480.74\n\
                12,,总计,合计,1.00\n\
                3,,总计,预算数,1.00\n\
                3,,总计,基本支出,二百\n\
                3,,总计\n\
                3,201,一般公共服务支出,合计,411.78\n";
    let (d, diags) = csv::read(text);
    let got: Vec<(String, &str)> = diags
        .iter()
        .map(|d| (d.primary.at.to_string(), d.code))
        .collect();
    assert_eq!(
        got,
        [
            ("第 3 行".to_string(), "I006"),
            ("第 4 行".to_string(), "I003"),
            ("第 5 行".to_string(), "I004"),
            ("第 6 行".to_string(), "I005"),
            ("第 7 行".to_string(), "I002"),
        ]
    );
    assert!(
        diags[2]
            .help
            .as_deref()
            .unwrap()
            .contains("合计、基本支出、项目支出")
    );
    // The good cells are kept.
    let t3 = d.table(3).unwrap();
    assert_eq!(t3.rows.len(), 2);
    assert_eq!(
        t3.rows[1].cells[0].as_ref().unwrap().printed.to_string(),
        "411.78"
    );
}

#[test]
fn wrong_header_and_unterminated_quote() {
    let (_, diags) = csv::read("a,b,c\n1,2,3\n");
    assert_eq!(diags[0].code, "I001");
    let (_, diags) = csv::read("table,row_code,row_label,column,value\n3,,\"总计,合计,1.00\n");
    assert!(
        diags
            .iter()
            .any(|d| d.code == "I002" && d.message.contains("引号没有结束")),
        "{diags:#?}"
    );
    let (_, diags) = csv::read("");
    assert_eq!(diags[0].code, "I001");
}

/// The `side` field, when given, says which side of a two-sided table a row is on: an
/// expenditure line without a code is not taken for income.
#[test]
fn the_side_field_places_a_row_on_its_side() {
    let text = "table,row_code,row_label,column,value,side,kind\n\
                1,,一、本年收入,预算数,1.00,收入,\n\
                1,,收入总计,预算数,1.00,收入,\n\
                1,,结转下年,预算数,0.50,支出,\n\
                1,,支出总计,预算数,1.00,支出,\n";
    let (d, diags) = csv::read(text);
    assert!(diags.is_empty(), "{diags:#?}");
    let t = d.table(1).unwrap();
    let side = |label: &str| t.rows.iter().find(|r| r.label == label).map(|r| r.side);
    assert_eq!(side("结转下年"), Some(Side::Expenditure));
    assert_eq!(side("一、本年收入"), Some(Side::Income));
    // And the export writes it back.
    assert!(csv::render(&d).contains("1,,结转下年,预算数,0.50,支出,\n"));
}
