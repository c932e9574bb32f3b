//! T9804 上海表8 人员经费只在工资福利支出和对个人和家庭的补助下列示

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::kinds::{cell_label, find_col, printed};
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::{Side, Table};

/// 人员经费 — personnel expenditure: the economic classes 301 工资福利支出 and 303 对个人和家庭的
/// 补助; every other class of basic expenditure is 公用经费 (public expenditure).
const PERSONNEL_CLASSES: [&str; 2] = ["301", "303"];

/// T9804 上海表8 人员经费只在工资福利支出和对个人和家庭的补助下列示
pub struct PersonnelByClass {
    /// Identity and docs.
    pub meta: RuleMeta,
}

/// T9804 上海表8 人员经费只在工资福利支出和对个人和家庭的补助下列示
pub static RULE: PersonnelByClass = PersonnelByClass {
    meta: RuleMeta {
        id: "T9804",
        family: Family::Table,
        template: Some(yusuan_core::template::SHANGHAI_BUDGET_ID),
        severity: Severity::Error,
        title: "上海表8 人员经费只在工资福利支出和对个人和家庭的补助下列示",
        what: "上海市模板表8（一般公共预算基本支出部门预算经济分类预算表）：301 工资福利支出、303 对个人和家庭的补助及其下各款只在“人员经费”列有数；302 商品和服务支出、310 资本性支出等其他类及其下各款只在“公用经费”列有数。",
        why: "基本支出分为人员经费和公用经费，按经济分类划分：人员经费是工资福利支出和对个人和家庭的补助，公用经费是其余各类。某一科目的数列在另一列，是列错了栏，表8 的人员经费、公用经费合计也随之错误。",
        example: "302 01 办公费：259,400.00 列在“公用经费”，“人员经费”空白。",
        basis: "《政府收支分类科目》（财政部）支出经济分类；上海市区级部门预算公开表样式（一般公共预算基本支出部门预算经济分类预算表）。",
        fixture: Fixture {
            base: Base::ShanghaiPdf,
            pass: &[],
            fail: &[(
                "18\t7750:9550:302\t14250:15450:01\t18150:21750:办公费\t51850:57850:259,400.00\t72350:78350:259,400.00",
                "18\t7750:9550:302\t14250:15450:01\t18150:21750:办公费\t51850:57850:259,400.00\t60850:68050:259,400.00",
            )],
        },
    },
};

impl PersonnelByClass {
    /// Each cell printed in the wrong column: (row, the column it is in, the one it belongs in).
    fn misplaced(t: &Table) -> Vec<(usize, usize, usize)> {
        let (Some(personnel), Some(public)) = (
            find_col(t, Side::Single, "人员经费"),
            find_col(t, Side::Single, "公用经费"),
        ) else {
            return Vec::new();
        };
        t.rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let class = r.code.as_deref()?.get(..3)?;
                let (wrong, right) = if PERSONNEL_CLASSES.contains(&class) {
                    (public, personnel)
                } else {
                    (personnel, public)
                };
                printed(t, i, wrong)
                    .is_some_and(|p| p.units != 0)
                    .then_some((i, wrong, right))
            })
            .collect()
    }
}

impl Rule for PersonnelByClass {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    // Not a row rule for the importer: a figure printed under the wrong one of 人员经费 and
    // 公用经费 must be read where it is printed, so that this rule can say so.
    fn finds_error(&self, cx: &Cx<'_>) -> bool {
        cx.table(8).is_some_and(|t| !Self::misplaced(t).is_empty())
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t) = cx.table(8) else { return };
        for (i, wrong, right) in Self::misplaced(t) {
            let r = &t.rows[i];
            let name = format!("{} {}", r.code.as_deref().unwrap_or(""), r.label);
            out.push(
                Diagnostic::new(
                    self.meta.id,
                    self.meta.severity,
                    format!(
                        "表8「{name}」的数列在“{}”列，按经济分类应列在“{}”列",
                        t.columns[wrong].key, t.columns[right].key
                    ),
                    cell_label(t, i, wrong),
                )
                .with_label(cell_label(t, i, right))
                .with_help(
                    "工资福利支出（301）、对个人和家庭的补助（303）是人员经费，其余各类是公用经费",
                ),
            );
        }
    }
}
