//! K003 经济分类科目存在于科目表

use super::year;
use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::kinds::pos;
use yusuan_core::catalog::Catalog;
use yusuan_core::codes::EconCode;
use yusuan_core::diag::{Diagnostic, Label, Severity};

/// K003
pub struct K003;

static META: RuleMeta = RuleMeta {
    id: "K003",
    family: Family::Classification,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "经济分类科目存在于科目表",
    what: "表6 的部门预算支出经济分类编码（类、款）都应是科目表中的科目。",
    why: "经济分类编码错误会使人员经费、公用经费和“三公”经费的口径失真。",
    example: "“301 98 基本工资”：301 类下没有 98 款（基本工资是 301 01）。参考例编码都存在。",
    basis: "财政部《部门预算支出经济分类科目》。",
    fixture: Fixture {
        base: Base::ReferenceCsv,
        pass: &[],
        fail: &[("6,30101,基本工资,合计,58.74", "6,30198,基本工资,合计,58.74")],
    },
};

impl Rule for K003 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(6) else { return };
        let y = year(cx.disclosure);
        for (i, r) in t.rows.iter().enumerate() {
            let Some(text) = r.code.as_deref() else {
                continue;
            };
            let known = EconCode::parse(text)
                .ok()
                .and_then(|c| Catalog::get().economic_name(c, y));
            if known.is_none() {
                out.push(
                    Diagnostic::new(
                        META.id,
                        META.severity,
                        format!(
                            "表6：{y} 年部门预算支出经济分类中没有科目 {}",
                            crate::rules::classification::k003::spaced(text)
                        ),
                        Label::cell(r.source.clone(), pos(t, i, None), r.label.clone()),
                    )
                    .with_help("核对经济分类编码"),
                );
            }
        }
    }
}

/// `30101` → `301 01`.
pub(crate) fn spaced(code: &str) -> String {
    if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}
