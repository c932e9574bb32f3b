//! C1001 全国统一要求公开的表齐全（任何地区）

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::source::SourceRef;

/// C1001
pub struct C1001;

static META: RuleMeta = RuleMeta {
    id: "C1001",
    family: Family::Completeness,
    template: Some(yusuan_core::template::GENERIC_ID),
    severity: Severity::Warning,
    title: "全国统一要求公开的表齐全（任何地区）",
    what: "任何地区的部门（单位）预算都应公开全国统一要求的 8 张表：收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表（按经济分类的一般公共预算支出表亦可）、一般公共预算“三公”经费支出表、政府性基金预算支出表；没有数据的表也要公开并说明。表按其含义识别，不论各地叫什么名字；文件中有未能识别的表时，只提示“未读到”并列出这些表，不断言缺失；一张表也没有读到时，只提示一次（表格可能另册公开）。决算文件不适用。",
    why: "这 8 张表是部门预算公开的最低要求，缺表即公开不完整；各地可以多公开，不能少公开。",
    example: "泉州市人民政府办公室 2026 部门预算公开了全部 8 张（另有国有资本经营预算支出表、一般公共预算支出经济分类情况表）：齐全。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）及财政部部门预算公开参考样表：部门预算应公开上述表格，空表也须公开并说明。",
    fixture: Fixture {
        base: Base::GenericPdf,
        pass: &[],
        fail: &[
            (
                "9013:39800:十、一般公共预算“三公”经费支出预算表",
                "9013:39800:十、以下为公务经费情况",
            ),
            (
                "12993:46562:2026年度一般公共预算“三公”经费支出预算表",
                "12993:46562:2026年度公务经费情况",
            ),
        ],
    },
};

/// The national minimum set: each table's name, and the kinds (as the reader by meaning knows
/// them) that print it.
const MINIMUM: &[(&str, &[&str])] = &[
    ("收支总表", &["收支总表"]),
    ("收入总表", &["收入总表"]),
    ("支出总表", &["支出总表"]),
    ("财政拨款收支总表", &["财政拨款收支总表"]),
    ("一般公共预算支出表", &["一般公共预算支出表"]),
    (
        "一般公共预算基本支出表",
        &[
            "一般公共预算基本支出表",
            "一般公共预算支出经济分类表",
            "财政拨款基本支出表",
        ],
    ),
    ("一般公共预算“三公”经费支出表", &["三公经费表"]),
    ("政府性基金预算支出表", &["政府性基金预算支出表"]),
];

impl Rule for C1001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let d = cx.disclosure;
        // 决算 documents have their own set.
        if d.stage == yusuan_core::disclosure::Stage::Final {
            return;
        }
        let start = SourceRef::Line {
            page: Some(1),
            line: 1,
        };
        if d.tables.is_empty() && d.unrecognised.is_empty() {
            out.push(
                Diagnostic::new(
                    META.id,
                    Severity::Info,
                    "没有读到任何公开表：此文件可能只是情况说明，表格另册公开".to_string(),
                    Label::at(start, ""),
                )
                .with_help(
                    "若表格另册公开，请把两个文件一并检查：yusuan check 说明.pdf 表格.pdf --as-one",
                ),
            );
            return;
        }
        let unread: Vec<String> = d
            .unrecognised
            .iter()
            .map(|u| match &u.source {
                SourceRef::Line { page: Some(p), .. } => format!("「{}」（第 {p} 页）", u.title),
                _ => format!("「{}」", u.title),
            })
            .collect();
        for (name, kinds) in MINIMUM {
            let present = d
                .tables
                .iter()
                .any(|t| t.kind.as_deref().is_some_and(|k| kinds.contains(&k)));
            if present {
                continue;
            }
            let diag = if unread.is_empty() {
                Diagnostic::new(
                    META.id,
                    META.severity,
                    format!("没有找到{name}（全国统一要求公开的 8 张表之一）"),
                    Label::at(start.clone(), ""),
                )
                .with_help("没有数据的表也应公开，并注明为空表")
            } else {
                Diagnostic::new(
                    META.id,
                    Severity::Info,
                    format!(
                        "没有读到{name}；文件中有未识别的表：{}，其中或有此表",
                        unread.join("、")
                    ),
                    Label::at(start.clone(), ""),
                )
                .with_help("若这是该表，可在词表（vocab/tables.toml）中加入它的表名")
            };
            out.push(diag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_core::disclosure::{Disclosure, Table, UnrecognisedTable};
    use yusuan_core::money::MoneyUnit;

    fn table(kind: &str) -> Table {
        Table {
            number: 0,
            title: kind.to_string(),
            org: String::new(),
            unit: MoneyUnit::Wan,
            columns: Vec::new(),
            rows: Vec::new(),
            empty_statement: None,
            notes: Vec::new(),
            source: SourceRef::None,
            unplaced: 0,
            kind: Some(kind.to_string()),
        }
    }

    fn findings(d: &Disclosure) -> Vec<(Severity, String)> {
        let mut out = Vec::new();
        C1001.check(
            &Cx {
                disclosure: d,
                budget: None,
                previous: None,
            },
            &mut out,
        );
        out.into_iter().map(|x| (x.severity, x.message)).collect()
    }

    #[test]
    fn a_table_of_an_unknown_title_makes_a_missing_one_a_note_naming_it() {
        let mut d = Disclosure::empty();
        d.template = yusuan_core::template::GENERIC_ID.to_string();
        d.tables = MINIMUM
            .iter()
            .filter(|(name, _)| !name.contains("三公"))
            .map(|(_, kinds)| table(kinds[0]))
            .collect();
        let missing = findings(&d);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].0, Severity::Warning);
        d.unrecognised.push(UnrecognisedTable {
            title: "财政拨款公务经费预算表".to_string(),
            source: SourceRef::Line {
                page: Some(19),
                line: 400,
            },
        });
        let noted = findings(&d);
        assert_eq!(
            noted,
            [(
                Severity::Info,
                "没有读到一般公共预算“三公”经费支出表；文件中有未识别的表：「财政拨款公务经费预算表」（第 19 页），其中或有此表".to_string()
            )]
        );
        // A 决算 has its own set.
        d.stage = yusuan_core::disclosure::Stage::Final;
        assert!(findings(&d).is_empty());
    }
}
