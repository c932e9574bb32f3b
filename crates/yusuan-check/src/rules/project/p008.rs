//! P008 部门整体绩效资金总额等于收支总预算

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::same_quantity;
use crate::kinds::{RowSel, cell_label, find_col, find_row, printed, report};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{PerformanceKind, Side};

/// P008
pub struct P008;

static META: RuleMeta = RuleMeta {
    id: "P008",
    family: Family::Project,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "部门整体绩效资金总额等于收支总预算",
    what: "部门整体绩效目标表的“资金总额”应等于表1 收入总计（部门全部收支预算）。",
    why: "部门整体绩效目标覆盖部门全部预算资金；两者不等说明绩效目标表的资金口径有误。",
    example: "参考例：资金总额 480.74 = 表1 收入总计 480.74，一致。",
    basis: "部门整体绩效目标表样式；《中共中央 国务院关于全面实施预算绩效管理的意见》（部门整体绩效管理）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[("local_funds = 4807400.00", "local_funds = 4707400.00")],
    },
};

impl Rule for P008 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t1) = cx.table(1) else { return };
        let (Some(r), Some(c)) = (
            find_row(t1, Side::Income, RowSel::Label("收入总计")),
            find_col(t1, Side::Income, "预算数"),
        ) else {
            return;
        };
        for p in cx
            .disclosure
            .performance
            .iter()
            .filter(|p| p.kind == PerformanceKind::Overall)
        {
            let Some((_, total)) = p.funds.iter().find(|(k, _)| k == "资金总额") else {
                continue;
            };
            let what = format!("部门整体绩效目标表的资金总额 {total} 万元应与表1 收入总计相同");
            let primary = Label::at(p.source.clone(), format!("资金总额 {total}"));
            if let Some(d) = report(
                &META,
                same_quantity(printed(t1, r, c), Some(total)),
                &what,
                primary,
                vec![cell_label(t1, r, c)],
            ) {
                out.push(d);
            }
        }
    }
}
