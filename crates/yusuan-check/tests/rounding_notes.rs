//! The customary 尾差 footnote: added to exactly the tables whose printed parts do not add up
//! to their printed totals, never to one that adds up.

use proptest::prelude::*;
use yusuan_check::{ROUNDING_NOTE, add_rounding_notes};
use yusuan_core::money::Fen;
use yusuan_formats::source;

const REFERENCE_SOURCE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");

#[test]
fn the_reference_notes_tables_2_3_5_and_6() {
    let b = source::parse(REFERENCE_SOURCE)
        .budget
        .expect("reference parses");
    let mut d = yusuan_core::derive(&b);
    // Table 6: 公用经费 items sum to 32.34, printed 32.35; table 2: 210 11's 项 sum to 12.84,
    // printed 12.83 (domain.md); tables 3 and 5 repeat the same 210 11 rows.
    assert_eq!(add_rounding_notes(&mut d), [2, 3, 5, 6]);
    assert_eq!(add_rounding_notes(&mut d), [2, 3, 5, 6], "idempotent");
    for t in &d.tables {
        let noted = t.notes.iter().filter(|n| *n == ROUNDING_NOTE).count();
        assert_eq!(
            noted,
            usize::from([2, 3, 5, 6].contains(&t.number)),
            "表{}",
            t.number
        );
    }
    let md = yusuan_formats::tables::markdown::render(&d);
    assert!(md.contains(&format!("注：{ROUNDING_NOTE}")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Amounts in whole hundreds of 元 print exactly in 万元 to two decimals: nothing to note.
    #[test]
    fn exact_figures_get_no_note(mut b in yusuan_testkit::budget()) {
        for f in &mut b.facts {
            f.amount = Fen(f.amount.fen() / 10_000 * 10_000);
        }
        let mut d = yusuan_core::derive(&b);
        prop_assert!(add_rounding_notes(&mut d).is_empty());
    }
}
