//! 公开义务台账 — what a budget disclosure must satisfy, each obligation mapped to the rules
//! that check it. An obligation none of whose rules could run on a document is reported as
//! 未评估 (not evaluated), never counted as passed.

use crate::engine::Cx;
use crate::registry;
use yusuan_core::diag::{Diagnostic, Severity};

/// 公开义务
#[derive(Debug, Clone, Copy)]
pub struct Obligation {
    /// Stable key.
    pub id: &'static str,
    /// What must hold, in Chinese.
    pub text: &'static str,
    /// Where it comes from.
    pub basis: &'static str,
    /// The rules that check it (empty: no rule yet — always 未评估).
    pub rules: &'static [&'static str],
    /// What a document must carry for the rules to run: tables, or the budget source.
    pub needs: Needs,
}

/// What an obligation's rules need to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The standard tables (any input).
    Tables,
    /// The budget source (or, later, the parsed narrative of a published document).
    Source,
    /// The budget source or the narrative of a published text.
    SourceOrNarrative,
    /// A PDF's pages (what they show a person).
    Pages,
    /// Nothing yusuan can read yet.
    Unavailable,
}

const RULES_TABLE_INTERNAL: &[&str] = &[
    // 任何地区：按表的种类与列的含义
    "T0001", "T0002", "T0003", "T0004", "T0005", "T0101", "T0102", "T0103", "T0104", "T0105",
    "T0106", "T0107", "T0108", "T0109", "T0110", "T0111", "T0201", "T0202", "T0203", "T0204",
    "T0301", "T0302", "T0303", "T0401", "T0402", "T0403", "T0404", "T0405", "T0501", "T0502",
    "T0503", "T0601", "T0602", "T0603", "T0701", "T0702", "T0703", "T0704", "T0801", "T0802",
    "T0803", "T0901", "T0902", "T0903", "T1001", "T1002", "T1003", "T1101", "T1102", "T1103",
    "T1104", "T1105", // 上海市 9 张表模板：决算、预算
    "T8101", "T8102", "T8103", "T8201", "T8202", "T8203", "T8301", "T8302", "T8303", "T8401",
    "T8501", "T8502", "T8503", "T8601", "T8602", "T8603", "T8604", "T8801", "T8901", "T9101",
    "T9102", "T9103", "T9201", "T9202", "T9203", "T9301", "T9302", "T9303", "T9401", "T9402",
    "T9403", "T9501", "T9502", "T9503", "T9601", "T9602", "T9603", "T9701", "T9702", "T9703",
    "T9801", "T9802", "T9803", "T9804", "T9901",
];

const RULES_CROSS: &[&str] = &[
    "X001", "X002", "X003", "X004", "X005", "X006", "X007", "X008", "X009", "X010", "X011", "X012",
    "X013", "X014", "X015", "X016", "X017", "X018", "X019", "X020", "X021", "X022", "X023", "X024",
    "X025", "X026", "X027", "X028", "X029",
    "X030", // 上海市 9 张表模板：决算、预算
    "X801", "X802", "X803", "X804", "X805", "X901", "X902", "X903", "X904", "X905", "X906", "X907",
    "X908", "X909", "X910", "X911", "X912", "X913",
    // 任何地区：按表的种类与列的含义
    "X1001", "X1002", "X1003",
];

const GUIDE: &str = "《地方预决算公开操作规程》（财预〔2016〕143号）";

/// The ledger, in the order a reviewer reads a disclosure.
pub static OBLIGATIONS: &[Obligation] = &[
    Obligation {
        id: "O01",
        text: "按时公开：预算批复后 20 日内公开",
        basis: GUIDE,
        rules: &[],
        needs: Needs::Unavailable,
    },
    Obligation {
        id: "O02",
        text: "公开部门职责（主要职能）",
        basis: GUIDE,
        rules: &["C001"],
        needs: Needs::Source,
    },
    Obligation {
        id: "O03",
        text: "公开机构设置与人员情况，人数前后一致",
        basis: GUIDE,
        rules: &["C002", "D001", "D002", "D004", "D005"],
        needs: Needs::Source,
    },
    Obligation {
        id: "O04",
        text: "公开全部预算表格，表内数据勾稽一致",
        basis: GUIDE,
        rules: RULES_TABLE_INTERNAL,
        needs: Needs::Tables,
    },
    Obligation {
        id: "O05",
        text: "各表之间数据一致",
        basis: GUIDE,
        rules: RULES_CROSS,
        needs: Needs::Tables,
    },
    Obligation {
        id: "O06",
        text: "科目编码与名称符合当年《政府收支分类科目》",
        basis: "财政部《政府收支分类科目》",
        rules: &["K001", "K002", "K003", "K004", "K005", "K006"],
        needs: Needs::Tables,
    },
    Obligation {
        id: "O07",
        text: "说明收支预算及其增减变化的原因",
        basis: GUIDE,
        rules: &[
            "C003", "C004", "C005", "N005", "N006", "N007", "N008", "N009", "N011", "N1001",
            "N1002", "N1003", "N1004",
        ],
        needs: Needs::SourceOrNarrative,
    },
    Obligation {
        id: "O08",
        text: "说明“三公”经费预算及增减原因，且与表10 一致",
        basis: GUIDE,
        rules: &[
            "C006", "G001", "G002", "G004", "N012", "N1001", "N801", "N901",
        ],
        needs: Needs::SourceOrNarrative,
    },
    Obligation {
        id: "O09",
        text: "说明机关（事业单位）运行经费",
        basis: GUIDE,
        rules: &["C007", "G003", "G005"],
        needs: Needs::SourceOrNarrative,
    },
    Obligation {
        id: "O10",
        text: "说明政府采购预算及面向中小企业预留份额",
        basis: "《政府采购促进中小企业发展管理办法》（财库〔2020〕46号）",
        rules: &["C008", "C009"],
        needs: Needs::Source,
    },
    Obligation {
        id: "O11",
        text: "说明国有资产占用使用情况",
        basis: GUIDE,
        rules: &["C010"],
        needs: Needs::Source,
    },
    Obligation {
        id: "O12",
        text: "公开项目说明，资金分配与预算相符",
        basis: GUIDE,
        rules: &["P001"],
        needs: Needs::Source,
    },
    Obligation {
        id: "O13",
        text: "公开绩效目标（部门整体与项目），要素完整、分值与资金口径正确",
        basis: "《中共中央 国务院关于全面实施预算绩效管理的意见》",
        rules: &[
            "C011", "P002", "P003", "P004", "P005", "P006", "P007", "P008", "P009", "P010", "P011",
        ],
        needs: Needs::Source,
    },
    Obligation {
        id: "O14",
        text: "文字准确：无占位符、标点正确、用语与文件类型相符、科目名称现行、年份正确",
        basis: GUIDE,
        rules: &["N001", "N002", "N003", "N004", "N010", "D003"],
        needs: Needs::SourceOrNarrative,
    },
    Obligation {
        id: "O16",
        text: "公开全部预算表格，没有数据的表注明为空表",
        basis: GUIDE,
        rules: &["C012", "C013", "C1001"],
        needs: Needs::Tables,
    },
    Obligation {
        id: "O15",
        text: "名词解释",
        basis: GUIDE,
        rules: &[],
        needs: Needs::Unavailable,
    },
    Obligation {
        id: "O17",
        text: "页面清晰规范：没有空白页，没有读者看不见或叠印难辨的文字，页码连续，目录页码正确",
        basis: GUIDE,
        rules: &["V001", "V002", "V003", "V004", "V005"],
        needs: Needs::Pages,
    },
];

/// 评估结果
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 通过 — its rules ran and found nothing at warning level or above.
    Passed,
    /// 有警告
    Warnings,
    /// 未通过 — at least one error.
    Failed,
    /// 未评估 — its rules could not run on this document.
    NotEvaluated,
}

impl Status {
    /// 通过 / 有警告 / 未通过 / 未评估
    pub fn label(self) -> &'static str {
        match self {
            Status::Passed => "通过",
            Status::Warnings => "有警告",
            Status::Failed => "未通过",
            Status::NotEvaluated => "未评估",
        }
    }
}

/// The status of every obligation for a document, given the findings of [`crate::check`].
pub fn evaluate(cx: &Cx<'_>, findings: &[Diagnostic]) -> Vec<(&'static Obligation, Status)> {
    OBLIGATIONS
        .iter()
        .map(|o| {
            let runnable = match o.needs {
                Needs::Unavailable => false,
                Needs::Source => cx.budget.is_some(),
                Needs::SourceOrNarrative => {
                    cx.budget.is_some() || !cx.disclosure.narrative.sections.is_empty()
                }
                Needs::Tables => !cx.disclosure.tables.is_empty(),
                Needs::Pages => !cx.disclosure.pages.is_empty(),
            };
            // None of its rules speaks of this document's template: not evaluated either.
            let applicable = o
                .rules
                .iter()
                .filter_map(|id| registry::find(id))
                .any(|r| crate::applies(r.meta(), cx));
            if !runnable || !applicable {
                return (o, Status::NotEvaluated);
            }
            let mine = findings.iter().filter(|d| o.rules.contains(&d.code));
            let worst = mine.map(|d| d.severity).max();
            let status = match worst {
                Some(Severity::Error) => Status::Failed,
                Some(Severity::Warning) => Status::Warnings,
                _ => Status::Passed,
            };
            (o, status)
        })
        .collect()
}

/// Every rule ID the ledger names is registered, and every registered rule serves an
/// obligation (checked by the tests).
pub fn unmapped_rules() -> Vec<&'static str> {
    registry::RULES
        .iter()
        .map(|r| r.meta().id)
        .filter(|id| !OBLIGATIONS.iter().any(|o| o.rules.contains(id)))
        .collect()
}
