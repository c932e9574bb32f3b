//! G001 表6 基本支出中的“三公”科目不超过表10

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::interval;
use crate::kinds::{RowSel, cell_label, find_col, find_row, missing_cell, printed};
use crate::rules::support::wan;
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::Side;
use yusuan_core::money::Fen;

/// G001
pub struct G001;

/// Economic 款 of table 6 and the table 10 row they belong to.
const ITEMS: [(&str, &str); 5] = [
    ("30212", "因公出国（境）费"),
    ("30217", "公务接待费"),
    ("30231", "公务用车运行费"),
    ("31013", "其中：公务用车购置费"),
    ("30913", "其中：公务用车购置费"),
];

static META: RuleMeta = RuleMeta {
    id: "G001",
    family: Family::ThreePublic,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "表6 基本支出中的“三公”科目不超过表10",
    what: "表6 一般公共预算基本支出中，因公出国（境）费用（302 12）、公务接待费（302 17）、公务用车运行维护费（302 31）、公务用车购置（310 13 / 309 13）各款的金额，不得超过表10 财政拨款“三公”经费中对应项目的一般公共预算数。",
    why: "“三公”经费统计口径即上述经济分类科目的财政拨款支出；基本支出中安排的“三公”经费是表10 的组成部分，不可能大于表10。",
    example: "表6 列公务接待费 0.50 万元，表10 公务接待费为空表（0）：错误。参考例表6 无这些科目，表10 为空，一致。",
    basis: "《党政机关厉行节约反对浪费条例》及财政部关于“三公”经费统计口径的规定；部门预算支出经济分类科目 302 12、302 17、302 31、310 13。",
    fixture: Fixture {
        base: Base::ReferenceCsv,
        pass: &[],
        fail: &[(
            "6,30213,维修（护）费,合计,0.80\n",
            "6,30213,维修（护）费,合计,0.80\n6,30217,公务接待费,合计,0.50\n6,30217,公务接待费,公用经费,0.50\n",
        )],
    },
};

impl Rule for G001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(t6), Some(t10)) = (cx.table(6), cx.table(10)) else {
            return;
        };
        let (Some(c6), Some(c10)) = (
            find_col(t6, Side::Single, "合计"),
            find_col(t10, Side::Single, "一般公共预算"),
        ) else {
            return;
        };
        for (ri, r) in t6.rows.iter().enumerate() {
            let Some(code) = r.code.as_deref() else {
                continue;
            };
            let Some((_, item)) = ITEMS.iter().find(|(c, _)| *c == code) else {
                continue;
            };
            let Some(p6) = printed(t6, ri, c6) else {
                continue;
            };
            let row10 = find_row(t10, Side::Single, RowSel::Label(item));
            let p10 = row10.and_then(|r| printed(t10, r, c10));
            let (lo6, _) = interval(Some(p6));
            let (_, hi10) = interval(p10);
            if lo6 > hi10 {
                let shown10 = p10.map_or("空白（0）".to_string(), |p| p.to_string());
                let mut d = Diagnostic::new(
                    META.id,
                    META.severity,
                    format!(
                        "表6 基本支出列有{}（{}）{} 万元，超过表10 一般公共预算“{}”{}",
                        r.label,
                        code,
                        p6,
                        item.trim_start_matches("其中："),
                        shown10
                    ),
                    cell_label(t6, ri, c6),
                )
                .with_help("“三公”经费须在表10 中完整反映：补列表10，或改正表6 的科目");
                d.secondary.push(match row10 {
                    Some(r10) => cell_label(t10, r10, c10),
                    None => missing_cell(t10, None, item, "一般公共预算"),
                });
                d.figures = Some(yusuan_core::diag::Figures {
                    expected: format!("≤ {}", p10.map_or("0.00".to_string(), |p| p.to_string())),
                    found: p6.to_string(),
                    difference: wan(Fen(lo6 - hi10)),
                    allowed: None,
                });
                out.push(d);
            }
        }
    }
}
