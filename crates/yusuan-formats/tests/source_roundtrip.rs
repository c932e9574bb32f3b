//! A budget written out — as a source file, or as the XLSX fill-in workbook — reads back to the
//! same budget: every fact, project, indicator, comparison and note (the places things were
//! written differ, by design). And a workbook's mistakes are reported at their cells.

use proptest::prelude::*;
use rust_xlsxwriter::Workbook;
use yusuan_core::Budget;
use yusuan_core::source::SourceRef;
use yusuan_formats::source::{self, workbook};

const REFERENCE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");

fn reference() -> Budget {
    source::parse(REFERENCE).budget.expect("reference parses")
}

/// The budget as JSON without the places things were written.
fn content(b: &Budget) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("source");
                m.remove("spans");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(b).unwrap();
    strip(&mut v);
    v
}

fn errors(p: &source::Parsed) -> Vec<String> {
    p.diagnostics
        .iter()
        .map(|d| format!("{} {} @ {}", d.code, d.message, d.primary.at))
        .collect()
}

#[test]
fn the_reference_written_as_source_reads_back_the_same() {
    let b = reference();
    let text = source::write(&b);
    let back = source::parse(&text);
    assert!(back.diagnostics.is_empty(), "{:#?}", errors(&back));
    assert_eq!(content(&back.budget.unwrap()), content(&b));
}

#[test]
fn the_reference_as_a_workbook_reads_back_the_same_with_cells_for_places() {
    let b = reference();
    let bytes = workbook::write(Some(&b), b.year).expect("writes");
    assert!(workbook::is_fill_in(&bytes));
    let back = workbook::read(&bytes);
    assert!(back.diagnostics.is_empty(), "{:#?}", errors(&back));
    let back = back.budget.unwrap();
    assert_eq!(content(&back), content(&b));
    // Every place is a cell of the workbook.
    let mut places = Vec::new();
    let mut copy = back.clone();
    copy.map_sources(&mut |s| places.push(s.clone()));
    assert!(places.len() > 100);
    for p in &places {
        assert!(matches!(p, SourceRef::Cell { .. }), "{p:?}");
    }
    // The first fact is row 2 of 账目; its amount is column G.
    assert_eq!(
        back.facts[0].source,
        SourceRef::Cell {
            sheet: "账目".into(),
            cell: "A2".into()
        }
    );
    // Deterministic.
    assert!(workbook::write(Some(&b), b.year).unwrap() == bytes);
}

#[test]
fn the_empty_template_asks_for_each_required_cell() {
    let bytes = workbook::write(None, 2026).unwrap();
    let p = workbook::read(&bytes);
    assert!(p.budget.is_none());
    let e = errors(&p);
    for want in [
        "S103 基本信息表的“部门名称”是必填项，不能为空 @ 基本信息!B8",
        "S103 基本信息表的“编制数”是必填项，不能为空 @ 基本信息!B16",
        "S103 基本信息表的“离休人数”是必填项，不能为空 @ 基本信息!B20",
    ] {
        assert!(e.iter().any(|x| x == want), "missing {want}:\n{e:#?}");
    }
    assert!(
        !e.iter().any(|x| x.starts_with("S002")),
        "no repeat in source terms:\n{e:#?}"
    );
}

/// A small workbook made by hand, as an office might fill it: 基本信息 and 账目 only.
fn handmade(ledger: &[[&str; 7]], amount_as_number: Option<&str>) -> Vec<u8> {
    let mut wb = Workbook::new();
    let info = wb.add_worksheet();
    info.set_name("基本信息").unwrap();
    let rows = [
        ("预算年度（必填）", "2025"),
        ("文档类型", "部门预算"),
        ("金额单位", "元"),
        ("部门名称", "某某服务中心"),
        ("主要职能", "为企业提供服务。"),
        ("编制数", "5"),
        ("在职人数", "4"),
        ("退休人数", "1"),
        ("离休人数", "0"),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap();
        info.write_string(r, 0, *label).unwrap();
        if *label == "预算年度（必填）" {
            info.write_number(r, 1, 2025).unwrap();
        } else {
            info.write_string(r, 1, *value).unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("账目").unwrap();
    let heads = [
        "功能分类科目编码（项）（必填）",
        "经济分类科目编码（款）（必填）",
        "资金来源（必填）",
        "支出类型（必填）",
        "项目名称",
        "预算单位",
        "金额（必填）",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    for (r, row) in ledger.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap();
        for (c, v) in row.iter().enumerate() {
            if c == 6 && amount_as_number == Some(*v) {
                // Typed as a number, as Excel stores it.
                ws.write_number(r, 6, v.parse::<u32>().unwrap()).unwrap();
            } else if !v.is_empty() {
                ws.write_string(r, u16::try_from(c).unwrap(), *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_handmade_workbook_reads_with_codes_typed_as_numbers_and_names_after_codes() {
    let bytes = handmade(
        &[
            [
                "2011350 事业运行",
                "30101",
                "一般公共预算",
                "人员经费",
                "",
                "",
                "120000",
            ],
            [
                "2011350",
                "30201 办公费",
                "一般财力",
                "公用经费",
                "",
                "",
                "8,000.50",
            ],
        ],
        Some("120000"),
    );
    let p = workbook::read(&bytes);
    assert!(p.diagnostics.is_empty(), "{:#?}", errors(&p));
    let b = p.budget.unwrap();
    assert_eq!(b.facts.len(), 2);
    assert_eq!(b.facts[0].amount.fen(), 12_000_000);
    assert_eq!(b.facts[1].amount.fen(), 800_050);
    assert_eq!(b.facts[1].econ.to_string(), "30201");
    assert_eq!(b.department.staff.authorized, 5);
}

#[test]
fn mistakes_in_a_workbook_are_reported_at_their_cells() {
    let bytes = handmade(
        &[
            [
                "2011350",
                "30101",
                "一般预算资金",
                "人员经费",
                "",
                "",
                "100",
            ],
            [
                "2011350",
                "30101",
                "一般公共预算",
                "人员经费",
                "",
                "",
                "100.001",
            ],
            [
                "2011350",
                "30101",
                "一般公共预算",
                "项目支出",
                "不存在的项目",
                "",
                "5",
            ],
            ["2019999", "30101", "一般公共预算", "人员经费", "", "", ""],
        ],
        None,
    );
    let p = workbook::read(&bytes);
    assert!(p.budget.is_none());
    let e = errors(&p);
    let at = |code: &str, cell: &str| {
        assert!(
            e.iter()
                .any(|x| x.starts_with(code) && x.ends_with(&format!("@ {cell}"))),
            "{code} at {cell}:\n{e:#?}"
        );
    };
    at("S007", "账目!C2"); // unknown fund source
    at("S008", "账目!G3"); // finer than a fen
    at("S010", "账目!E4"); // undeclared project
    at("S103", "账目!G5"); // empty amount
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random budgets: source text and workbook both read back to the same budget.
    #[test]
    fn random_budgets_round_trip_through_source_and_workbook(b in yusuan_testkit::budget()) {
        let text = source::write(&b);
        let back = source::parse(&text);
        prop_assume!(!back.diagnostics.iter().any(|d| d.code == "S009")); // duplicate facts
        prop_assert!(back.diagnostics.is_empty(), "{:#?}\n{text}", errors(&back));
        let from_text = back.budget.unwrap();
        prop_assert_eq!(content(&from_text), content(&b));
        let bytes = workbook::write(Some(&b), b.year).unwrap();
        let book = workbook::read(&bytes);
        prop_assert!(book.diagnostics.is_empty(), "{:#?}", errors(&book));
        prop_assert_eq!(content(&book.budget.unwrap()), content(&b));
    }
}
