//! The generated narrative (第三部分 情况说明), written as text and read back by the narrative
//! parser a published document goes through, is the same narrative and passes every rule.

use proptest::prelude::*;
use yusuan_check::engine::Cx;
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::{Disclosure, Narrative};
use yusuan_formats::{document, narrative, source};

const REFERENCE_SOURCE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");

fn sentence_texts(n: &Narrative) -> Vec<(String, Vec<String>)> {
    fn walk(s: &yusuan_core::disclosure::Section, out: &mut Vec<(String, Vec<String>)>) {
        out.push((
            format!("{}{}", s.number, s.title),
            s.sentences.iter().map(|x| x.text.clone()).collect(),
        ));
        s.subsections.iter().for_each(|sub| walk(sub, out));
    }
    let mut out = Vec::new();
    n.sections.iter().for_each(|s| walk(s, &mut out));
    out
}

/// The derived document with its narrative replaced by what the parser reads back from the
/// rendered text.
fn read_back(d: &Disclosure) -> Disclosure {
    let text = document::text(d);
    let (n, diags) = yusuan_import::narrative::read(&text);
    assert!(diags.is_empty(), "{diags:#?}");
    Disclosure {
        narrative: n,
        ..d.clone()
    }
}

#[test]
fn the_reference_narrative_reads_back_sentence_for_sentence() {
    let b = source::parse(REFERENCE_SOURCE)
        .budget
        .expect("reference parses");
    let d = yusuan_core::derive(&b);
    let back = read_back(&d);
    assert_eq!(
        sentence_texts(&back.narrative),
        sentence_texts(&d.narrative)
    );
    assert_eq!(back.narrative.sections.len(), 12, "一 … 十二");
    // The claims the checker reads are the same too.
    let claims = |n: &Narrative| {
        format!(
            "{:?}",
            n.sections
                .iter()
                .map(|s| s.sentences.iter().map(|x| &x.claims).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        )
    };
    assert_eq!(claims(&back.narrative), claims(&d.narrative));
}

#[test]
fn the_reference_narrative_says_what_the_tables_say() {
    let b = source::parse(REFERENCE_SOURCE)
        .budget
        .expect("reference parses");
    let d = yusuan_core::derive(&b);
    let text = narrative::render(&d.narrative);
    for wanted in [
        "收支总预算 480.74 万元。",
        "一般公共预算 475.74 万元，占 98.96%，比上年预算减少 71.74 万元，下降 13.10%，主要原因是",
        "基本支出 253.74 万元，占 52.78%",
        "项目支出 227.00 万元，占 47.22%",
        "其他商贸事务支出（项）：2025年预算数为 222.00 万元，为本年新增",
        "事业单位离退休（项）：2025年预算数为 0.60 万元，与上年预算持平",
        "人员经费 221.40 万元",
        "公用经费 32.35 万元",
        "没有使用政府性基金预算拨款安排的支出",
        "事业单位运行经费财政拨款预算 32.35 万元",
    ] {
        assert!(text.contains(wanted), "narrative lacks {wanted:?}:\n{text}");
    }
    // From a zero base the change is 新增, never “增长 100%”.
    assert!(!text.contains("增长 100.00%"));
}

#[test]
fn the_reference_narrative_read_back_finds_only_what_the_source_finds() {
    // The reference's own reasons contradict its profile (D002) and blame a project for 运行经费
    // (G003): the generated narrative repeats them faithfully, and the checker finds exactly
    // those in it — nothing the generator introduced.
    let b = source::parse(REFERENCE_SOURCE)
        .budget
        .expect("reference parses");
    let d = yusuan_core::derive(&b);
    let back = read_back(&d);
    let ids = |found: Vec<yusuan_core::diag::Diagnostic>| {
        let mut v: Vec<String> = found
            .into_iter()
            .filter(|f| f.severity >= Severity::Warning)
            .filter(|f| f.code.starts_with('N') || f.code == "D002" || f.code == "G003")
            .map(|f| f.code.to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let from_text = ids(yusuan_check::check(&Cx {
        disclosure: &back,
        budget: None,
        previous: None,
    }));
    assert_eq!(from_text, ["D002", "G003"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn a_generated_narrative_read_back_passes_every_rule(b in yusuan_testkit::budget()) {
        let d = yusuan_core::derive(&b);
        let back = read_back(&d);
        prop_assert_eq!(sentence_texts(&back.narrative), sentence_texts(&d.narrative));
        let findings = yusuan_check::check(&Cx { disclosure: &back, budget: None, previous: None });
        let bad: Vec<_> = findings.iter().filter(|f| f.severity >= Severity::Warning).map(|f| format!("{} {}", f.code, f.message)).collect();
        prop_assert!(bad.is_empty(), "{bad:#?}\n{}", narrative::render(&d.narrative));
    }
}

/// The whole rendered text document, read back by the importer a published text goes through,
/// gives the same printed tables (compared in their canonical CSV form) and the same narrative.
fn imports_back(d: &Disclosure) -> Result<(), String> {
    let text = document::text(d);
    let (back, diags) = yusuan_import::import_text(&text);
    if !diags.is_empty() {
        return Err(format!(
            "import notes: {:#?}",
            diags
                .iter()
                .map(|x| (x.code, &x.message))
                .collect::<Vec<_>>()
        ));
    }
    let (want, got) = (
        yusuan_formats::tables::csv::render(d),
        yusuan_formats::tables::csv::render(&back),
    );
    if want != got {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .filter(|(a, b)| a != b)
            .take(5)
            .map(|(a, b)| format!("want {a}\n got {b}"))
            .collect();
        return Err(format!(
            "tables differ ({} vs {} lines):\n{}",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        ));
    }
    if sentence_texts(&back.narrative) != sentence_texts(&d.narrative) {
        return Err("narrative differs".into());
    }
    if back.glossary != d.glossary {
        return Err(format!(
            "名词解释 differs:\n{:?}\n{:?}",
            back.glossary, d.glossary
        ));
    }
    // The performance target tables printed in the narrative read back as tables.
    let heads = |d: &Disclosure| {
        d.performance
            .iter()
            .map(|p| (p.kind, p.unit.clone(), p.funds.clone()))
            .collect::<Vec<_>>()
    };
    if heads(&back) != heads(d) {
        return Err(format!(
            "performance tables differ:\n{:?}\n{:?}",
            heads(&back),
            heads(d)
        ));
    }
    Ok(())
}

#[test]
fn the_reference_document_text_imports_back_to_the_same_tables() {
    let b = source::parse(REFERENCE_SOURCE)
        .budget
        .expect("reference parses");
    let d = yusuan_core::derive(&b);
    if let Err(e) = imports_back(&d) {
        panic!("{e}");
    }
}

fn narrative_of(edits: &[(&str, &str)]) -> String {
    let mut text = REFERENCE_SOURCE.to_string();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        text = text.replacen(from, to, 1);
    }
    let b = source::parse(&text).budget.expect("edited source parses");
    narrative::render(&yusuan_core::derive(&b).narrative)
}

#[test]
fn a_civil_service_managed_institution_has_机关运行经费() {
    let n = narrative_of(&[("unit_type = \"事业单位\"", "unit_type = \"参公事业单位\"")]);
    assert!(n.contains("（一）机关运行经费情况"), "{n}");
    assert!(!n.contains("事业单位运行经费"));
}

#[test]
fn a_reason_is_never_left_without_the_change_it_explains() {
    // Every “主要原因是” follows a stated change (增加/减少, 持平 or 新增).
    let n = narrative_of(&[]);
    for s in n.split('。').filter(|s| s.contains("主要原因是")) {
        let before = &s[..s.find("主要原因是").unwrap()];
        assert!(
            ["增长", "下降", "持平", "新增"]
                .iter()
                .any(|w| before.contains(w)),
            "{s}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Section 四 names every fiscal budget the ledger has, with its amount.
    #[test]
    fn section_four_names_every_fiscal_budget(b in yusuan_testkit::budget()) {
        use yusuan_core::budget::FiscalBudget;
        let d = yusuan_core::derive(&b);
        let four = narrative::render(&Narrative { sections: d.narrative.sections[3..4].to_vec() });
        for (fb, label) in [
            (FiscalBudget::General, "一般公共预算拨款"),
            (FiscalBudget::GovFund, "政府性基金预算拨款"),
            (FiscalBudget::StateCapital, "国有资本经营预算"),
        ] {
            let amount = b.sum(|f| f.fund.current_fiscal() == Some(fb));
            if !amount.is_zero() {
                let wanted = format!("{label} {} 万元", amount.to_wan2());
                prop_assert!(four.contains(&wanted), "{wanted} missing:\n{four}");
            }
        }
    }
}
