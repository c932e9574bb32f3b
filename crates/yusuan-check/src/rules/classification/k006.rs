//! K006 以名称列示的类用了已停用的旧名称

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::kinds::{item_name, pos};
use yusuan_core::catalog::OUTDATED_NAMES;
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// K006
pub struct K006;

static META: RuleMeta = RuleMeta {
    id: "K006",
    family: Family::Classification,
    template: None,
    severity: Severity::Warning,
    title: "以名称列示的类用了已停用的旧名称",
    what: "表中只以名称列示的支出功能分类类级科目（如上海市模板表1、表4 的“三、卫生健康支出”）不应使用已停用的旧名称：“医疗卫生与计划生育支出”“文化体育与传媒支出”“国土海洋气象等支出”自 2019 年起已更名。",
    why: "旧名称说明该表套用了旧模板或旧科目表；同一文件中按编码列示的表用的是新名称，读者无法确认是同一科目。",
    example: "2024 年单位预算表1“三、医疗卫生与计划生育支出”应为“三、卫生健康支出”（210）。",
    basis: "财政部《政府收支分类科目》（2019 年起的类级科目名称）。",
    fixture: Fixture {
        base: Base::ShanghaiPdf,
        pass: &[],
        fail: &[(
            "41652:51252:三、卫生健康支出",
            "41652:51252:三、医疗卫生与计划生育支出",
        )],
    },
};

impl Rule for K006 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let d = cx.disclosure;
        for t in &d.tables {
            for (i, r) in t.rows.iter().enumerate() {
                if r.code.is_some() {
                    continue;
                }
                let name = item_name(&r.label);
                let Some((old, code, since)) = OUTDATED_NAMES
                    .iter()
                    .find(|(old, _, since)| name == *old && (d.year == 0 || d.year >= *since))
                else {
                    continue;
                };
                let Some(now) = yusuan_core::codes::FuncCode::parse(code)
                    .ok()
                    .and_then(|c| {
                        yusuan_core::catalog::Catalog::get().functional_name(c, super::year(d))
                    })
                else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!(
                            "表{}：类“{old}”（{code}）用了旧名称，{since} 年起为“{now}”",
                            t.number
                        ),
                        Label::cell(r.source.clone(), pos(t, i, None), r.label.clone()),
                    )
                    .with_help(format!("改为“{now}”")),
                );
            }
        }
    }
}
