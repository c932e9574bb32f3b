//! 公开表模板 — the standard tables of a template as data: number, title, value columns.
//!
//! Readers use this to rebuild a table's structure from cells (the CSV export, and later the
//! text and PDF importers); `derive` produces exactly these columns (tested).

use crate::disclosure::Side;

/// One table of a template.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// 表号
    pub number: u8,
    /// 表名
    pub title: &'static str,
    /// Value columns: key and side.
    pub columns: &'static [(&'static str, Side)],
    /// Row labels the template always prints (tables with fixed rows); empty otherwise.
    pub rows: &'static [&'static str],
}

const S: Side = Side::Single;
const I: Side = Side::Income;
const E: Side = Side::Expenditure;

/// 合计, 基本支出, 项目支出 — the columns of every expenditure table by function.
const BASIC_PROJECT: &[(&str, Side)] = &[("合计", S), ("基本支出", S), ("项目支出", S)];

/// 合计, 人员经费, 公用经费 — the columns of the basic-expenditure tables by economic class.
const PERSONNEL_PUBLIC: &[(&str, Side)] = &[("合计", S), ("人员经费", S), ("公用经费", S)];

/// The 11-table 部门预算 template of the reference example (新疆 昌吉州).
pub const XINJIANG_BUDGET_11: [TableSpec; 11] = [
    TableSpec {
        number: 1,
        title: "部门收支总体情况表",
        columns: &[("预算数", I), ("预算数", E)],
        rows: &[],
    },
    TableSpec {
        number: 2,
        title: "部门收入总体情况表",
        columns: &[
            ("总计", S),
            ("财政拨款（补助）小计", S),
            ("一般公共预算", S),
            ("上级一般公共预算安排的转移支付", S),
            ("政府性基金预算", S),
            ("上级政府性基金安排的转移支付", S),
            ("国有资本经营预算", S),
            ("上级国有资本经营预算安排的转移支付", S),
            ("财政专户（教育收费）", S),
            ("单位资金", S),
            ("财政拨款结转", S),
            ("非财政拨款结转结余", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 3,
        title: "部门支出总体情况表",
        columns: BASIC_PROJECT,
        rows: &[],
    },
    TableSpec {
        number: 4,
        title: "财政拨款收支预算总体情况表",
        columns: &[
            ("合计", I),
            ("合计", E),
            ("一般公共预算", E),
            ("政府性基金预算", E),
            ("国有资本经营预算", E),
        ],
        rows: &[],
    },
    TableSpec {
        number: 5,
        title: "一般公共预算支出情况表",
        columns: BASIC_PROJECT,
        rows: &[],
    },
    TableSpec {
        number: 6,
        title: "一般公共预算基本支出情况表",
        columns: PERSONNEL_PUBLIC,
        rows: &[],
    },
    TableSpec {
        number: 7,
        title: "一般公共预算项目支出情况表",
        columns: &[
            ("合计", S),
            ("工资福利支出", S),
            ("商品和服务支出", S),
            ("对个人和家庭的补助", S),
            ("债务利息及费用支出", S),
            ("资本性支出（基本建设）", S),
            ("资本性支出", S),
            ("对企业补助（基本建设）", S),
            ("对企业补助", S),
            ("对社会保障基金补助", S),
            ("其他支出", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 8,
        title: "政府性基金预算支出情况表",
        columns: &[
            ("合计", S),
            ("基本支出/人员经费", S),
            ("基本支出/公用经费", S),
            ("项目支出", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 9,
        title: "国有资本经营预算支出情况表",
        columns: &[
            ("合计", S),
            ("基本支出/人员经费", S),
            ("基本支出/公用经费", S),
            ("项目支出", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 10,
        title: "财政拨款“三公”经费支出情况表",
        columns: &[
            ("合计", S),
            ("一般公共预算", S),
            ("政府性基金", S),
            ("国有资本经营预算", S),
        ],
        rows: &[
            "合计",
            "因公出国（境）费",
            "公务接待费",
            "公务用车购置及运行费（小计）",
            "其中：公务用车购置费",
            "公务用车运行费",
        ],
    },
    TableSpec {
        number: 11,
        title: "上年结转结余情况明细表",
        columns: &[
            ("合计", S),
            ("财政拨款/小计", S),
            ("财政拨款/基本支出/人员经费", S),
            ("财政拨款/基本支出/公用经费", S),
            ("财政拨款/项目支出", S),
            ("非财政拨款/小计", S),
            ("非财政拨款/基本支出/人员经费", S),
            ("非财政拨款/基本支出/公用经费", S),
            ("非财政拨款/项目支出", S),
        ],
        rows: &[],
    },
];

/// The template of a document read by meaning (any region): its tables are known by their
/// kind (`Table::kind`) and their columns by key, not by number.
pub const GENERIC_ID: &str = "generic";

/// The 9-table 部门预算 / 单位预算 template of 上海市 (区级): its identifier.
pub const SHANGHAI_BUDGET_ID: &str = "shanghai-budget-9";

/// The 9-table 部门预算 / 单位预算 template of 上海市. Titles are printed with the year and
/// 部门 or 单位 before them (`2025年部门财务收支预算总表`); here they are given without.
/// Amounts are usually in 元 (the 三公 table in 万元): each table says so in its header.
pub const SHANGHAI_BUDGET_9: [TableSpec; 9] = [
    TableSpec {
        number: 1,
        title: "财务收支预算总表",
        columns: &[("预算数", I), ("预算数", E)],
        rows: &[],
    },
    TableSpec {
        number: 2,
        title: "收入预算总表",
        columns: &[
            ("合计", S),
            ("财政拨款收入", S),
            ("事业收入", S),
            ("事业单位经营收入", S),
            ("其他收入", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 3,
        title: "支出预算总表",
        columns: BASIC_PROJECT,
        rows: &[],
    },
    TableSpec {
        number: 4,
        title: "财政拨款收支预算总表",
        columns: &[
            ("预算数", I),
            ("合计", E),
            ("一般公共预算", E),
            ("政府性基金预算", E),
            ("国有资本经营预算", E),
        ],
        rows: &[],
    },
    TableSpec {
        number: 5,
        title: "一般公共预算支出功能分类预算表",
        columns: BASIC_PROJECT,
        rows: &[],
    },
    TableSpec {
        number: 6,
        title: "政府性基金预算支出功能分类预算表",
        columns: BASIC_PROJECT,
        rows: &[],
    },
    TableSpec {
        number: 7,
        title: "国有资本经营预算支出功能分类预算表",
        columns: BASIC_PROJECT,
        rows: &[],
    },
    TableSpec {
        number: 8,
        title: "一般公共预算基本支出部门预算经济分类预算表",
        columns: PERSONNEL_PUBLIC,
        rows: &[],
    },
    TableSpec {
        number: 9,
        title: "“三公”经费和机关运行经费预算表",
        columns: &[
            ("合计", S),
            ("因公出国(境)费", S),
            ("公务接待费", S),
            ("公务用车购置及运行费/小计", S),
            ("公务用车购置及运行费/购置费", S),
            ("公务用车购置及运行费/运行费", S),
            ("机关运行经费预算数", S),
        ],
        rows: &[],
    },
];

/// Variants of the Shanghai tables met in published documents: the same table (number and
/// title) with other columns. A reader takes the variant whose header words it finds.
pub const SHANGHAI_BUDGET_VARIANTS: [TableSpec; 1] = [
    // 单位预算's 财务收支预算总表 splits the expenditure side: 合计, 基本支出 (人员经费, 公用经费),
    // 项目支出.
    TableSpec {
        number: 1,
        title: "财务收支预算总表",
        columns: &[
            ("预算数", I),
            ("预算数/合计", E),
            ("预算数/基本支出/人员经费", E),
            ("预算数/基本支出/公用经费", E),
            ("预算数/项目支出", E),
        ],
        rows: &[],
    },
];

/// The columns of the 决算 tables 8 and 9 (政府性基金 / 国有资本经营预算财政拨款收入支出决算表).
const FINAL_FUND_COLUMNS: &[(&str, Side)] = &[
    ("年初结转和结余", S),
    ("本年收入", S),
    ("本年支出/合计", S),
    ("本年支出/基本支出", S),
    ("本年支出/项目支出", S),
    ("年末结转和结余", S),
];

/// The same, as some documents head them (`本年支出/小计`).
const FINAL_FUND_COLUMNS_SUBTOTAL: &[(&str, Side)] = &[
    ("年初结转和结余", S),
    ("本年收入", S),
    ("本年支出/小计", S),
    ("本年支出/基本支出", S),
    ("本年支出/项目支出", S),
    ("年末结转和结余", S),
];

/// The 9-table 部门决算 template of 上海市: its identifier.
pub const SHANGHAI_FINAL_ID: &str = "shanghai-final-9";

/// The 9-table 部门决算 (final accounts) template of 上海市, titles as printed (bare, under the
/// document's title `…2024年度部门决算表`). Amounts in 万元.
pub const SHANGHAI_FINAL_9: [TableSpec; 9] = [
    TableSpec {
        number: 1,
        title: "收入支出决算总表",
        columns: &[("决算数", I), ("决算数", E)],
        rows: &[],
    },
    TableSpec {
        number: 2,
        title: "收入决算表",
        columns: &[
            ("本年收入合计", S),
            ("财政拨款收入", S),
            ("上级补助收入", S),
            ("事业收入", S),
            ("经营收入", S),
            ("附属单位上缴收入", S),
            ("其他收入", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 3,
        title: "支出决算表",
        columns: &[
            ("本年支出合计", S),
            ("基本支出", S),
            ("项目支出", S),
            ("上缴上级支出", S),
            ("经营支出", S),
            ("对附属单位补助支出", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 4,
        title: "财政拨款收入支出决算总表",
        columns: &[
            ("决算数", I),
            ("合计", E),
            ("一般公共预算财政拨款", E),
            ("政府性基金预算财政拨款", E),
            ("国有资本经营预算财政拨款", E),
        ],
        rows: &[],
    },
    TableSpec {
        number: 5,
        title: "一般公共预算财政拨款支出决算表",
        columns: BASIC_PROJECT,
        rows: &[],
    },
    TableSpec {
        number: 6,
        // Printed in two halves side by side: 人员经费 (301, 303) and 公用经费 (302, 310 …).
        title: "一般公共预算财政拨款基本支出决算表",
        columns: &[("决算数", I), ("决算数", E)],
        rows: &[],
    },
    TableSpec {
        number: 7,
        title: "财政拨款“三公”经费支出决算表",
        columns: &[
            ("合计/预算数", S),
            ("合计/决算数", S),
            ("因公出国（境）费/预算数", S),
            ("因公出国（境）费/决算数", S),
            ("公务接待费/预算数", S),
            ("公务接待费/决算数", S),
            ("公务用车购置及运行维护费/小计/预算数", S),
            ("公务用车购置及运行维护费/小计/决算数", S),
            ("公务用车购置及运行维护费/公务用车购置费/预算数", S),
            ("公务用车购置及运行维护费/公务用车购置费/决算数", S),
            ("公务用车购置及运行维护费/公务用车运行维护费/预算数", S),
            ("公务用车购置及运行维护费/公务用车运行维护费/决算数", S),
        ],
        rows: &[],
    },
    TableSpec {
        number: 8,
        title: "政府性基金预算财政拨款收入支出决算表",
        columns: FINAL_FUND_COLUMNS,
        rows: &[],
    },
    TableSpec {
        number: 9,
        title: "国有资本经营预算财政拨款收入支出决算表",
        columns: FINAL_FUND_COLUMNS,
        rows: &[],
    },
];

/// Variants of the 决算 tables met in published documents (`本年支出/小计` for `本年支出/合计`).
pub const SHANGHAI_FINAL_VARIANTS: [TableSpec; 2] = [
    TableSpec {
        number: 8,
        title: "政府性基金预算财政拨款收入支出决算表",
        columns: FINAL_FUND_COLUMNS_SUBTOTAL,
        rows: &[],
    },
    TableSpec {
        number: 9,
        title: "国有资本经营预算财政拨款收入支出决算表",
        columns: FINAL_FUND_COLUMNS_SUBTOTAL,
        rows: &[],
    },
];

/// A template's tables by its identifier.
pub fn tables_of(template: &str) -> &'static [TableSpec] {
    match template {
        SHANGHAI_BUDGET_ID => &SHANGHAI_BUDGET_9,
        SHANGHAI_FINAL_ID => &SHANGHAI_FINAL_9,
        _ => &XINJIANG_BUDGET_11,
    }
}

impl TableSpec {
    /// A table of this spec with no rows yet.
    pub fn empty_table(
        &self,
        org: &str,
        unit: crate::money::MoneyUnit,
        source: crate::source::SourceRef,
    ) -> crate::disclosure::Table {
        crate::disclosure::Table {
            number: self.number,
            title: self.title.to_string(),
            org: org.to_string(),
            unit,
            columns: self
                .columns
                .iter()
                .map(|(k, s)| crate::disclosure::Column {
                    key: k.to_string(),
                    side: *s,
                })
                .collect(),
            rows: Vec::new(),
            empty_statement: None,
            notes: Vec::new(),
            source,
            unplaced: 0,
            kind: None,
        }
    }
}

/// The spec of table `number` in the reference template.
pub fn spec(number: u8) -> Option<&'static TableSpec> {
    XINJIANG_BUDGET_11.iter().find(|t| t.number == number)
}
