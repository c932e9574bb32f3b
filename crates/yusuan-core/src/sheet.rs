//! 预算公开情况检查表 — the inspection sheet a finance bureau fills in for each published
//! disclosure: one line per part of the document (封面, 目录, 主要职能, each table, …), whether
//! it meets the requirement (是/否, or 未检查 where a tool cannot judge), and the problems found
//! there. `yusuan_check::sheet` fills it in; `yusuan_formats::sheet` writes it out.

use serde::{Deserialize, Serialize};

/// 符合要求 — the verdict on one line of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// 是 — present and no problem found.
    Yes,
    /// 否 — missing, or a problem was found.
    No,
    /// 未检查 — the tool cannot judge it (timeliness, where it was published, a part of a
    /// document it could not read); never counted as 是.
    Unchecked,
}

impl Verdict {
    /// The word an inspector writes in the column.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Yes => "是",
            Verdict::No => "否",
            Verdict::Unchecked => "未检查",
        }
    }
}

/// 存在的问题 — one problem written on a line of the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The problem in one sentence, as an inspector would write it.
    pub text: String,
    /// The page it is on (1-based), when known.
    pub page: Option<usize>,
    /// The printed text it concerns (a sentence, a table row), when there is one.
    pub quote: Option<String>,
    /// The rule that found it (`N1001`), for whoever wants the detail (`yusuan explain`).
    pub rule: String,
    /// 错误 or 警告.
    pub severity: String,
}

/// One line of the sheet: a part of the document and its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// 检查类别 — the group the line belongs to (公开内容, 公开表格, 情况说明, 公开形式…).
    pub group: String,
    /// 检查项目 — the part (主要职能, 表3 支出总表, “三公”经费说明…).
    pub part: String,
    /// 检查要点 — what is required of it.
    pub requirement: String,
    /// Where the part was found (pages), when it was.
    pub pages: Option<String>,
    /// 是否符合要求
    pub verdict: Verdict,
    /// 存在的问题 (empty for 是); for 未检查, `note` says why.
    pub problems: Vec<Problem>,
    /// A remark: why a line is 未检查, or what was judged.
    pub note: String,
}

/// The sheet of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// The file checked, as given.
    pub file: String,
    /// 部门（单位）名称
    pub department: String,
    /// 年度
    pub year: i32,
    /// What the document is: `2025年部门预算`, `2024年单位决算`.
    pub document: String,
    /// The lines, in the order an inspector reads the document.
    pub lines: Vec<Line>,
}

impl Sheet {
    /// How many lines have each verdict: (是, 否, 未检查).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |v: Verdict| self.lines.iter().filter(|l| l.verdict == v).count();
        (n(Verdict::Yes), n(Verdict::No), n(Verdict::Unchecked))
    }

    /// How many problems the sheet lists.
    pub fn problems(&self) -> usize {
        self.lines.iter().map(|l| l.problems.len()).sum()
    }
}
