//! P009 部门整体绩效的财政资金与财政拨款一致

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::{interval, shown, signed, wan2};
use crate::kinds::{RowSel, cell_label, find_col, find_row, printed};
use yusuan_core::diag::{Diagnostic, Figures, Label, Severity};
use yusuan_core::disclosure::{PerformanceKind, Side};

/// P009
pub struct P009;

static META: RuleMeta = RuleMeta {
    id: "P009",
    family: Family::Project,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Warning,
    title: "部门整体绩效的财政资金与财政拨款一致",
    what: "部门整体绩效目标表中“财政资金”（上级安排 + 本级安排）应等于表1 的财政拨款（一般公共预算、政府性基金、国有资本经营预算拨款及财政拨款结转）；其余列入“其他资金”。",
    why: "非财政拨款结转结余、单位资金等不是财政资金，列入财政资金会夸大财政投入。",
    example: "参考例：财政资金 0.00 + 480.74 = 480.74，而财政拨款只有 475.74，另 5.00 是非财政拨款结转结余，应列“其他资金”。",
    basis: "部门整体绩效目标表样式；名词解释“财政拨款”。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[
            ("local_funds = 4807400.00", "local_funds = 4757420.00"),
            (
                "other_funds = 0             # 其他资金 0.00",
                "other_funds = 50000.00",
            ),
        ],
        fail: &[],
    },
};

const FISCAL_ROWS: [&str; 4] = [
    "1.一般公共预算拨款",
    "2.政府性基金预算拨款",
    "3.国有资本经营预算拨款",
    "1.财政拨款结转",
];

impl Rule for P009 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t1) = cx.table(1) else { return };
        let Some(c) = find_col(t1, Side::Income, "预算数") else {
            return;
        };
        let rows: Vec<usize> = FISCAL_ROWS
            .iter()
            .filter_map(|l| find_row(t1, Side::Income, RowSel::Label(l)))
            .collect();
        let cells: Vec<_> = rows.iter().map(|&r| printed(t1, r, c)).collect();
        let fiscal: i64 = cells.iter().map(|p| shown(*p)).sum();
        let (flo, fhi) = cells
            .iter()
            .map(|p| interval(*p))
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        for p in cx
            .disclosure
            .performance
            .iter()
            .filter(|p| p.kind == PerformanceKind::Overall)
        {
            let parts: Vec<_> = p
                .funds
                .iter()
                .filter(|(k, _)| k.starts_with("财政资金/"))
                .map(|(_, v)| v)
                .collect();
            if parts.is_empty() {
                continue;
            }
            let stated: i64 = parts.iter().map(|v| shown(Some(v))).sum();
            let (slo, shi) = parts
                .iter()
                .map(|v| interval(Some(v)))
                .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
            if stated == fiscal || (slo <= fhi && flo <= shi) {
                continue;
            }
            let mut d = Diagnostic::new(
                META.id,
                META.severity,
                format!(
                    "部门整体绩效目标表的财政资金（上级安排 + 本级安排）为 {} 万元，而表1 财政拨款（含财政拨款结转）为 {} 万元",
                    wan2(stated),
                    wan2(fiscal)
                ),
                Label::at(p.source.clone(), format!("财政资金 {}", wan2(stated))),
            )
            .with_help("非财政拨款结转结余、单位资金应列入“其他资金”");
            for &r in &rows {
                if printed(t1, r, c).is_some() {
                    d.secondary.push(cell_label(t1, r, c));
                }
            }
            d.figures = Some(Figures {
                expected: wan2(fiscal),
                found: wan2(stated),
                difference: signed(stated - fiscal),
                allowed: None,
            });
            out.push(d);
        }
    }
}
