//! Test support: proptest strategies producing random but valid budgets — facts over a pool of
//! real functional and economic codes, every fund source, basic and project uses, amounts from
//! a fen to tens of millions of 元 (small ones to exercise rounding), and up to three projects in
//! one or two units.

use proptest::prelude::*;
use yusuan_core::budget::*;
use yusuan_core::codes::{EconCode, FuncCode};
use yusuan_core::money::Fen;
use yusuan_core::source::SourceRef;

const FUNC: [&str; 12] = [
    "2011350", "2011399", "2010301", "2080505", "2080506", "2101102", "2210201", "2120101",
    "2040601", "2050205", "2150517", "2200150",
];
const ECON: [&str; 17] = [
    "30101", "30108", "30201", "30211", "30217", "30231", "30212", "31013", "30913", "30302",
    "30309", "31002", "39999", "30701", "31201", "31302", "31101",
];

/// One random fact.
pub fn fact() -> impl Strategy<Value = Fact> {
    (
        0..FUNC.len(),
        0..ECON.len(),
        0..FundSource::ALL.len(),
        0..5usize,
        prop_oneof![1i64..20_000, 1i64..5_000_000_000],
    )
        .prop_map(|(f, e, s, u, amount)| Fact {
            func: FuncCode::parse(FUNC[f]).unwrap(),
            econ: EconCode::parse(ECON[e]).unwrap(),
            fund: FundSource::ALL[s],
            use_: match u {
                0 => Use::Personnel,
                1 => Use::Public,
                p => Use::Project(p - 2),
            },
            amount: Fen(amount),
            unit: None,
            source: SourceRef::None,
        })
}

/// A project named `name`, in `unit` (the department when `None`).
pub fn project(name: String, unit: Option<String>) -> Project {
    Project {
        name,
        unit,
        basis: String::new(),
        executor: String::new(),
        leader: None,
        period: String::new(),
        purpose: String::new(),
        allocation: Vec::new(),
        carry_over_use: None,
        performance: Some(ProjectPerformance {
            stated_total: None,
            stated_fiscal: None,
            stated_other: None,
            spans: FieldSpans::default(),
            goal: "目标".into(),
            indicators: Vec::new(),
        }),
        source: SourceRef::None,
        spans: FieldSpans::default(),
    }
}

/// How last year compares for one subject: not stated, equal, from zero, or another amount.
#[derive(Debug, Clone, Copy)]
enum LastYear {
    Absent,
    Equal,
    Zero,
    Amount(i64),
}

fn last_year() -> impl Strategy<Value = LastYear> {
    prop_oneof![
        2 => Just(LastYear::Absent),
        1 => Just(LastYear::Equal),
        1 => Just(LastYear::Zero),
        4 => (1i64..5_000_000_000).prop_map(LastYear::Amount),
    ]
}

/// The subjects a budget source compares with last year.
fn compared_subjects() -> Vec<Subject> {
    let mut v = vec![
        Subject::Income("一般公共预算".into()),
        Subject::Income("非财政拨款结转结余".into()),
        Subject::Basic,
        Subject::ProjectSpending,
        Subject::GeneralBasic,
        Subject::GeneralProject,
        Subject::RunningCost,
        Subject::ThreePublicTotal,
    ];
    v.extend(
        FUNC.iter()
            .take(4)
            .map(|c| Subject::GeneralFunc(FuncCode::parse(c).expect("valid code"))),
    );
    v
}

/// A random valid budget, with last year's figures (and a neutral reason) for some subjects.
pub fn budget() -> impl Strategy<Value = Budget> {
    (
        budget_this_year(),
        prop::collection::vec(last_year(), compared_subjects().len()),
    )
        .prop_map(|(mut b, last)| {
            for (subject, l) in compared_subjects().into_iter().zip(last) {
                let this = b.this_year(&subject);
                let last_year = match l {
                    LastYear::Absent => continue,
                    LastYear::Equal => this,
                    LastYear::Zero => Fen(0),
                    LastYear::Amount(f) => Fen(f),
                };
                b.comparisons.push(Comparison {
                    subject,
                    last_year,
                    reason: Some("工作任务调整".into()),
                    source: SourceRef::None,
                    spans: FieldSpans::default(),
                });
            }
            b
        })
}

fn budget_this_year() -> impl Strategy<Value = Budget> {
    (prop::collection::vec(fact(), 0..40), any::<bool>()).prop_map(|(mut facts, two_units)| {
        // With a subordinate unit, every other basic fact is that unit's.
        const SUB: &str = "测试下属服务站";
        if two_units {
            for (i, f) in facts.iter_mut().enumerate() {
                if f.use_.is_basic() && i % 2 == 1 {
                    f.unit = Some(SUB.to_string());
                }
            }
        }
        Budget {
            year: 2025,
            kind: DocKind::Department,
            date: None,
            department: Department {
                name: "测试服务中心".into(),
                subordinate_units: if two_units {
                    vec![SUB.to_string()]
                } else {
                    Vec::new()
                },
                ..Department::default()
            },
            facts,
            projects: vec![
                project("项目甲".into(), None),
                project("项目乙".into(), two_units.then(|| SUB.to_string())),
                project("项目丙".into(), None),
            ],
            procurement: Procurement::default(),
            assets: Assets::default(),
            comparisons: Vec::new(),
            overall_performance: None,
            notes: NarrativeNotes::default(),
            local_func_names: Default::default(),
        }
    })
}
