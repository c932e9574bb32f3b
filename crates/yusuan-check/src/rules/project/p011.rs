//! P011 项目绩效目标表的财政拨款与表7、表11 一致

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::sum_identity;
use crate::kinds::{cell_label, find_col, printed, report};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{PerformanceKind, RowKind, Side, Table};

/// P011
pub struct P011;

static META: RuleMeta = RuleMeta {
    id: "P011",
    family: Family::Project,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "项目绩效目标表的财政拨款与表7、表11 一致",
    what: "项目支出绩效目标表的“财政拨款”应等于该项目在表7（一般公共预算项目支出）中的金额，加上表11 中该项目的财政拨款结转（项目没有政府性基金、国有资本经营预算资金时）。",
    why: "绩效目标表与预算表说的是同一个项目的同一笔钱（项目的年度预算总额与表7、表11 一致）。",
    example: "参考例：“机构运行补助经费”财政拨款 7.00 = 表7 7.00 + 表11 财政拨款结转 0；“领导小组办公室工作经费”215.00 = 表7 215.00：一致。",
    basis: "项目支出绩效目标表样式；部门预算公开表7、表11。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "[project.performance]\ngoal = \"2025年该项目计划开展召开",
            "[project.performance]\nfiscal = 2100000.00\ngoal = \"2025年该项目计划开展召开",
        )],
    },
};

/// The rows of project `name` in table `t` (table 7 has one per functional 项 it spends on).
fn project_rows(t: &Table, name: &str) -> Vec<usize> {
    (0..t.rows.len())
        .filter(|&i| t.rows[i].kind == RowKind::Project && t.rows[i].label == name)
        .collect()
}

impl Rule for P011 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(t7), Some(t11)) = (cx.table(7), cx.table(11)) else {
            return;
        };
        // Only where every fiscal fund of projects is visible: no project spending in tables 8, 9.
        let no_funds = |n: u8| cx.table(n).is_none_or(|t| t.rows.is_empty());
        if !no_funds(8) || !no_funds(9) {
            return;
        }
        let (Some(c7), Some(c11)) = (
            find_col(t7, Side::Single, "合计"),
            find_col(t11, Side::Single, "财政拨款/小计"),
        ) else {
            return;
        };
        for p in cx
            .disclosure
            .performance
            .iter()
            .filter(|p| p.kind == PerformanceKind::Project)
        {
            let Some(name) = p.project.as_deref() else {
                continue;
            };
            let Some((_, fiscal)) = p.funds.iter().find(|(l, _)| l == "财政拨款") else {
                continue;
            };
            let r7 = project_rows(t7, name);
            let r11 = project_rows(t11, name);
            let parts: Vec<_> = r7
                .iter()
                .map(|&r| printed(t7, r, c7))
                .chain(r11.iter().map(|&r| printed(t11, r, c11)))
                .collect();
            let others: Vec<Label> = r7
                .iter()
                .map(|&r| cell_label(t7, r, c7))
                .chain(r11.iter().map(|&r| cell_label(t11, r, c11)))
                .collect();
            let what = format!(
                "项目“{name}”绩效目标表的财政拨款 {fiscal} 应等于表7 与表11（财政拨款结转）中该项目之和"
            );
            let primary = Label::at(p.source.clone(), format!("财政拨款 {fiscal}"));
            if let Some(d) = report(
                &META,
                sum_identity(Some(fiscal), &parts),
                &what,
                primary,
                others,
            ) {
                out.push(d);
            }
        }
    }
}
