//! The XLSX fill-in workbook (预算填报表): the budget source as a workbook a finance officer fills
//! in — 基本信息 as label/value rows, and one sheet per list: 账目 (the ledger of facts), 项目,
//! 资金分配, 绩效指标, 上年对比, 车辆, 科目补充, 类用途. Codes, fund sources, kinds, comparators
//! and comparison subjects get drop-down lists (from a hidden 代码表 sheet holding the year's
//! catalogue); amounts are in 元 (or 万元, as 金额单位 says), to the fen.
//!
//! Reading goes through the source reader itself: the workbook is turned into source text, one
//! value per line with each line remembering its cell, and [`super::parse`] reads that — so a
//! workbook is validated exactly like a source file, and every diagnostic and every place in
//! the budget points at the workbook's cell (`账目!G12`), never at the intermediate text.
//! [`write`] fills the workbook from a budget; reading it back gives the same budget (tested).

use super::write::{cmp, doc_kind, kind, q, weight};
use super::{Parsed, codes as c};
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use yusuan_core::Budget;
use yusuan_core::budget::{FundSource, Indicator, Subject, Use};
use yusuan_core::catalog::Catalog;
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::money::{Fen, MoneyUnit};
use yusuan_core::source::SourceRef;

/// How a cell's text becomes a value of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text, as a string.
    Text,
    /// A whole number.
    Int,
    /// An amount (read from its text, exactly).
    Amount,
    /// Names separated by 、 or line breaks.
    List,
    /// A classification code, optionally followed by its name (`2011350 事业运行`).
    Code,
    /// A value the source reader interprets (comparator, weight), passed as text.
    Raw,
    /// Shown for reference only; not read.
    Reference,
}

/// A field: its label (a row of 基本信息, or a column header), its source key and kind.
#[derive(Debug, Clone, Copy)]
struct Field {
    label: &'static str,
    key: &'static str,
    kind: Kind,
    required: bool,
    hint: &'static str,
}

const fn f(label: &'static str, key: &'static str, kind: Kind, required: bool) -> Field {
    Field {
        label,
        key,
        kind,
        required,
        hint: "",
    }
}

const fn h(
    label: &'static str,
    key: &'static str,
    kind: Kind,
    required: bool,
    hint: &'static str,
) -> Field {
    Field {
        label,
        key,
        kind,
        required,
        hint,
    }
}

use Kind::{Amount, Code, Int, List, Raw, Reference, Text};

/// The 基本信息 sheet: its sections (source section, heading) and their rows.
const INFO: &[(&str, &str, &[Field])] = &[
    (
        "document",
        "一、文档",
        &[
            h("预算年度", "year", Int, true, "如 2025"),
            h("文档类型", "kind", Text, true, "部门预算 或 单位预算"),
            h(
                "金额单位",
                "unit",
                Text,
                true,
                "元 或 万元，适用于本工作簿所有金额",
            ),
            h(
                "公开日期",
                "date",
                Text,
                false,
                "如 2025年2月14日（请以文本填写）",
            ),
        ],
    ),
    (
        "department",
        "二、部门概况",
        &[
            f("部门名称", "name", Text, true),
            h(
                "单位性质",
                "unit_type",
                Text,
                false,
                "行政单位、事业单位、参照公务员法管理事业单位等",
            ),
            h(
                "主要职能",
                "functions",
                Text,
                false,
                "第一部分“主要职能”的原文",
            ),
            h(
                "下属预算单位",
                "subordinate_units",
                List,
                false,
                "多个用顿号“、”分隔；没有则留空",
            ),
            h(
                "内设机构（科室）",
                "offices",
                List,
                false,
                "多个用顿号“、”分隔",
            ),
            f("部门联系人", "contact", Text, false),
            f("联系电话", "phone", Text, false),
        ],
    ),
    (
        "staff",
        "三、人员情况",
        &[
            f("编制数", "authorized", Int, true),
            h("实有人数", "actual", Int, false, "应等于在职 + 退休 + 离休"),
            f("在职人数", "in_service", Int, true),
            f("退休人数", "retired", Int, true),
            f("离休人数", "lixiu", Int, true),
            h(
                "在职人数比上年增减",
                "in_service_change",
                Int,
                false,
                "增加为正，减少为负",
            ),
            f("退休人数比上年增减", "retired_change", Int, false),
            f("离休人数比上年增减", "lixiu_change", Int, false),
        ],
    ),
    (
        "procurement",
        "四、政府采购预算",
        &[
            f("货物", "goods", Amount, false),
            f("工程", "works", Amount, false),
            f("服务", "services", Amount, false),
            f("面向中小企业预留", "sme_reserved", Amount, false),
            f(
                "其中：面向小微企业预留",
                "small_micro_reserved",
                Amount,
                false,
            ),
        ],
    ),
    (
        "assets",
        "五、国有资产占用情况",
        &[
            h("统计截止时间", "as_of", Text, false, "如 2024年底"),
            f("房屋面积（平方米）", "building_area", Text, false),
            f("房屋价值", "building_value", Amount, false),
            f("办公家具价值", "furniture_value", Amount, false),
            f("其他资产价值", "other_value", Amount, false),
            f(
                "单位价值50万元以上设备（台）",
                "equipment_over_50",
                Int,
                false,
            ),
            f(
                "单位价值100万元以上设备（台）",
                "equipment_over_100",
                Int,
                false,
            ),
            f("本年拟购置车辆（辆）", "planned_vehicles", Int, false),
            f(
                "拟购置50万元以上设备（台）",
                "planned_equipment_over_50",
                Int,
                false,
            ),
            f(
                "拟购置100万元以上设备（台）",
                "planned_equipment_over_100",
                Int,
                false,
            ),
        ],
    ),
    (
        "overall_performance",
        "六、部门整体绩效目标",
        &[
            h(
                "绩效目标表上的部门名称",
                "printed_name",
                Text,
                false,
                "与部门名称相同则留空",
            ),
            f("年度绩效目标", "goal", Text, false),
            h(
                "财政资金：上级安排",
                "upper_funds",
                Amount,
                false,
                "留空则按账目计算",
            ),
            h(
                "财政资金：本级安排",
                "local_funds",
                Amount,
                false,
                "留空则按账目计算",
            ),
            h("其他资金", "other_funds", Amount, false, "留空则按账目计算"),
        ],
    ),
    (
        "notes",
        "七、情况说明补充",
        &[
            f("其他需说明的事项", "other_matters", Text, false),
            h(
                "名词解释",
                "glossary",
                Text,
                false,
                "留空则用标准名词解释；填写则整体替换，每条一行",
            ),
        ],
    ),
];

/// A list sheet: its name, what one row is, its columns.
struct ListSheet {
    name: &'static str,
    row: &'static str,
    cols: &'static [Field],
}

const LEDGER: ListSheet = ListSheet {
    name: "账目",
    row: "账目",
    cols: &[
        h(
            "功能分类科目编码（项）",
            "func",
            Code,
            true,
            "7 位，如 2011350",
        ),
        h(
            "经济分类科目编码（款）",
            "econ",
            Code,
            true,
            "5 位，如 30101",
        ),
        f("资金来源", "fund", Text, true),
        h(
            "支出类型",
            "kind",
            Text,
            true,
            "人员经费、公用经费 或 项目支出",
        ),
        h(
            "项目名称",
            "project",
            Text,
            false,
            "项目支出必填，须与“项目”表一致",
        ),
        h(
            "预算单位",
            "unit",
            Text,
            false,
            "下属单位的基本支出填单位名称；本部门留空",
        ),
        f("金额", "amount", Amount, true),
        f("功能分类科目名称（参考，不读入）", "", Reference, false),
        f("经济分类科目名称（参考，不读入）", "", Reference, false),
    ],
};

const PROJECTS: ListSheet = ListSheet {
    name: "项目",
    row: "项目",
    cols: &[
        f("项目名称", "name", Text, true),
        h("预算单位", "unit", Text, false, "本部门留空"),
        f("设立的政策依据", "basis", Text, false),
        f("项目承担单位", "executor", Text, false),
        f("项目负责人", "leader", Text, false),
        f("资金执行时间", "period", Text, false),
        h("资金用途", "purpose", Text, false, "资金分配情况的开头一句"),
        f("结转资金用途", "carry_over_use", Text, false),
        f("项目总体绩效目标", "goal", Text, false),
        h(
            "绩效表：年度预算总额",
            "total",
            Amount,
            false,
            "留空则按账目计算",
        ),
        h(
            "绩效表：财政拨款",
            "fiscal",
            Amount,
            false,
            "留空则按账目计算",
        ),
        h(
            "绩效表：其他资金",
            "other",
            Amount,
            false,
            "留空则按账目计算",
        ),
    ],
};

const ALLOCATION: ListSheet = ListSheet {
    name: "资金分配",
    row: "资金分配",
    cols: &[
        f("项目名称", "project", Text, true),
        h("明细", "item", Text, true, "如 差旅费"),
        f("经济分类科目编码（款）", "econ", Code, false),
        f("金额", "amount", Amount, true),
    ],
};

/// The owner column value of an overall-performance indicator.
const OVERALL: &str = "部门整体";

const INDICATORS: ListSheet = ListSheet {
    name: "绩效指标",
    row: "绩效指标",
    cols: &[
        h("所属", "owner", Text, true, "“部门整体”或项目名称"),
        f("一级指标", "level1", Text, true),
        f("二级指标", "level2", Text, true),
        f("三级指标", "name", Text, true),
        h("比较符", "cmp", Raw, false, ">=、>、<=、<、= 或 定性"),
        f("指标值", "value", Text, true),
        f("计量单位", "unit", Text, false),
        f("指标值设置依据", "basis", Text, false),
        f("上年完成值", "last_year", Text, false),
        f("分值权重", "weight", Raw, false),
        f("指标赋分规则", "scoring", Text, false),
        f("佐证资料", "evidence", Text, false),
    ],
};

const COMPARISONS: ListSheet = ListSheet {
    name: "上年对比",
    row: "上年对比",
    cols: &[
        f("比较口径", "subject", Text, true),
        f("上年预算数", "last_year", Amount, true),
        h(
            "变动原因",
            "reason",
            Text,
            false,
            "不写“主要原因是”；没有说明则留空",
        ),
    ],
};

const VEHICLES: ListSheet = ListSheet {
    name: "车辆",
    row: "车辆",
    cols: &[
        f("车辆类型", "kind", Text, true),
        f("数量（辆）", "count", Int, true),
        f("价值", "value", Amount, true),
    ],
};

const SUBJECTS: ListSheet = ListSheet {
    name: "科目补充",
    row: "科目",
    cols: &[
        h(
            "功能分类科目编码（项）",
            "code",
            Code,
            true,
            "科目表中没有的地方科目",
        ),
        f("科目名称", "name", Text, true),
    ],
};

const CLASS_USAGE: ListSheet = ListSheet {
    name: "类用途",
    row: "类用途",
    cols: &[
        h("功能分类类级编码", "code", Code, true, "3 位，如 201"),
        f("主要用途", "text", Text, true),
    ],
};

const LISTS: [&ListSheet; 8] = [
    &LEDGER,
    &PROJECTS,
    &ALLOCATION,
    &INDICATORS,
    &COMPARISONS,
    &VEHICLES,
    &SUBJECTS,
    &CLASS_USAGE,
];

const INFO_SHEET: &str = "基本信息";
const CODES_SHEET: &str = "代码表";
const README_SHEET: &str = "填报说明";

/// Rows a list sheet offers for filling in (validation lists reach this far).
const LIST_ROWS: u32 = 2000;

// ---------------------------------------------------------------------------------------------
// Writing

struct Styles {
    title: Format,
    head: Format,
    section: Format,
    label: Format,
    text: Format,
    amount: Format,
    int: Format,
    hint: Format,
    reference: Format,
}

fn styles() -> Styles {
    let base = Format::new().set_font_name("宋体").set_font_size(10);
    let cell = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    Styles {
        title: Format::new()
            .set_font_name("黑体")
            .set_font_size(14)
            .set_bold(),
        head: cell
            .clone()
            .set_font_name("黑体")
            .set_bold()
            .set_background_color(Color::RGB(0x00DD_EBF7))
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        section: base
            .clone()
            .set_font_name("黑体")
            .set_bold()
            .set_background_color(Color::RGB(0x00F2_F2F2)),
        label: cell.clone().set_bold(),
        text: cell.clone().set_text_wrap().set_num_format("@"),
        amount: cell.clone().set_num_format("#,##0.00"),
        int: cell.clone().set_num_format("0"),
        hint: base.clone().set_font_color(Color::RGB(0x0080_8080)),
        reference: cell.set_font_color(Color::RGB(0x0080_8080)),
    }
}

/// A value to put in a cell.
enum Value {
    Blank,
    Text(String),
    Amount(Fen),
    Int(i64),
}

fn put(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    kind: Kind,
    s: &Styles,
) -> Result<(), XlsxError> {
    match v {
        Value::Blank => {
            let fmt = match kind {
                Amount => &s.amount,
                Int => &s.int,
                Reference => &s.reference,
                _ => &s.text,
            };
            ws.write_blank(row, col, fmt)?;
        }
        Value::Text(t) => {
            let fmt = if kind == Reference {
                &s.reference
            } else {
                &s.text
            };
            ws.write_string_with_format(row, col, t, fmt)?;
        }
        Value::Amount(a) => {
            let p = a.round(MoneyUnit::Yuan, 2);
            ws.write_number_with_format(row, col, crate::xlsx::number(&p), &s.amount)?;
        }
        Value::Int(i) => {
            let n = i32::try_from(*i).unwrap_or(0);
            ws.write_number_with_format(row, col, n, &s.int)?;
        }
    }
    Ok(())
}

fn text(s: &str) -> Value {
    if s.is_empty() {
        Value::Blank
    } else {
        Value::Text(s.to_string())
    }
}

fn opt_text(s: Option<&String>) -> Value {
    s.map_or(Value::Blank, |s| text(s))
}

fn opt_amount(a: Option<Fen>) -> Value {
    a.map_or(Value::Blank, Value::Amount)
}

/// The 基本信息 values of a budget, by (section, key).
fn info_values(b: &Budget) -> BTreeMap<(&'static str, &'static str), Value> {
    let mut m: BTreeMap<(&str, &str), Value> = BTreeMap::new();
    let d = &b.department;
    let s = &d.staff;
    m.insert(("document", "year"), Value::Int(i64::from(b.year)));
    m.insert(("document", "kind"), text(doc_kind(b.kind)));
    m.insert(("document", "unit"), text("元"));
    m.insert(("document", "date"), opt_text(b.date.as_ref()));
    m.insert(("department", "name"), text(&d.name));
    m.insert(("department", "unit_type"), text(&d.unit_type));
    m.insert(("department", "functions"), text(&d.functions));
    m.insert(
        ("department", "subordinate_units"),
        text(&d.subordinate_units.join("、")),
    );
    m.insert(("department", "offices"), text(&d.offices.join("、")));
    m.insert(("department", "contact"), opt_text(d.contact.as_ref()));
    m.insert(("department", "phone"), opt_text(d.phone.as_ref()));
    for (key, v) in [
        ("authorized", Some(s.authorized)),
        ("actual", s.actual),
        ("in_service", Some(s.in_service)),
        ("retired", Some(s.retired)),
        ("lixiu", Some(s.lixiu)),
    ] {
        m.insert(
            ("staff", key),
            v.map_or(Value::Blank, |v| Value::Int(i64::from(v))),
        );
    }
    for (key, v) in [
        ("in_service_change", s.in_service_change),
        ("retired_change", s.retired_change),
        ("lixiu_change", s.lixiu_change),
    ] {
        m.insert(("staff", key), Value::Int(i64::from(v)));
    }
    let p = &b.procurement;
    let procurement = [
        ("goods", p.goods),
        ("works", p.works),
        ("services", p.services),
        ("sme_reserved", p.sme_reserved),
        ("small_micro_reserved", p.small_micro_reserved),
    ];
    // A budget without procurement figures leaves the rows blank (read back as none).
    let any = procurement.iter().any(|(_, v)| !v.is_zero());
    for (key, v) in procurement {
        m.insert(
            ("procurement", key),
            if any { Value::Amount(v) } else { Value::Blank },
        );
    }
    let a = &b.assets;
    let blank_assets = a.as_of.is_empty()
        && a.building_area.is_empty()
        && a.vehicles.is_empty()
        && [a.building_value, a.furniture_value, a.other_value]
            .iter()
            .all(|v| v.is_zero())
        && [
            a.equipment_over_50,
            a.equipment_over_100,
            a.planned_vehicles,
            a.planned_equipment_over_50,
            a.planned_equipment_over_100,
        ]
        .iter()
        .all(|v| *v == 0);
    if !blank_assets {
        m.insert(("assets", "as_of"), text(&a.as_of));
        m.insert(("assets", "building_area"), text(&a.building_area));
        for (key, v) in [
            ("building_value", a.building_value),
            ("furniture_value", a.furniture_value),
            ("other_value", a.other_value),
        ] {
            m.insert(("assets", key), Value::Amount(v));
        }
        for (key, v) in [
            ("equipment_over_50", a.equipment_over_50),
            ("equipment_over_100", a.equipment_over_100),
            ("planned_vehicles", a.planned_vehicles),
            ("planned_equipment_over_50", a.planned_equipment_over_50),
            ("planned_equipment_over_100", a.planned_equipment_over_100),
        ] {
            m.insert(("assets", key), Value::Int(i64::from(v)));
        }
    }
    if let Some(o) = &b.overall_performance {
        m.insert(
            ("overall_performance", "printed_name"),
            opt_text(o.printed_name.as_ref()),
        );
        m.insert(("overall_performance", "goal"), text(&o.goal));
        m.insert(
            ("overall_performance", "upper_funds"),
            opt_amount(o.upper_funds),
        );
        m.insert(
            ("overall_performance", "local_funds"),
            opt_amount(o.local_funds),
        );
        m.insert(
            ("overall_performance", "other_funds"),
            opt_amount(o.other_funds),
        );
    }
    m.insert(
        ("notes", "other_matters"),
        opt_text(b.notes.other_matters.as_ref()),
    );
    m.insert(("notes", "glossary"), opt_text(b.notes.glossary.as_ref()));
    m
}

fn indicator_row(owner: &str, i: &Indicator) -> Vec<Value> {
    vec![
        text(owner),
        text(&i.level1),
        text(&i.level2),
        text(&i.name),
        text(cmp(i.comparator)),
        text(&i.value),
        text(&i.unit),
        text(&i.basis),
        opt_text(i.last_year.as_ref()),
        i.weight.map_or(Value::Blank, |w| Value::Text(weight(w))),
        text(&i.scoring),
        text(&i.evidence),
    ]
}

/// The rows of each list sheet for a budget.
fn list_rows(b: &Budget, sheet: &str) -> Vec<Vec<Value>> {
    let year = b.year;
    match sheet {
        "账目" => b
            .facts
            .iter()
            .map(|x| {
                let project = match x.use_ {
                    Use::Project(i) => b.projects.get(i).map_or(Value::Blank, |p| text(&p.name)),
                    _ => Value::Blank,
                };
                vec![
                    Value::Text(x.func.to_string()),
                    Value::Text(x.econ.to_string()),
                    text(x.fund.label()),
                    text(kind(&x.use_)),
                    project,
                    opt_text(x.unit.as_ref()),
                    Value::Amount(x.amount),
                    opt_text(b.func_name(x.func).as_ref()),
                    opt_text(
                        Catalog::get()
                            .economic_name(x.econ, year)
                            .map(str::to_string)
                            .as_ref(),
                    ),
                ]
            })
            .collect(),
        "项目" => b
            .projects
            .iter()
            .map(|p| {
                let perf = p.performance.as_ref();
                vec![
                    text(&p.name),
                    opt_text(p.unit.as_ref()),
                    text(&p.basis),
                    text(&p.executor),
                    opt_text(p.leader.as_ref()),
                    text(&p.period),
                    text(&p.purpose),
                    opt_text(p.carry_over_use.as_ref()),
                    perf.map_or(Value::Blank, |x| text(&x.goal)),
                    opt_amount(perf.and_then(|x| x.stated_total)),
                    opt_amount(perf.and_then(|x| x.stated_fiscal)),
                    opt_amount(perf.and_then(|x| x.stated_other)),
                ]
            })
            .collect(),
        "资金分配" => b
            .projects
            .iter()
            .flat_map(|p| {
                p.allocation.iter().map(|a| {
                    vec![
                        text(&p.name),
                        text(&a.label),
                        a.econ.map_or(Value::Blank, |e| Value::Text(e.to_string())),
                        Value::Amount(a.amount),
                    ]
                })
            })
            .collect(),
        "绩效指标" => {
            let mut rows: Vec<Vec<Value>> = b
                .overall_performance
                .iter()
                .flat_map(|o| o.indicators.iter().map(|i| indicator_row(OVERALL, i)))
                .collect();
            for p in &b.projects {
                if let Some(perf) = &p.performance {
                    rows.extend(perf.indicators.iter().map(|i| indicator_row(&p.name, i)));
                }
            }
            rows
        }
        "上年对比" => b
            .comparisons
            .iter()
            .map(|x| {
                vec![
                    Value::Text(x.subject.key()),
                    Value::Amount(x.last_year),
                    opt_text(x.reason.as_ref()),
                ]
            })
            .collect(),
        "车辆" => b
            .assets
            .vehicles
            .iter()
            .map(|v| {
                vec![
                    text(&v.kind),
                    Value::Int(i64::from(v.count)),
                    Value::Amount(v.value),
                ]
            })
            .collect(),
        "科目补充" => b
            .local_func_names
            .iter()
            .map(|(code, name)| vec![Value::Text(code.to_string()), text(name)])
            .collect(),
        "类用途" => b
            .notes
            .class_usage
            .iter()
            .map(|(code, t)| vec![Value::Text(code.to_string()), text(t)])
            .collect(),
        _ => Vec::new(),
    }
}

/// Comparison subjects a department may state, for the drop-down list.
fn subject_keys() -> Vec<String> {
    let mut v: Vec<String> = Subject::fixed().iter().map(Subject::key).collect();
    v.push("一般公共预算/（项级编码，如 2011350）".to_string());
    v
}

/// The hidden 代码表: each drop-down list in a column; returns each list's range formula.
fn code_lists(wb: &mut Workbook, year: i32) -> Result<BTreeMap<&'static str, String>, XlsxError> {
    let cat = Catalog::get();
    let lists: Vec<(&'static str, Vec<String>)> = vec![
        (
            "fund",
            FundSource::ALL
                .iter()
                .map(|x| x.label().to_string())
                .collect(),
        ),
        (
            "kind",
            ["人员经费", "公用经费", "项目支出"]
                .map(String::from)
                .to_vec(),
        ),
        (
            "cmp",
            [">=", ">", "<=", "<", "=", "定性"]
                .map(String::from)
                .to_vec(),
        ),
        (
            "func",
            cat.functional_items(year)
                .iter()
                .map(|(c, n)| format!("{c} {n}"))
                .collect(),
        ),
        (
            "econ",
            cat.economic_kuans(year)
                .iter()
                .map(|(c, n)| format!("{c} {n}"))
                .collect(),
        ),
        ("subject", subject_keys()),
        (
            "doc_kind",
            ["部门预算", "单位预算"].map(String::from).to_vec(),
        ),
        ("unit", ["元", "万元"].map(String::from).to_vec()),
    ];
    let ws = wb.add_worksheet();
    ws.set_name(CODES_SHEET)?;
    let mut out = BTreeMap::new();
    for (col, (name, items)) in lists.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(0);
        ws.write_string(0, col, *name)?;
        for (r, item) in items.iter().enumerate() {
            ws.write_string(u32::try_from(r + 1).unwrap_or(0), col, item)?;
        }
        let letter = crate::xlsx_read::a1(0, u32::from(col));
        let letter = letter.trim_end_matches('1');
        out.insert(
            *name,
            format!("={CODES_SHEET}!${letter}$2:${letter}${}", items.len() + 1),
        );
    }
    ws.set_hidden(true);
    Ok(out)
}

fn list_validation(formula: &str, strict: bool) -> DataValidation {
    let v = DataValidation::new().allow_list_formula(Formula::new(formula));
    if strict {
        v
    } else {
        // Codes may also be local ones declared in 科目补充: warn, do not forbid.
        v.set_error_style(DataValidationErrorStyle::Warning)
    }
}

const README: &[&str] = &[
    "yusuan 预算填报表",
    "",
    "本工作簿即预算源文件：yusuan check / tables / render 可直接读取，检查结果指向具体单元格（如 账目!G12）。",
    "1. 先填“基本信息”：年度、部门、人员等（加粗者必填）。金额单位默认为“元”，精确到分。",
    "2. “账目”每行一笔：功能分类（项）× 经济分类（款）× 资金来源 × 支出类型 × 金额。公开表全部由账目汇总生成，不必另填。",
    "3. 项目支出先在“项目”表登记项目，再在账目中填写同名项目；“资金分配”“绩效指标”按项目名称对应。",
    "4. 部门整体绩效指标在“绩效指标”表中“所属”填“部门整体”。",
    "5. “上年对比”填上年预算数及变动原因，情况说明据此生成增减和原因；没有原因则留空，由检查提示补充。",
    "6. 科目编码可从下拉列表选择（“2011350 事业运行”），也可直接填编码；地方科目在“科目补充”登记。",
    "7. 灰色的“参考”列只供核对，不会读入。请勿修改各表第一行的表头。",
];

fn readme(wb: &mut Workbook, s: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(README_SHEET)?;
    ws.set_column_width(0, 110)?;
    for (i, line) in README.iter().enumerate() {
        let fmt = if i == 0 { &s.title } else { &s.hint };
        ws.write_string_with_format(u32::try_from(i).unwrap_or(0), 0, *line, fmt)?;
    }
    Ok(())
}

/// A4 landscape, fit to the page width, the header row on every page.
fn print_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

fn info_sheet(
    wb: &mut Workbook,
    values: &BTreeMap<(&str, &str), Value>,
    lists: &BTreeMap<&str, String>,
    s: &Styles,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(INFO_SHEET)?;
    print_setup(ws)?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 60)?;
    ws.set_column_width(2, 44)?;
    for (col, head) in ["项目", "填写内容", "说明"].iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(col).unwrap_or(0), *head, &s.head)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for (section, heading, fields) in INFO {
        ws.write_string_with_format(row, 0, *heading, &s.section)?;
        row += 1;
        for fd in *fields {
            let label = if fd.required {
                format!("{}（必填）", fd.label)
            } else {
                fd.label.to_string()
            };
            ws.write_string_with_format(row, 0, &label, &s.label)?;
            let v = values.get(&(*section, fd.key)).unwrap_or(&Value::Blank);
            put(ws, row, 1, v, fd.kind, s)?;
            if !fd.hint.is_empty() {
                ws.write_string_with_format(row, 2, fd.hint, &s.hint)?;
            }
            let list = match (*section, fd.key) {
                ("document", "kind") => lists.get("doc_kind"),
                ("document", "unit") => lists.get("unit"),
                _ => None,
            };
            if let Some(formula) = list {
                ws.add_data_validation(row, 1, row, 1, &list_validation(formula, true))?;
            }
            row += 1;
        }
    }
    Ok(())
}

fn list_sheet(
    wb: &mut Workbook,
    sheet: &ListSheet,
    rows: &[Vec<Value>],
    lists: &BTreeMap<&str, String>,
    s: &Styles,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet.name)?;
    print_setup(ws)?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_row_height(0, 36)?;
    for (c, fd) in sheet.cols.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(0);
        let label = if fd.required {
            format!("{}（必填）", fd.label)
        } else {
            fd.label.to_string()
        };
        ws.write_string_with_format(0, col, &label, &s.head)?;
        let width = match fd.kind {
            Amount | Int | Raw => 14,
            Code => 16,
            Reference => 24,
            _ if matches!(fd.key, "goal" | "purpose" | "reason" | "basis" | "text") => 40,
            _ => 20,
        };
        ws.set_column_width(col, width)?;
        let list = match (sheet.name, fd.key) {
            (_, "fund") => Some(("fund", true)),
            ("账目", "kind") => Some(("kind", true)),
            (_, "cmp") => Some(("cmp", false)),
            ("账目", "func") | ("科目补充", "code") => Some(("func", false)),
            (_, "econ") => Some(("econ", false)),
            (_, "subject") => Some(("subject", false)),
            _ => None,
        };
        if let Some((name, strict)) = list
            && let Some(formula) = lists.get(name)
        {
            ws.add_data_validation(1, col, LIST_ROWS, col, &list_validation(formula, strict))?;
        }
        if fd.hint.is_empty() {
            continue;
        }
        let tip = DataValidation::new()
            .allow_any_value()
            .set_input_message(fd.hint)
            .unwrap_or_else(|_| DataValidation::new().allow_any_value());
        if list.is_none() {
            ws.add_data_validation(1, col, LIST_ROWS, col, &tip)?;
        }
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, (v, fd)) in row.iter().zip(sheet.cols).enumerate() {
            put(ws, r, u16::try_from(c).unwrap_or(0), v, fd.kind, s)?;
        }
    }
    Ok(())
}

/// The fill-in workbook: filled from `budget`, or empty (`yusuan init --xlsx`) for `year`.
pub fn write(budget: Option<&Budget>, year: i32) -> Result<Vec<u8>, String> {
    let why = |e: XlsxError| format!("生成填报表失败：{e}");
    let year = budget.map_or(year, |b| b.year);
    let mut wb = Workbook::new();
    let created =
        ExcelDateTime::from_ymd(u16::try_from(year).unwrap_or(2000).clamp(1900, 9999), 1, 1)
            .map_err(why)?;
    let title = budget.map_or_else(
        || format!("{year}年预算填报表"),
        |b| {
            format!(
                "{}{}年{}填报表",
                b.department.name,
                b.year,
                doc_kind(b.kind)
            )
        },
    );
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("yusuan")
            .set_creation_datetime(&created),
    );
    let s = styles();
    readme(&mut wb, &s).map_err(why)?;
    let mut values = budget.map(info_values).unwrap_or_default();
    if budget.is_none() {
        values.insert(("document", "year"), Value::Int(i64::from(year)));
        values.insert(("document", "kind"), text("部门预算"));
        values.insert(("document", "unit"), text("元"));
    }
    // The code lists are made first (their formulas are needed) but the sheet goes last.
    let mut lists_wb = Workbook::new();
    let lists = code_lists(&mut lists_wb, year).map_err(why)?;
    info_sheet(&mut wb, &values, &lists, &s).map_err(why)?;
    for sheet in LISTS {
        let rows = budget.map(|b| list_rows(b, sheet.name)).unwrap_or_default();
        list_sheet(&mut wb, sheet, &rows, &lists, &s).map_err(why)?;
    }
    code_lists(&mut wb, year).map_err(why)?;
    if let Ok(ws) = wb.worksheet_from_name(INFO_SHEET) {
        ws.set_active(true);
    }
    wb.save_to_buffer().map_err(why)
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Fill-in workbook diagnostic codes. Stable; never reused.
pub mod codes {
    /// 不是可读的 XLSX 文件 (as for a table workbook).
    pub const UNREADABLE: &str = "I301";
    /// 填报表缺少工作表
    pub const MISSING_SHEET: &str = "S101";
    /// 表头与模板不符
    pub const BAD_HEADER: &str = "S102";
    /// 必填单元格为空
    pub const EMPTY_REQUIRED: &str = "S103";
    /// 单元格内容无法读取（日期、错误值）
    pub const BAD_CELL: &str = "S104";
    /// 同一编码重复，或引用的项目不存在
    pub const BAD_REFERENCE: &str = "S105";
}

/// Whether the bytes are a fill-in workbook (it has the 基本信息 and 账目 sheets), as opposed to
/// a workbook of the published tables.
pub fn is_fill_in(bytes: &[u8]) -> bool {
    std::panic::catch_unwind(|| {
        calamine::open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes.to_vec()))
            .map(|wb| {
                let names = wb.sheet_names();
                names.iter().any(|n| n == INFO_SHEET) && names.iter().any(|n| n == LEDGER.name)
            })
            .unwrap_or(false)
    })
    .unwrap_or(false)
}

/// The source text being built, each line remembering the cell it came from.
struct Out {
    text: String,
    line: usize,
    cells: BTreeMap<usize, SourceRef>,
}

impl Out {
    fn line(&mut self, s: &str, at: SourceRef) {
        self.line += 1;
        self.text.push_str(s);
        self.text.push('\n');
        self.cells.insert(self.line, at);
    }
}

fn cell_ref(sheet: &str, row: u32, col: u32) -> SourceRef {
    SourceRef::Cell {
        sheet: sheet.to_string(),
        cell: crate::xlsx_read::a1(row, col),
    }
}

/// A cell's text, exactly as typed: a number as its shortest decimal, text trimmed.
fn cell_text(d: Option<&Data>) -> Result<String, &'static str> {
    match d {
        None | Some(Data::Empty) => Ok(String::new()),
        Some(Data::String(s)) => Ok(s.trim().to_string()),
        Some(Data::Int(i)) => Ok(i.to_string()),
        Some(Data::Float(v)) => Ok(v.to_string()),
        Some(Data::Bool(b)) => Ok(if *b { "是" } else { "否" }.to_string()),
        Some(Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_)) => {
            Err("单元格是 Excel 日期，请改为文本（如 2025年2月14日）")
        }
        Some(Data::Error(_)) => Err("单元格是错误值（如 #VALUE!），请改为数值或文本"),
    }
}

/// A code cell's code: `2011350 事业运行` → `2011350` (spaces inside a code are kept).
fn code_of(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ' '))
        .map_or(text.len(), |(i, _)| i);
    let code = text[..end].trim();
    if code.is_empty() {
        text.to_string()
    } else {
        code.to_string()
    }
}

/// The source value for a cell's text, or `None` for an empty cell.
fn value(text: &str, kind: Kind) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    Some(match kind {
        Int if text.parse::<i64>().is_ok() => text.to_string(),
        List => {
            let items: Vec<String> = text
                .split(['、', '\n', ';', '；', ',', '，'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(q)
                .collect();
            format!("[{}]", items.join(", "))
        }
        Code => q(&code_of(text)),
        _ => q(text),
    })
}

/// One row of a list sheet: its 0-based sheet row and each column's text.
struct SheetRow {
    row: u32,
    cells: Vec<String>,
}

struct Reading {
    diags: Vec<Diagnostic>,
    /// Whether a required cell was found empty (the source reader's own “missing” findings
    /// then repeat it, and are dropped).
    had_empty: bool,
}

impl Reading {
    fn error(&mut self, code: &'static str, msg: String, at: SourceRef, help: Option<String>) {
        let mut d = Diagnostic::new(code, Severity::Error, msg, Label::at(at, ""));
        d.help = help;
        self.diags.push(d);
    }
}

fn read_list(wb: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &ListSheet, r: &mut Reading) -> Vec<SheetRow> {
    let Ok(range) = wb.worksheet_range(sheet.name) else {
        return Vec::new();
    };
    let Some((end_row, _)) = range.end() else {
        return Vec::new();
    };
    // Headers as the template has them; columns may be left off at the end (then empty).
    let heads: Vec<String> = (0..sheet.cols.len())
        .map(|c| cell_text(range.get_value((0, u32::try_from(c).unwrap_or(0)))).unwrap_or_default())
        .collect();
    let present = heads
        .iter()
        .rposition(|h| !h.is_empty())
        .map_or(0, |i| i + 1);
    for (c, fd) in sheet.cols.iter().enumerate().take(present) {
        let col = u32::try_from(c).unwrap_or(0);
        let head = &heads[c];
        let bare = head.trim_end_matches("（必填）");
        if bare != fd.label {
            r.error(
                codes::BAD_HEADER,
                format!(
                    "{}表第 {} 列的表头应为“{}”，现为“{head}”",
                    sheet.name,
                    c + 1,
                    fd.label
                ),
                cell_ref(sheet.name, 0, col),
                Some("请勿插入、删除或移动列；可从 yusuan init --xlsx 生成的模板复制".into()),
            );
            return Vec::new();
        }
    }
    let mut rows = Vec::new();
    for row in 1..=end_row {
        let mut cells = Vec::new();
        for c in 0..sheet.cols.len() {
            let col = u32::try_from(c).unwrap_or(0);
            match cell_text(range.get_value((row, col))) {
                Ok(t) => cells.push(t),
                Err(why) => {
                    r.error(
                        codes::BAD_CELL,
                        why.to_string(),
                        cell_ref(sheet.name, row, col),
                        None,
                    );
                    cells.push(String::new());
                }
            }
        }
        let read: Vec<bool> = sheet.cols.iter().map(|fd| fd.kind != Reference).collect();
        if cells.iter().zip(&read).all(|(t, r)| t.is_empty() || !r) {
            continue;
        }
        for (c, fd) in sheet.cols.iter().enumerate() {
            if fd.required && cells[c].is_empty() {
                r.had_empty = true;
                r.error(
                    codes::EMPTY_REQUIRED,
                    format!(
                        "{}表第 {} 行（一条{}）缺少“{}”",
                        sheet.name,
                        row + 1,
                        sheet.row,
                        fd.label
                    ),
                    cell_ref(sheet.name, row, u32::try_from(c).unwrap_or(0)),
                    (!fd.hint.is_empty()).then(|| fd.hint.to_string()),
                );
            }
        }
        rows.push(SheetRow { row, cells });
    }
    rows
}

/// Writes a list sheet's row as `key = value` lines (columns without a key are skipped).
fn row_lines(out: &mut Out, sheet: &ListSheet, row: &SheetRow, skip: &[&str]) {
    for (c, fd) in sheet.cols.iter().enumerate() {
        if fd.key.is_empty() || skip.contains(&fd.key) || fd.kind == Reference {
            continue;
        }
        if let Some(v) = value(&row.cells[c], fd.kind) {
            out.line(
                &format!("{} = {v}", fd.key),
                cell_ref(sheet.name, row.row, u32::try_from(c).unwrap_or(0)),
            );
        }
    }
}

fn col(sheet: &ListSheet, key: &str) -> usize {
    sheet.cols.iter().position(|f| f.key == key).unwrap_or(0)
}

/// Reads a fill-in workbook: the budget when it is sound, and every problem, each at its cell.
pub fn read(bytes: &[u8]) -> Parsed {
    guarded(bytes, false).unwrap_or_else(|| Parsed {
        budget: None,
        diagnostics: Vec::new(),
    })
}

/// Reads a workbook if it is a fill-in workbook (it has the 基本信息 and 账目 sheets), opening
/// it once; `None` when it is not one (a workbook of the published tables, say).
pub fn read_fill_in(bytes: &[u8]) -> Option<Parsed> {
    guarded(bytes, true)
}

/// [`read_workbook`], a failure inside the XLSX library reported as a damaged file.
fn guarded(bytes: &[u8], fill_in_only: bool) -> Option<Parsed> {
    match std::panic::catch_unwind(|| read_workbook(bytes, fill_in_only)) {
        Ok(p) => p,
        Err(_) if fill_in_only => None,
        Err(_) => Some(Parsed {
            budget: None,
            diagnostics: vec![
                Diagnostic::new(
                    codes::UNREADABLE,
                    Severity::Error,
                    "不是可读的 XLSX 文件：工作簿内容已损坏，无法解析".to_string(),
                    Label::at(SourceRef::None, ""),
                )
                .with_help("请用 Excel 或 WPS 打开后另存为 .xlsx 再试"),
            ],
        }),
    }
}

/// Reads a fill-in workbook; with `fill_in_only`, `None` when the bytes are not one.
fn read_workbook(bytes: &[u8], fill_in_only: bool) -> Option<Parsed> {
    let mut r = Reading {
        diags: Vec::new(),
        had_empty: false,
    };
    let mut wb: Xlsx<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())) {
        Ok(wb) => wb,
        Err(_) if fill_in_only => return None,
        Err(e) => {
            r.error(
                codes::UNREADABLE,
                format!("不是可读的 XLSX 文件：{e}"),
                SourceRef::None,
                Some("请用 Excel 或 WPS 另存为 .xlsx 后再试".into()),
            );
            return Some(Parsed {
                budget: None,
                diagnostics: r.diags,
            });
        }
    };
    let names = wb.sheet_names();
    if fill_in_only
        && ![INFO_SHEET, LEDGER.name]
            .iter()
            .all(|s| names.iter().any(|n| n == s))
    {
        return None;
    }
    for required in [INFO_SHEET, LEDGER.name] {
        if !names.iter().any(|n| n == required) {
            r.error(
                codes::MISSING_SHEET,
                format!("填报表缺少工作表“{required}”"),
                SourceRef::None,
                Some("请用 yusuan init --xlsx 生成的模板填写".into()),
            );
        }
    }
    if !r.diags.is_empty() {
        return Some(Parsed {
            budget: None,
            diagnostics: r.diags,
        });
    }
    let mut out = Out {
        text: String::new(),
        line: 0,
        cells: BTreeMap::new(),
    };
    let top = cell_ref(INFO_SHEET, 0, 0);

    // 基本信息: rows found by their label.
    let info = wb.worksheet_range(INFO_SHEET).unwrap_or_default();
    let mut by_label: BTreeMap<String, (u32, String)> = BTreeMap::new();
    if let Some((end_row, _)) = info.end() {
        for row in 0..=end_row {
            let label = cell_text(info.get_value((row, 0))).unwrap_or_default();
            let label = label.trim_end_matches("（必填）").to_string();
            match cell_text(info.get_value((row, 1))) {
                Ok(t) => {
                    by_label.insert(label, (row, t));
                }
                Err(why) => r.error(
                    codes::BAD_CELL,
                    why.into(),
                    cell_ref(INFO_SHEET, row, 1),
                    None,
                ),
            }
        }
    }
    let lists: BTreeMap<&str, Vec<SheetRow>> = LISTS
        .iter()
        .map(|s| (s.name, read_list(&mut wb, s, &mut r)))
        .collect();
    let rows = |name: &str| lists.get(name).map_or(&[][..], Vec::as_slice);

    let indicator_owner = col(&INDICATORS, "owner");
    let has_overall_indicators = rows(INDICATORS.name)
        .iter()
        .any(|x| x.cells[indicator_owner] == OVERALL);
    for (section, heading, fields) in INFO {
        let present: Vec<(&Field, u32, &String)> = fields
            .iter()
            .filter_map(|fd| by_label.get(fd.label).map(|(row, t)| (fd, *row, t)))
            .collect();
        let any = present.iter().any(|(_, _, t)| !t.is_empty());
        let optional_section = matches!(
            *section,
            "procurement" | "assets" | "overall_performance" | "notes"
        );
        let extra = match *section {
            "assets" => !rows(VEHICLES.name).is_empty(),
            "overall_performance" => has_overall_indicators,
            "notes" => !rows(CLASS_USAGE.name).is_empty(),
            _ => false,
        };
        if optional_section && !any && !extra {
            continue;
        }
        let at_heading = by_label
            .get(*heading)
            .map_or_else(|| top.clone(), |(row, _)| cell_ref(INFO_SHEET, *row, 0));
        out.line(&format!("[{section}]"), at_heading);
        for fd in *fields {
            let Some((row, t)) = by_label.get(fd.label) else {
                if fd.required {
                    r.had_empty = true;
                    r.error(
                        codes::EMPTY_REQUIRED,
                        format!("{INFO_SHEET}表缺少“{}”一行", fd.label),
                        top.clone(),
                        Some("请勿删除或改写 A 列的项目名称".into()),
                    );
                }
                continue;
            };
            let at = cell_ref(INFO_SHEET, *row, 1);
            if fd.required && t.is_empty() {
                r.had_empty = true;
                r.error(
                    codes::EMPTY_REQUIRED,
                    format!("{INFO_SHEET}表的“{}”是必填项，不能为空", fd.label),
                    at.clone(),
                    (!fd.hint.is_empty()).then(|| fd.hint.to_string()),
                );
            }
            match value(t, fd.kind) {
                Some(v) => out.line(&format!("{} = {v}", fd.key), at),
                // Keys the source requires even when empty (the check engine judges them).
                None if matches!(
                    (*section, fd.key),
                    ("overall_performance", "goal") | ("department", "functions")
                ) =>
                {
                    out.line(&format!("{} = \"\"", fd.key), at);
                }
                None => {}
            }
        }
        match *section {
            "assets" => {
                for v in rows(VEHICLES.name) {
                    out.line("[[assets.vehicles]]", cell_ref(VEHICLES.name, v.row, 0));
                    row_lines(&mut out, &VEHICLES, v, &[]);
                }
            }
            "overall_performance" => {
                let mut n = 0;
                for i in rows(INDICATORS.name)
                    .iter()
                    .filter(|x| x.cells[indicator_owner] == OVERALL)
                {
                    out.line(
                        "[[overall_performance.indicators]]",
                        cell_ref(INDICATORS.name, i.row, 0),
                    );
                    row_lines(&mut out, &INDICATORS, i, &["owner"]);
                    n += 1;
                }
                if n == 0 {
                    out.line("indicators = []", top.clone());
                }
            }
            "notes" => {
                let usage = rows(CLASS_USAGE.name);
                if !usage.is_empty() {
                    out.line("[notes.class_usage]", cell_ref(CLASS_USAGE.name, 0, 0));
                    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
                    for u in usage {
                        let code = code_of(&u.cells[0]);
                        if let Some(first) = seen.insert(code.clone(), u.row) {
                            r.error(
                                codes::BAD_REFERENCE,
                                format!("类用途表中类 {code} 重复（第一次在第 {} 行）", first + 1),
                                cell_ref(CLASS_USAGE.name, u.row, 0),
                                None,
                            );
                            continue;
                        }
                        out.line(
                            &format!("{} = {}", q(&code), q(&u.cells[1])),
                            cell_ref(CLASS_USAGE.name, u.row, 0),
                        );
                    }
                }
            }
            _ => {}
        }
    }

    // 科目补充
    let subjects = rows(SUBJECTS.name);
    if !subjects.is_empty() {
        out.line("[subjects]", cell_ref(SUBJECTS.name, 0, 0));
        let mut seen: BTreeMap<String, u32> = BTreeMap::new();
        for s in subjects {
            let code = code_of(&s.cells[0]);
            if let Some(first) = seen.insert(code.clone(), s.row) {
                r.error(
                    codes::BAD_REFERENCE,
                    format!(
                        "科目补充表中科目 {code} 重复（第一次在第 {} 行）",
                        first + 1
                    ),
                    cell_ref(SUBJECTS.name, s.row, 0),
                    None,
                );
                continue;
            }
            out.line(
                &format!("{} = {}", q(&code), q(&s.cells[1])),
                cell_ref(SUBJECTS.name, s.row, 0),
            );
        }
    }

    // 账目
    let facts = rows(LEDGER.name);
    if facts.is_empty() {
        out.line("[ledger]", cell_ref(LEDGER.name, 0, 0));
        out.line("facts = []", cell_ref(LEDGER.name, 0, 0));
    }
    for x in facts {
        out.line("[[ledger.facts]]", cell_ref(LEDGER.name, x.row, 0));
        row_lines(&mut out, &LEDGER, x, &[]);
    }

    // 项目, with their 资金分配 and 绩效指标.
    let project_names: BTreeSet<&str> = rows(PROJECTS.name)
        .iter()
        .map(|p| p.cells[0].as_str())
        .collect();
    let alloc_project = col(&ALLOCATION, "project");
    for a in rows(ALLOCATION.name) {
        let name = a.cells[alloc_project].as_str();
        if !name.is_empty() && !project_names.contains(name) {
            r.error(
                codes::BAD_REFERENCE,
                format!("资金分配表第 {} 行的项目“{name}”不在“项目”表中", a.row + 1),
                cell_ref(ALLOCATION.name, a.row, 0),
                Some("项目名称须与“项目”表完全一致".into()),
            );
        }
    }
    for i in rows(INDICATORS.name) {
        let owner = i.cells[indicator_owner].as_str();
        if !owner.is_empty() && owner != OVERALL && !project_names.contains(owner) {
            r.error(
                codes::BAD_REFERENCE,
                format!(
                    "绩效指标表第 {} 行的所属“{owner}”既不是“部门整体”，也不在“项目”表中",
                    i.row + 1
                ),
                cell_ref(INDICATORS.name, i.row, 0),
                None,
            );
        }
    }
    let perf_keys = ["goal", "total", "fiscal", "other"];
    for p in rows(PROJECTS.name) {
        let name = p.cells[0].as_str();
        out.line("[[project]]", cell_ref(PROJECTS.name, p.row, 0));
        row_lines(&mut out, &PROJECTS, p, &perf_keys);
        for a in rows(ALLOCATION.name)
            .iter()
            .filter(|a| a.cells[alloc_project] == name)
        {
            out.line(
                "[[project.allocation]]",
                cell_ref(ALLOCATION.name, a.row, 0),
            );
            row_lines(&mut out, &ALLOCATION, a, &["project"]);
        }
        let indicators: Vec<&SheetRow> = rows(INDICATORS.name)
            .iter()
            .filter(|i| i.cells[indicator_owner] == name)
            .collect();
        let perf_cells: Vec<(usize, &Field)> = PROJECTS
            .cols
            .iter()
            .enumerate()
            .filter(|(_, f)| perf_keys.contains(&f.key))
            .collect();
        let any_perf = perf_cells.iter().any(|(c, _)| !p.cells[*c].is_empty());
        if !any_perf && indicators.is_empty() {
            continue;
        }
        out.line("[project.performance]", cell_ref(PROJECTS.name, p.row, 0));
        for (c, fd) in &perf_cells {
            let at = cell_ref(PROJECTS.name, p.row, u32::try_from(*c).unwrap_or(0));
            match value(&p.cells[*c], fd.kind) {
                Some(v) => out.line(&format!("{} = {v}", fd.key), at),
                None if fd.key == "goal" => out.line("goal = \"\"", at),
                None => {}
            }
        }
        if indicators.is_empty() {
            out.line("indicators = []", cell_ref(PROJECTS.name, p.row, 0));
        }
        for i in indicators {
            out.line(
                "[[project.performance.indicators]]",
                cell_ref(INDICATORS.name, i.row, 0),
            );
            row_lines(&mut out, &INDICATORS, i, &["owner"]);
        }
    }

    // 上年对比
    for x in rows(COMPARISONS.name) {
        out.line("[[comparison]]", cell_ref(COMPARISONS.name, x.row, 0));
        row_lines(&mut out, &COMPARISONS, x, &[]);
    }

    let parsed = super::parse(&out.text);
    let place = |s: &mut SourceRef| {
        if let SourceRef::Span { line, .. } = s {
            *s = out.cells.get(line).cloned().unwrap_or_else(|| top.clone());
        }
    };
    let mut diagnostics = r.diags;
    for mut d in parsed.diagnostics {
        // A required cell left empty was reported at the cell already.
        if r.had_empty && d.code == c::MISSING {
            continue;
        }
        place(&mut d.primary.at);
        for l in &mut d.secondary {
            place(&mut l.at);
        }
        diagnostics.push(d);
    }
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let budget = parsed.budget.filter(|_| !failed).map(|mut b| {
        b.map_sources(&mut |s| place(s));
        b
    });
    Some(Parsed {
        budget,
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Cell values an office (or a hostile upload) might put anywhere.
    fn any_value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("2011350".to_string()),
            Just("2011350 事业运行".to_string()),
            Just("30101".to_string()),
            Just("一般公共预算".to_string()),
            Just("项目支出".to_string()),
            Just("人员经费".to_string()),
            Just("项目甲".to_string()),
            Just("部门整体".to_string()),
            Just("收入/一般公共预算".to_string()),
            Just("2025".to_string()),
            Just("-1".to_string()),
            Just("99999999999999999999999".to_string()),
            Just("0.001".to_string()),
            Just("=SUM(A1:A3)".to_string()),
            Just("\"]\n[x]\n".to_string()),
            ".{0,20}",
        ]
    }

    /// A workbook with the template's labels and headers and random values.
    fn hostile(info: &[String], rows: &[(usize, u32, usize, String)]) -> Vec<u8> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(INFO_SHEET).unwrap();
        let mut r = 0u32;
        let mut k = 0;
        for (_, heading, fields) in INFO {
            ws.write_string(r, 0, *heading).unwrap();
            r += 1;
            for fd in *fields {
                ws.write_string(r, 0, fd.label).unwrap();
                let v = info.get(k).cloned().unwrap_or_default();
                ws.write_string(r, 1, v).unwrap();
                k += 1;
                r += 1;
            }
        }
        for (i, sheet) in LISTS.iter().enumerate() {
            let ws = wb.add_worksheet();
            ws.set_name(sheet.name).unwrap();
            for (c, fd) in sheet.cols.iter().enumerate() {
                ws.write_string(0, u16::try_from(c).unwrap(), fd.label)
                    .unwrap();
            }
            for (which, row, c, v) in rows {
                if which % LISTS.len() == i {
                    let c = c % sheet.cols.len();
                    ws.write_string(1 + row, u16::try_from(c).unwrap(), v)
                        .unwrap();
                }
            }
        }
        wb.save_to_buffer().unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn hostile_workbooks_never_panic(
            info in prop::collection::vec(any_value(), 0..45),
            rows in prop::collection::vec((0usize..8, 0u32..6, 0usize..12, any_value()), 0..80),
        ) {
            let p = read(&hostile(&info, &rows));
            if let Some(b) = p.budget {
                let _ = yusuan_core::derive(&b);
            } else {
                prop_assert!(!p.diagnostics.is_empty());
            }
            for d in &p.diagnostics {
                prop_assert!(!matches!(d.primary.at, SourceRef::Span { .. }), "{d:?}");
            }
        }
    }

    #[test]
    fn a_code_cell_may_carry_its_name() {
        assert_eq!(code_of("2011350 事业运行"), "2011350");
        assert_eq!(code_of("201 13 50 事业运行"), "201 13 50");
        assert_eq!(code_of("2011350"), "2011350");
        assert_eq!(code_of("事业运行"), "事业运行");
    }

    #[test]
    fn cell_values_become_source_values() {
        assert_eq!(value("15", Int).as_deref(), Some("15"));
        assert_eq!(value("十五", Int).as_deref(), Some("\"十五\""));
        assert_eq!(
            value("综合办公室、财务科", List).as_deref(),
            Some("[\"综合办公室\", \"财务科\"]")
        );
        assert_eq!(
            value("587,420.00", Amount).as_deref(),
            Some("\"587,420.00\"")
        );
        assert_eq!(value("", Text), None);
        assert_eq!(value("说\"明\"", Text).as_deref(), Some("\"说\\\"明\\\"\""));
    }
}
