//! N004 文字中用了已更名的科目名称

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::{all_texts, finding};
use yusuan_core::catalog::{Catalog, OUTDATED_NAMES};
use yusuan_core::codes::FuncCode;
use yusuan_core::diag::{Diagnostic, Severity};

/// N004
pub struct N004;

static META: RuleMeta = RuleMeta {
    id: "N004",
    family: Family::Narrative,
    template: None,
    severity: Severity::Warning,
    title: "文字中用了已更名的科目名称",
    what: "情况说明的文字不应使用已更名的科目名称，如“医疗卫生与计划生育支出”（2019 年起为“卫生健康支出”）。",
    why: "旧名称说明文字沿用了往年的说明，内容可能也未更新。",
    example: "“医疗卫生与计划生育支出主要用于……”应为“卫生健康支出主要用于……”。",
    basis: "财政部《政府收支分类科目》（按年度发布）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(
            "\"210\" = \"主要用于在职职工医疗保险缴费\"",
            "\"210\" = \"医疗卫生与计划生育支出主要用于在职职工医疗保险缴费\"",
        )],
    },
};

impl Rule for N004 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        for (text, at, what) in all_texts(cx) {
            for (old, code, since) in OUTDATED_NAMES {
                if text.contains(old) {
                    let new = FuncCode::parse(code)
                        .ok()
                        .and_then(|c| {
                            Catalog::get().functional_name(
                                c,
                                crate::rules::classification::year(cx.disclosure),
                            )
                        })
                        .unwrap_or("");
                    out.push(
                        finding(
                            &META,
                            format!("{what}用了旧科目名称“{old}”，{since} 年起为“{new}”"),
                            at.clone(),
                        )
                        .with_help(format!("改为“{new}”")),
                    );
                }
            }
        }
    }
}
