//! The Disclosure: the document as a reader sees it — the profile, the standard tables with
//! their printed cells, the performance target tables and the narrative.
//!
//! A Disclosure is what `derive` produces from a Budget and what importers produce from a
//! published document, so both are checked alike. Every cell, row and sentence carries a
//! [`SourceRef`]; printed figures carry their precision ([`Printed`]).

use crate::budget::DocKind;
use crate::money::{Fen, MoneyUnit, Printed};
use crate::source::SourceRef;
use serde::Serialize;

/// 部门预算公开文件 — one published (or generated) budget disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disclosure {
    /// 部门（单位）名称 as the document names itself.
    pub department: String,
    /// 预算年度
    pub year: i32,
    /// 部门预算 or 单位预算
    pub kind: DocKind,
    /// 预算 or 决算 — what the document sets out: the year's budget or its final accounts.
    pub stage: Stage,
    /// The template the tables follow (e.g. `xinjiang-budget-11`).
    pub template: String,
    /// 第一部分 概况
    pub profile: Profile,
    /// 第二部分 公开表, in document order.
    pub tables: Vec<Table>,
    /// 绩效目标表 (部门整体 and 项目支出).
    pub performance: Vec<PerformanceTable>,
    /// 第三部分 情况说明 (and the other prose parts).
    pub narrative: Narrative,
    /// 项目说明 — each project's budget and itemised use of funds as the narrative states them.
    pub projects: Vec<ProjectStatement>,
    /// 第四部分 名词解释 — (term, explanation), in print order.
    pub glossary: Vec<(String, String)>,
    /// 未识别的表 — tables a reader found by their title and figures but whose kind no
    /// vocabulary knows: kept so that completeness says "not recognised", never "missing".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unrecognised: Vec<UnrecognisedTable>,
    /// 页面 — what each page of a PDF shows (empty for any other input): what the page checks
    /// read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageView>,
    /// 目录 — the contents page's entries, each with where its part was found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contents: Vec<ContentsEntry>,
}

/// 目录条目 — one entry of the contents page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentsEntry {
    /// The title as printed (spaces removed), without its leaders and page number.
    pub title: String,
    /// The page number printed after it, when there is one.
    pub page: Option<u32>,
    /// Where the entry stands.
    pub source: SourceRef,
    /// Where the part it names begins in the body (its heading or title line), when found.
    pub found: Option<SourceRef>,
    /// Whether the body names it anywhere (in a heading, a sentence, a divider page): an entry
    /// not even named is missing.
    pub named: bool,
}

/// 页面 — what one page of a PDF shows a person, beside what a machine reads from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageView {
    /// 1-based page number in the file.
    pub number: u32,
    /// The line of the document's text (pages separated by form feeds) the page begins on.
    pub first_line: usize,
    /// Characters drawn where a person sees them.
    pub glyphs: usize,
    /// Lines, boxes, fills and images drawn.
    pub drawings: usize,
    /// Glyphs no font maps to a character (read as �).
    pub unmapped: usize,
    /// Text a machine reads but a person cannot see, run by run.
    pub hidden: Vec<HiddenText>,
    /// Text printed over other text at the same place, as (one, the other).
    pub overprinted: Vec<(String, String)>,
    /// The page number printed in the page's header or footer (`- 3 -`, `第 3 页`, `3`).
    pub printed_number: Option<u32>,
    /// The page's width and height as shown (rotation applied), 1/100 pt; 0 when unknown.
    #[serde(skip)]
    pub size: (i32, i32),
    /// Where each line of the page's text stands on it, in the text's line order: what a
    /// finding's place is drawn from (the web UI highlights it on the page's picture).
    #[serde(skip)]
    pub lines: Vec<LineBox>,
}

/// 行的位置 — where a line of a page's text stands: its box and its cells' extents, in 1/100 pt
/// from the page's top left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LineBox {
    /// Left edge.
    pub x0: i32,
    /// Top edge.
    pub top: i32,
    /// Right edge.
    pub x1: i32,
    /// Bottom edge.
    pub bottom: i32,
    /// Its cells (a table row's cells, a line's runs) left to right: left, right, text.
    pub cells: Vec<(i32, i32, String)>,
}

impl PageView {
    /// Where the page begins, as a place in the document's text.
    pub fn at(&self) -> SourceRef {
        SourceRef::Line {
            page: Some(self.number),
            line: self.first_line.max(1),
        }
    }

    /// Nothing at all on the page: no text, seen or not, no drawing.
    pub fn is_blank(&self) -> bool {
        self.glyphs == 0 && self.drawings == 0 && self.unmapped == 0 && self.hidden.is_empty()
    }
}

/// Why a person cannot see text that is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Hidden {
    /// Drawn outside the page.
    OffPage,
    /// Drawn in an invisible render mode (Tr 3 or 7) on a page with no image beneath.
    Invisible,
    /// White text with nothing but the white page beneath.
    WhiteOnWhite,
    /// Covered by a white box or an image drawn over it.
    Covered,
    /// Outside the clipping area it was drawn in (cut off).
    Clipped,
}

impl Hidden {
    /// Why, in words.
    pub fn label(self) -> &'static str {
        match self {
            Hidden::OffPage => "画在页面之外",
            Hidden::Invisible => "设为不可见",
            Hidden::WhiteOnWhite => "以白色印在白底上",
            Hidden::Covered => "被色块或图片盖住",
            Hidden::Clipped => "在裁剪区域之外（被截掉）",
        }
    }

    /// The key used in a page dump.
    pub fn key(self) -> &'static str {
        match self {
            Hidden::OffPage => "offpage",
            Hidden::Invisible => "invisible",
            Hidden::WhiteOnWhite => "white",
            Hidden::Covered => "covered",
            Hidden::Clipped => "clipped",
        }
    }
}

/// A run of hidden text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HiddenText {
    /// Why it is hidden.
    pub why: Hidden,
    /// The text, as a machine reads it.
    pub text: String,
}

/// 阶段 — whether a document sets out a year's budget (部门预算) or its final accounts (部门决算).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum Stage {
    /// 预算
    #[default]
    Budget,
    /// 决算
    Final,
}

impl Stage {
    /// 预算 or 决算.
    pub fn word(self) -> &'static str {
        match self {
            Stage::Budget => "预算",
            Stage::Final => "决算",
        }
    }
}

/// 未识别的表 — a table found by its title, of no known kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnrecognisedTable {
    /// The title as printed (spaces removed).
    pub title: String,
    /// Where the title stands.
    pub source: SourceRef,
}

/// One line of a project's 资金分配情况 as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationLine {
    /// The use as named (差旅费, 公务接待费…).
    pub label: String,
    /// The amount as stated (exact: itemised amounts are stated, not rounded).
    pub amount: Printed,
    /// Where it was read or written.
    pub source: SourceRef,
}

/// 项目说明 — what the narrative says of a project (section 七 of the reference template).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectStatement {
    /// 项目名称
    pub name: String,
    /// 预算安排规模 (this year's budget, without carry-over).
    pub scale: Option<Printed>,
    /// 资金分配情况
    pub allocation: Vec<AllocationLine>,
    /// Where the statement was read or written.
    pub source: SourceRef,
}

impl Disclosure {
    /// A document of the reference template with nothing read yet: readers fill in what their
    /// format carries.
    pub fn empty() -> Disclosure {
        Disclosure {
            department: String::new(),
            year: 0,
            kind: crate::budget::DocKind::Department,
            stage: Stage::Budget,
            template: crate::derive::TEMPLATE_ID.to_string(),
            profile: Profile::default(),
            tables: Vec::new(),
            performance: Vec::new(),
            narrative: Narrative::default(),
            projects: Vec::new(),
            glossary: Vec::new(),
            unrecognised: Vec::new(),
            pages: Vec::new(),
            contents: Vec::new(),
        }
    }

    /// The table with the given number, if present.
    pub fn table(&self, number: u8) -> Option<&Table> {
        self.tables.iter().find(|t| t.number == number)
    }

    /// Applies `f` to every place the document records where something was read: tables, rows
    /// and cells, project statements, the staff profile, performance tables and their
    /// indicators, and the narrative's sections and sentences. (A PDF's reader uses it to add
    /// the page to every line.)
    pub fn map_sources(&mut self, f: &mut impl FnMut(&mut SourceRef)) {
        fn section(s: &mut Section, f: &mut impl FnMut(&mut SourceRef)) {
            f(&mut s.source);
            s.sentences.iter_mut().for_each(|x| f(&mut x.source));
            s.subsections.iter_mut().for_each(|x| section(x, f));
        }
        for t in &mut self.tables {
            f(&mut t.source);
            for r in &mut t.rows {
                f(&mut r.source);
                r.cells.iter_mut().flatten().for_each(|c| f(&mut c.source));
            }
        }
        for p in &mut self.projects {
            f(&mut p.source);
            p.allocation.iter_mut().for_each(|a| f(&mut a.source));
        }
        f(&mut self.profile.staff.source);
        for p in &mut self.performance {
            f(&mut p.source);
            p.indicators.iter_mut().for_each(|i| f(&mut i.source));
        }
        self.narrative
            .sections
            .iter_mut()
            .for_each(|s| section(s, f));
    }
}

/// 人员情况 as printed in the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrintedStaff {
    /// 编制数
    pub authorized: Option<u32>,
    /// 实有人数
    pub actual: Option<u32>,
    /// 在职
    pub in_service: Option<u32>,
    /// 退休
    pub retired: Option<u32>,
    /// 离休
    pub lixiu: Option<u32>,
    /// 在职增加（减少为负）
    pub in_service_change: Option<i32>,
    /// 退休增加
    pub retired_change: Option<i32>,
    /// 离休增加
    pub lixiu_change: Option<i32>,
    /// Where the staff sentence was read.
    pub source: SourceRef,
}

/// 第一部分 部门概况.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// 主要职能
    pub functions: String,
    /// 机构设置 as a sentence.
    pub organisation: String,
    /// 人员情况
    pub staff: PrintedStaff,
}

/// Which side of a two-sided table (收入 | 支出) a row or column is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Side {
    /// An ordinary one-sided table.
    Single,
    /// The 收入 half of a two-sided table (tables 1 and 4).
    Income,
    /// The 支出 half.
    Expenditure,
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RowKind {
    /// 总计 / 合计 / 收入总计 / 支出总计
    Total,
    /// A heading row that totals the rows under it (一、本年收入; 公务用车购置及运行费（小计）).
    Subtotal,
    /// An ordinary labelled row (an income item, a 三公 item).
    Item,
    /// 功能分类 or 经济分类 类
    Class,
    /// 款
    Kuan,
    /// 项
    Xiang,
    /// A budget unit (单位) row in a project table.
    Unit,
    /// A project row.
    Project,
}

/// 表列 — a value column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The column's name, its header path joined by `/` where a leaf name alone is ambiguous
    /// (e.g. `财政拨款/基本支出/人员经费`). Stable: it is the `column` field of the CSV export.
    pub key: String,
    /// The side of a two-sided table the column belongs to.
    pub side: Side,
}

/// 单元格 — a printed figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The figure as printed.
    pub printed: Printed,
    /// The exact amount, when known (derived documents); imported cells know only the print.
    pub exact: Option<Fen>,
    /// Where the cell was read or how it was made.
    pub source: SourceRef,
}

/// 表行
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The side of a two-sided table.
    pub side: Side,
    /// The classification code in compact form (`2011350`, `30101`), if the row has one.
    pub code: Option<String>,
    /// The label as printed (科目名称, 项目名称, income item…).
    pub label: String,
    /// What the row is.
    pub kind: RowKind,
    /// One entry per column of the table; `None` is a blank cell.
    pub cells: Vec<Option<Cell>>,
    /// Where the row was read or how it was made.
    pub source: SourceRef,
}

/// 公开表 — one standard table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// 表号 (1–11 in the reference template).
    pub number: u8,
    /// 表名
    pub title: String,
    /// 编制部门
    pub org: String,
    /// 金额单位
    pub unit: MoneyUnit,
    /// The value columns, in order.
    pub columns: Vec<Column>,
    /// The rows, in order (income rows before expenditure rows in a two-sided table).
    pub rows: Vec<Row>,
    /// The sentence printed for an empty table (为空表), when the table is empty.
    pub empty_statement: Option<String>,
    /// Footnotes printed under the table.
    pub notes: Vec<String>,
    /// Where the table was read or how it was made.
    pub source: SourceRef,
    /// Figures printed in the table that a reader could not place into a column (text that
    /// lost its layout can leave several places possible). A table with any is incomplete:
    /// its identities are not checked, since a figure left out is not a defect of the document.
    #[serde(skip_serializing_if = "is_zero")]
    pub unplaced: usize,
    /// 表的种类 — what the table is, as a reader by meaning recognised it (`收支总表`,
    /// `一般公共预算支出表`…; `yusuan_import`'s vocabulary); `None` for a template's own tables,
    /// which are known by their number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Table {
    /// True for a two-sided (收入 | 支出) table.
    pub fn is_two_sided(&self) -> bool {
        self.columns.iter().any(|c| c.side != Side::Single)
    }

    /// The index of the column named `key` on `side`.
    pub fn column_index(&self, side: Side, key: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.side == side && c.key == key)
    }
}

/// One indicator row of a performance target table, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicatorRow {
    /// 一级指标
    pub level1: String,
    /// 二级指标
    pub level2: String,
    /// 三级指标
    pub name: String,
    /// 指标值 as printed, comparator and unit included (`＞=12次`).
    pub value: String,
    /// 指标值设置依据
    pub basis: String,
    /// 上年完成值
    pub last_year: Option<String>,
    /// 分值权重
    pub weight: Option<Printed>,
    /// 指标赋分规则
    pub scoring: String,
    /// 佐证资料
    pub evidence: String,
    /// Where the row was read or written.
    pub source: SourceRef,
}

/// Which performance target table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PerformanceKind {
    /// 部门整体绩效目标表
    Overall,
    /// 项目支出绩效目标表
    Project,
}

/// 绩效目标表
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PerformanceTable {
    /// Overall or project.
    pub kind: PerformanceKind,
    /// 部门名称 / 预算单位 as printed.
    pub unit: String,
    /// 项目名称 (project tables).
    pub project: Option<String>,
    /// 项目负责人 / 部门联系人
    pub contact: Option<String>,
    /// 联系电话
    pub phone: Option<String>,
    /// The money lines, label and figure (年度预算总额, 财政拨款, 其他资金; or 资金总额,
    /// 上级安排, 本级安排, 其他).
    pub funds: Vec<(String, Printed)>,
    /// 总体目标 / 年度绩效目标
    pub goal: String,
    /// The indicators.
    pub indicators: Vec<IndicatorRow>,
    /// Where the table was read or how it was made.
    pub source: SourceRef,
}

/// 增减方向 — the direction word of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// 增加 / 增长
    Increase,
    /// 减少 / 下降
    Decrease,
    /// 持平
    Flat,
    /// 新增 (no base last year)
    New,
}

/// What a claim states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClaimKind {
    /// An amount (`480.74 万元`).
    Amount {
        /// The figure.
        value: Printed,
    },
    /// A share of a whole (`占 98.96%`).
    Share {
        /// The percentage.
        value: Printed,
    },
    /// A change against last year (`比上年预算减少 71.74 万元`).
    Change {
        /// The magnitude as printed.
        amount: Printed,
        /// The direction word.
        direction: Direction,
    },
    /// A growth rate (`下降 13.10%`).
    Rate {
        /// The magnitude as printed.
        value: Printed,
        /// The direction word.
        direction: Direction,
    },
    /// A headcount or its change (`在职 14 人`, `增加 1 人`).
    Headcount {
        /// The number of people.
        count: i64,
        /// Whether this is a change rather than a level.
        change: bool,
    },
    /// A year the sentence refers to (`比上年`, `2024 年`).
    Year {
        /// The year.
        year: i32,
    },
}

/// A figure a sentence states, with what it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The subject as named in the text (一般公共预算, 基本支出, 运行经费…).
    pub subject: String,
    /// The figure.
    pub kind: ClaimKind,
    /// Character range of the figure within the sentence.
    pub at: (usize, usize),
}

/// 句子
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The text.
    pub text: String,
    /// The figures it states.
    pub claims: Vec<Claim>,
    /// Where it was read or written.
    pub source: SourceRef,
}

/// 章节 — a numbered section (一、… or （一）…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The number as printed (一, （一）, 1).
    pub number: String,
    /// The heading.
    pub title: String,
    /// The sentences of the section's own text.
    pub sentences: Vec<Sentence>,
    /// Sub-sections.
    pub subsections: Vec<Section>,
    /// Where the heading was read or written.
    pub source: SourceRef,
}

/// The prose of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Narrative {
    /// Top-level sections, in order.
    pub sections: Vec<Section>,
}
