//! K004 经济分类科目名称与科目表一致

use super::k002::normal;
use super::year;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::kinds::pos;
use yusuan_core::catalog::Catalog;
use yusuan_core::codes::EconCode;
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// K004
pub struct K004;

static META: RuleMeta = RuleMeta {
    id: "K004",
    family: Family::Classification,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Warning,
    title: "经济分类科目名称与科目表一致",
    what: "表6 经济分类科目的名称应与科目表一致。",
    why: "名称与编码不符说明编码或名称有一处写错。",
    example: "“301 01 基本工资费”应为“基本工资”。参考例名称均一致。",
    basis: "财政部《部门预算支出经济分类科目》。",
    fixture: Fixture {
        base: Base::ReferenceCsv,
        pass: &[],
        fail: &[(
            "6,30101,基本工资,合计,58.74",
            "6,30101,基本工资费,合计,58.74",
        )],
    },
};

impl Rule for K004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(6) else { return };
        let y = year(cx.disclosure);
        for (i, r) in t.rows.iter().enumerate() {
            let Some(code) = r.code.as_deref().and_then(|c| EconCode::parse(c).ok()) else {
                continue;
            };
            let Some(name) = Catalog::get().economic_name(code, y) else {
                continue;
            };
            if normal(&r.label) != normal(name) {
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!(
                            "表6：科目 {} 印为“{}”，科目表名称为“{name}”",
                            code.spaced(),
                            r.label
                        ),
                        Label::cell(r.source.clone(), pos(t, i, None), r.label.clone()),
                    )
                    .with_help(format!("改为“{name}”")),
                );
            }
        }
    }
}
