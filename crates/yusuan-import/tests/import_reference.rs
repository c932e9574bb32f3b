//! The reference example's published text imports to exactly the published tables.

#[test]
fn reference_text_imports_to_the_golden_tables() {
    let text = include_str!("../../../examples/changji-sme-center-2025-budget.published.txt");
    let golden = include_str!("../../../tests/golden/changji-2025-tables.csv");
    let (d, diags) = yusuan_import::import_text(text);
    for x in &diags {
        eprintln!("{} {}", x.code, x.message);
    }
    let got = yusuan_formats::tables::csv::render(&d);
    if got != golden {
        for (i, (a, b)) in got.lines().zip(golden.lines()).enumerate() {
            if a != b {
                panic!("line {}: got {a:?}, want {b:?}", i + 1);
            }
        }
        panic!(
            "{} lines, want {}",
            got.lines().count(),
            golden.lines().count()
        );
    }
    assert!(diags.is_empty(), "{diags:#?}");
}
