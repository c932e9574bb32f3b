//! K001 功能分类科目存在于科目表

use super::{functional_rows, year};
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::kinds::pos;
use yusuan_core::catalog::Catalog;
use yusuan_core::codes::{FuncCode, Level};
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// K001
pub struct K001;

static META: RuleMeta = RuleMeta {
    id: "K001",
    family: Family::Classification,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "功能分类科目存在于科目表",
    what: "公开表中每个支出功能分类编码（类、款、项）都应是当年《政府收支分类科目》中的科目。类、款不存在为错误；项不存在时，若本项目科目表对该款的项已列全则为错误，否则为警告（科目表对该款的项可能不完整）。",
    why: "科目编码错误会使支出无法归类汇总，常见于套用旧年度科目或手工录入错误。",
    example: "“228 住房保障支出”：不存在 228 类（住房保障支出是 221）。参考例的编码都存在。",
    basis: "财政部《政府收支分类科目》（按年度发布）。",
    fixture: Fixture {
        base: Base::ReferenceCsv,
        pass: &[],
        fail: &[(
            "3,221,住房保障支出,合计,19.63",
            "3,228,住房保障支出,合计,19.63",
        )],
    },
};

impl Rule for K001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let d = cx.disclosure;
        let y = year(d);
        let cat = Catalog::get();
        let mut seen = std::collections::BTreeSet::new();
        for (t, i) in functional_rows(d) {
            let r = &t.rows[i];
            let text = r.code.as_deref().unwrap_or("");
            let Ok(code) = FuncCode::parse(text) else {
                out.push(Diagnostic::new(
                    META.id,
                    META.severity,
                    format!("表{}的科目编码“{text}”不是支出功能分类编码", t.number),
                    Label::cell(r.source.clone(), pos(t, i, None), text.to_string()),
                ));
                continue;
            };
            if !seen.insert((t.number, code)) {
                continue;
            }
            let declared = |c: FuncCode| {
                cx.budget
                    .is_some_and(|b| b.local_func_names.contains_key(&c))
            };
            let missing = code
                .ancestry()
                .into_iter()
                .find(|a| cat.functional_name(*a, y).is_none() && !declared(*a));
            let Some(missing) = missing else { continue };
            let severity = if missing.level() == Level::Xiang {
                Severity::Warning
            } else {
                META.severity
            };
            let note = if severity == Severity::Warning {
                "（本项目的科目表对该款的项可能不完整，请核对）"
            } else {
                ""
            };
            out.push(
                Diagnostic::new(
                    META.id,
                    severity,
                    format!(
                        "表{}：{y} 年支出功能分类中没有{}级科目 {}{note}",
                        t.number,
                        missing.level().label(),
                        missing.spaced()
                    ),
                    Label::cell(r.source.clone(), pos(t, i, None), r.label.clone()),
                )
                .with_help("核对科目编码；科目以财政部当年《政府收支分类科目》为准"),
            );
        }
    }
}
