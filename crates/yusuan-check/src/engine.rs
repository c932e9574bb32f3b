//! The rule protocol: what a rule is, what it sees, how it is documented and tested.

use yusuan_core::Budget;
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::{Disclosure, Table};

/// 规则族 — the family a rule belongs to; the first letter of its ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    /// T — 表内: identities within one table.
    Table,
    /// X — 表间: identities across tables.
    Cross,
    /// G — “三公”经费与运行经费.
    ThreePublic,
    /// P — 项目与绩效目标.
    Project,
    /// D — 部门概况与人员.
    Profile,
    /// N — 情况说明（文字）与表.
    Narrative,
    /// C — 完整性（公开要素）.
    Completeness,
    /// K — 科目编码与名称.
    Classification,
    /// V — 页面与版式.
    Page,
}

impl Family {
    /// The ID letter.
    pub fn letter(self) -> char {
        match self {
            Family::Table => 'T',
            Family::Cross => 'X',
            Family::ThreePublic => 'G',
            Family::Project => 'P',
            Family::Profile => 'D',
            Family::Narrative => 'N',
            Family::Completeness => 'C',
            Family::Classification => 'K',
            Family::Page => 'V',
        }
    }

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Family::Table => "表内勾稽",
            Family::Cross => "表间勾稽",
            Family::ThreePublic => "三公经费与运行经费",
            Family::Project => "项目与绩效目标",
            Family::Profile => "部门概况与人员",
            Family::Narrative => "情况说明与表",
            Family::Completeness => "公开完整性",
            Family::Classification => "科目编码与名称",
            Family::Page => "页面与版式",
        }
    }
}

/// Which reference document a fixture is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The reference example's tables as the long-form CSV (`tests/golden/changji-2025-tables.csv`),
    /// in its first, five-field form (`table,row_code,row_label,column,value`).
    ReferenceCsv,
    /// The reference example's budget source (`examples/changji-sme-center-2025.toml`).
    ReferenceSource,
    /// The reference example's published text (`examples/changji-sme-center-2025-budget.published.txt`).
    ReferenceText,
    /// A real Shanghai 部门预算 PDF (`crates/yusuan-import/tests/corpus/shanghai_putuo_zhengfu_bangongshi_2025_dept_budget.pdf`),
    /// as its laid-out lines (`yusuan_import::pdf::dump`: a line per line, its cells with their
    /// positions), read by meaning and bound to the template. Edits replace whole lines.
    ShanghaiPdf,
    /// A real Shanghai 部门决算 PDF (`…/tests/corpus/shanghai_putuo_shehui_gongzuobu_2024_dept_final_account.pdf`),
    /// as its laid-out lines, like [`Base::ShanghaiPdf`].
    ShanghaiFinalPdf,
    /// A real disclosure of another region, read by meaning (any region's reader): 泉州市人民政府办公室
    /// 2026 部门预算 (`crates/yusuan-import/tests/corpus/other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.pdf`),
    /// as its laid-out lines like [`Base::ShanghaiPdf`].
    GenericPdf,
    /// [`Base::GenericPdf`] with last year's document beside it (`Cx::previous`): its cover and
    /// 收支总表 made 2025's, the totals 10799.09 万元 (15184.81 − 4385.72, as the narrative
    /// says), so a comparison with last year can be checked.
    GenericPdfWithPrevious,
}

/// A rule's fixtures: the reference document with text replacements applied. Each `(from, to)`
/// must occur exactly once in the base, so a fixture cannot silently stop testing anything.
#[derive(Debug, Clone, Copy)]
pub struct Fixture {
    /// The document the edits apply to.
    pub base: Base,
    /// Edits making a document on which the rule reports nothing at warning level or above.
    pub pass: &'static [(&'static str, &'static str)],
    /// Edits making a document on which the rule reports a finding at its severity.
    pub fail: &'static [(&'static str, &'static str)],
}

/// 规则说明 — a rule's identity and documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// Stable ID: family letter + number (T0201). Never reused.
    pub id: &'static str,
    /// Family.
    pub family: Family,
    /// The template whose tables the rule speaks of (table numbers, row labels, column keys);
    /// `None` for rules that hold for any disclosure. A rule is not run on another template.
    pub template: Option<&'static str>,
    /// Severity of a real violation (a difference rounding explains is reported as 提示).
    pub severity: Severity,
    /// 标题
    pub title: &'static str,
    /// 检查内容
    pub what: &'static str,
    /// 为什么 — the identity or regulation behind it.
    pub why: &'static str,
    /// 示例
    pub example: &'static str,
    /// 依据
    pub basis: &'static str,
    /// Fixtures.
    pub fixture: Fixture,
}

/// What a rule sees: the disclosure, and the budget it was derived from when checking a source.
#[derive(Debug, Clone, Copy)]
pub struct Cx<'a> {
    /// The document as a reader sees it.
    pub disclosure: &'a Disclosure,
    /// The budget, when the document was derived from a source file.
    pub budget: Option<&'a Budget>,
    /// Last year's document of the same department, when given (`--previous`): the base the
    /// narrative's comparisons with last year are checked against.
    pub previous: Option<&'a Disclosure>,
}

impl<'a> Cx<'a> {
    /// The table with `number`, if the document has it.
    ///
    /// A table with figures the reader could not place is not given: what it holds is not
    /// all the document prints, so its sums would find defects that are not there.
    pub fn table(&self, number: u8) -> Option<&'a Table> {
        self.disclosure.table(number).filter(|t| t.unplaced == 0)
    }
}

/// What a rule looks at: one row of one table, or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Each row on its own (a column identity within the row). Importers use such rules to
    /// test where a row's printed numbers can sit.
    Row,
    /// Several rows, tables or the whole document.
    Document,
}

/// 规则 — one documented check.
pub trait Rule: Sync {
    /// The rule's identity and docs.
    fn meta(&self) -> &RuleMeta;
    /// What the rule looks at (default: the document).
    fn scope(&self) -> Scope {
        Scope::Document
    }
    /// Appends the rule's findings on `cx` to `out`. Never mutates the input.
    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>);

    /// Whether the rule finds an error on `cx` (rounding notes do not count). Importers ask
    /// this many times while placing numbers; rules may answer faster than `check`.
    fn finds_error(&self, cx: &Cx<'_>) -> bool {
        let mut out = Vec::new();
        self.check(cx, &mut out);
        out.iter().any(|d| d.severity == Severity::Error)
    }
}
