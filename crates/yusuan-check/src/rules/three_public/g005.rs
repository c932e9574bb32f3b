//! G005 运行经费等于表6 公用经费

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::same_quantity;
use crate::kinds::{RowSel, cell_label, find_col, find_row, printed, report};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{ClaimKind, Side};

/// G005
pub struct G005;

static META: RuleMeta = RuleMeta {
    id: "G005",
    family: Family::ThreePublic,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "运行经费等于表6 公用经费",
    what: "说明中的机关（事业单位）运行经费应等于表6 一般公共预算基本支出的公用经费合计（基本支出全部为一般公共预算时）。",
    why: "运行经费即一般公共预算基本支出中的公用经费；两处数额不同，至少一处错误。",
    example: "参考例：运行经费 32.35 万元 = 表6 公用经费 32.35：一致。",
    basis: "名词解释“机关运行经费”；部门预算情况说明第十二部分。",
    fixture: Fixture {
        base: Base::ReferenceText,
        pass: &[],
        fail: &[(
            "拨款预算 32.35 万元，比上年预算增加 18.33 万元",
            "拨款预算 33.35 万元，比上年预算增加 18.33 万元",
        )],
    },
};

impl Rule for G005 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t6) = cx.table(6) else { return };
        let (Some(r), Some(c)) = (
            find_row(t6, Side::Single, RowSel::Total),
            find_col(t6, Side::Single, "公用经费"),
        ) else {
            return;
        };
        // Only when all basic spending is 一般公共预算: table 3's 基本 equals table 5's.
        let basic = |n: u8| {
            cx.table(n).and_then(|t| {
                let r = find_row(t, Side::Single, RowSel::Total)?;
                let c = find_col(t, Side::Single, "基本支出")?;
                Some(printed(t, r, c).copied())
            })
        };
        if basic(3) != basic(5) {
            return;
        }
        for (_, s) in crate::rules::narrative::sentences(&cx.disclosure.narrative) {
            for claim in &s.claims {
                let ClaimKind::Amount { value } = claim.kind else {
                    continue;
                };
                if !claim.subject.contains("运行经费") {
                    continue;
                }
                let what = format!("说明中的运行经费 {value} 万元应与表6 公用经费相同");
                let primary = Label::at(s.source.clone(), format!("{value} 万元"));
                if let Some(d) = report(
                    &META,
                    same_quantity(printed(t6, r, c), Some(&value)),
                    &what,
                    primary,
                    vec![cell_label(t6, r, c)],
                ) {
                    out.push(d);
                }
                break;
            }
        }
    }
}
