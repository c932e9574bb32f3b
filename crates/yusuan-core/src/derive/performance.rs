//! 绩效目标表 — the department's overall targets and each project's targets, with the money
//! lines computed from the ledger (a project's 年度预算总额 = 财政拨款 + 其他资金).

use crate::budget::{Budget, FundSource, Indicator, Use};
use crate::disclosure::{IndicatorRow, PerformanceKind, PerformanceTable};
use crate::money::{Fen, Printed, Unit};
use crate::source::SourceRef;

fn indicator_row(i: &Indicator) -> IndicatorRow {
    IndicatorRow {
        level1: i.level1.clone(),
        level2: i.level2.clone(),
        name: i.name.clone(),
        value: format!("{}{}{}", i.comparator.printed(), i.value, i.unit),
        basis: i.basis.clone(),
        last_year: i.last_year.clone(),
        weight: i.weight.map(weight_printed),
        scoring: i.scoring.clone(),
        evidence: i.evidence.clone(),
        source: i.source.clone(),
    }
}

/// A weight in hundredths of a point, printed without trailing zeros (`30`, `2.5`).
fn weight_printed(hundredths: i64) -> Printed {
    if hundredths % 100 == 0 {
        Printed {
            units: hundredths / 100,
            decimals: 0,
            unit: Unit::Number,
        }
    } else if hundredths % 10 == 0 {
        Printed {
            units: hundredths / 10,
            decimals: 1,
            unit: Unit::Number,
        }
    } else {
        Printed {
            units: hundredths,
            decimals: 2,
            unit: Unit::Number,
        }
    }
}

pub(super) fn build(b: &Budget) -> Vec<PerformanceTable> {
    let mut out = Vec::new();
    if let Some(o) = &b.overall_performance {
        let derived_upper = b.sum(|f| {
            matches!(
                f.fund,
                FundSource::GeneralBudgetTransfer
                    | FundSource::GovFundTransfer
                    | FundSource::StateCapitalTransfer
            )
        });
        let derived_local = b.sum(|f| f.fund.is_fiscal()) - derived_upper;
        let derived_other = b.sum(|f| !f.fund.is_fiscal());
        let upper = o.upper_funds.unwrap_or(derived_upper);
        let local = o.local_funds.unwrap_or(derived_local);
        let other = o.other_funds.unwrap_or(derived_other);
        out.push(PerformanceTable {
            kind: PerformanceKind::Overall,
            unit: o
                .printed_name
                .clone()
                .unwrap_or_else(|| b.department.name.clone()),
            project: None,
            contact: b.department.contact.clone(),
            phone: b.department.phone.clone(),
            funds: vec![
                ("资金总额".to_string(), (upper + local + other).to_wan2()),
                ("财政资金/上级安排".to_string(), upper.to_wan2()),
                ("财政资金/本级安排".to_string(), local.to_wan2()),
                ("其他资金".to_string(), other.to_wan2()),
            ],
            goal: o.goal.clone(),
            indicators: o.indicators.iter().map(indicator_row).collect(),
            source: o.source.clone(),
        });
    }
    for (idx, p) in b.projects.iter().enumerate() {
        let Some(perf) = &p.performance else { continue };
        let mine = |f: &crate::budget::Fact| f.use_ == Use::Project(idx);
        // As printed when the source states the table's figures, else from the ledger.
        let fiscal = perf
            .stated_fiscal
            .unwrap_or_else(|| b.sum(|f| mine(f) && f.fund.is_fiscal()));
        let other: Fen = perf
            .stated_other
            .unwrap_or_else(|| b.sum(|f| mine(f) && !f.fund.is_fiscal()));
        let total = perf.stated_total.unwrap_or(fiscal + other);
        out.push(PerformanceTable {
            kind: PerformanceKind::Project,
            unit: b.project_unit(p).to_string(),
            project: Some(p.name.clone()),
            contact: p.leader.clone(),
            phone: None,
            funds: vec![
                ("年度预算总额".to_string(), total.to_wan2()),
                ("财政拨款".to_string(), fiscal.to_wan2()),
                ("其他资金".to_string(), other.to_wan2()),
            ],
            goal: perf.goal.clone(),
            indicators: perf.indicators.iter().map(indicator_row).collect(),
            source: if p.source == SourceRef::None {
                SourceRef::Derived
            } else {
                p.source.clone()
            },
        });
    }
    out
}
