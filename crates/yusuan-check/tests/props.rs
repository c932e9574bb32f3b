//! The property to keep forever: checking any derived Disclosure yields no error — a document
//! derived from a ledger cannot contradict itself except by rounding, which is 提示 at most.

use proptest::prelude::*;
use yusuan_check::engine::Cx;
use yusuan_core::diag::Severity;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn checking_a_derived_document_finds_no_error(b in yusuan_testkit::budget()) {
        let d = yusuan_core::derive(&b);
        // Table rules only: the random budgets carry no narrative, staff or performance inputs,
        // which the source-level rules would rightly report as missing.
        let findings = yusuan_check::check(&Cx { disclosure: &d, budget: None, previous: None });
        let errors: Vec<_> = findings.iter().filter(|f| f.severity >= Severity::Warning).collect();
        prop_assert!(errors.is_empty(), "{errors:#?}");
        // Round-tripping through the CSV export does not change the verdict.
        let text = yusuan_formats::tables::csv::render(&d);
        let (back, diags) = yusuan_formats::tables::csv::read(&text);
        prop_assert!(diags.is_empty(), "{:#?}", diags.iter().map(|d| d.message.clone()).collect::<Vec<_>>());
        let again = yusuan_check::check(&Cx { disclosure: &back, budget: None, previous: None });
        let bad: Vec<_> = again.iter().filter(|f| f.severity >= Severity::Warning).map(|f| f.message.clone()).collect();
        prop_assert!(bad.is_empty(), "{bad:#?}\n{}", text.lines().filter(|l| l.starts_with("11,")).collect::<Vec<_>>().join("\n"));
    }
}
