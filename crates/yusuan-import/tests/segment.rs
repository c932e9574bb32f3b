use yusuan_import::segment::tables;

#[test]
fn dump() {
    let text = include_str!("../../../examples/changji-sme-center-2025-budget.published.txt");
    for t in tables(text) {
        println!(
            "表{} {} org={} rows={} empty={:?}",
            t.spec.number,
            t.spec.title,
            t.org,
            t.rows.len(),
            t.empty_statement
        );
        for r in &t.rows {
            let nums: Vec<String> = r.numbers.iter().map(|(p, _)| p.to_string()).collect();
            println!("   {:?} {:?} {} {:?}", r.side, r.code, r.label, nums);
        }
    }
}
