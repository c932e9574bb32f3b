//! K002 功能分类科目名称与科目表一致

use super::{functional_rows, is_subject_row, year};
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::kinds::pos;
use yusuan_core::catalog::{Catalog, OUTDATED_NAMES};
use yusuan_core::codes::FuncCode;
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// K002
pub struct K002;

static META: RuleMeta = RuleMeta {
    id: "K002",
    family: Family::Classification,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Warning,
    title: "功能分类科目名称与科目表一致",
    what: "公开表中支出功能分类科目的名称应与当年科目表的名称一致；已更名的旧名称（如“医疗卫生与计划生育支出”，2019 年起为“卫生健康支出”）特别指出。",
    why: "名称与编码不符说明套用了旧表或编码、名称有一处写错。",
    example: "“210 医疗卫生与计划生育支出”应为“210 卫生健康支出”。参考例名称均与科目表一致。",
    basis: "财政部《政府收支分类科目》（按年度发布）。",
    fixture: Fixture {
        base: Base::ReferenceCsv,
        pass: &[],
        fail: &[(
            "3,210,卫生健康支出,合计,12.83",
            "3,210,医疗卫生与计划生育支出,合计,12.83",
        )],
    },
};

/// Names compare without spaces and with full-width brackets.
pub(crate) fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

impl Rule for K002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let d = cx.disclosure;
        let y = year(d);
        let cat = Catalog::get();
        for (t, i) in functional_rows(d) {
            if !is_subject_row(t, i) {
                continue;
            }
            let r = &t.rows[i];
            let Ok(code) = FuncCode::parse(r.code.as_deref().unwrap_or("")) else {
                continue;
            };
            let Some(name) = cat.functional_name(code, y) else {
                continue;
            };
            if normal(&r.label) == normal(name) {
                continue;
            }
            let outdated = OUTDATED_NAMES
                .iter()
                .find(|(old, c, _)| normal(&r.label) == *old && *c == code.to_string());
            let message = match outdated {
                Some((old, _, since)) => format!(
                    "表{}：科目 {} 用了旧名称“{old}”，{since} 年起为“{name}”",
                    t.number,
                    code.spaced()
                ),
                None => format!(
                    "表{}：科目 {} 印为“{}”，科目表名称为“{name}”",
                    t.number,
                    code.spaced(),
                    r.label
                ),
            };
            out.push(
                Diagnostic::new(
                    META.id,
                    META.severity,
                    message,
                    Label::cell(r.source.clone(), pos(t, i, None), r.label.clone()),
                )
                .with_help(format!("改为“{name}”")),
            );
        }
    }
}
