//! N1001 说明中的金额与表一致（任何地区）
//!
//! A statement of the narrative (`部门收入预算为15184.81万元`, `人员经费5080.69万元`,
//! `2010301-行政运行3452.35万元`, under `（二）公务接待费`: `2026年预算安排18.85万元`) names
//! what it is about in its own words. Its subject is recognised by meaning — the totals, the
//! funds, 基本/项目, 人员/公用, 三公 and its items, a functional code — and the amount is looked
//! up in every complete table of the kinds that print it (the total of 收支总表 or 收入总表, …),
//! in whichever form the region prints it: a column of the total row, or a row of its own. The
//! statement is wrong only when it matches none of them. What is not recognised, what speaks of
//! another year (`上年`, `年初`, `执行数`, a year other than the document's) and the base of a
//! comparison (`比上年预算 B 万元`) are not looked up.

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::interval;
use crate::kinds::by_key::keyed_tables;
use crate::kinds::{cell_label, item_name, printed};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{Claim, ClaimKind, RowKind, Section, Sentence, Side, Table};
use yusuan_core::money::{MoneyUnit, Printed};

/// N1001
pub struct N1001;

static META: RuleMeta = RuleMeta {
    id: "N1001",
    family: Family::Narrative,
    template: Some(yusuan_core::template::GENERIC_ID),
    severity: Severity::Error,
    title: "说明中的金额与表一致（任何地区）",
    what: "任何地区：情况说明中说本年某项的金额，应与表中该项相同。按含义识别说的是什么——收入、支出总额，一般公共预算等资金，基本支出、项目支出，人员经费、公用经费，“三公”经费及各项，机关运行经费（有其表时），其他收入来源与支出用途（事业收入、上级补助收入、上缴上级支出…），功能分类科目（按编码：写在前面“2010301-行政运行”、括在后面“一般行政管理事务（2010302）”，或按当年科目表唯一确定的“…（类）…（款）…（项）”），经济分类科目（编码括在后面：“商品和服务支出（302）”，在按经济分类的表中查找），政府采购（有政府采购表时：总额对其合计行的金额列，货物、工程、服务对其同名行）——在所有印有该项的完整表中查找；科目可与其所在行的任一本年列一致（说明常分人员经费、公用经费、项目支出各说一部分）（合计行的列，单列一行，或表只按经济分类印时其类之和：人员经费 = 301 + 303，公用经费 = 302 或 302 + 310），与其中任何一处一致即可。按年度分行印的表（“2025年”“2026年”“增减变化金额”各一行）取本年一行；分资金印的项目（“因公出国（境）费”下分一般公共预算等列）取该项目各列。编号的条目名单独成句（“1.因公出国（境）费用。2026年预算数36.14万元”）时，紧随其后一句只写“预算数”的金额按该条目核对。说上年、年初、执行数或其他年份的，比较的基数（“比上年预算 B 万元”），以及识别不出说的是什么的，不核对。",
    why: "情况说明是对表的文字说明；同一数额两处不同，至少一处错误。说明以万元写、表以元印时，四舍五入到万元的差别不算。",
    example: "泉州市人民政府办公室 2026：说明“部门收入预算为15184.81万元”，收支总表收入总计 15184.81：一致；“（二）公务接待费 2026年预算安排18.85万元”，三公经费表公务接待费 18.85：一致。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开数据真实、准确、一致；说的是什么按 yusuan-check 的本规则词表识别，表的种类与列按 yusuan-import/vocab 识别。",
    fixture: Fixture {
        base: Base::GenericPdf,
        // A coarser print of the same amount is no misstatement.
        pass: &[(
            "9013:50617:15184.81万元，比上年增加 4385.72万元，主要原因是本年",
            "9013:50617:15184.8万元，比上年增加 4385.72万元，主要原因是本年",
        )],
        fail: &[(
            "9013:50617:15184.81万元，比上年增加 4385.72万元，主要原因是本年",
            "9013:50617:15284.81万元，比上年增加 4385.72万元，主要原因是本年",
        )],
    },
};

/// Which row of a table side holds the amount.
#[derive(Clone, Copy)]
enum At {
    /// A column of the side's total row (its last; the first row when none is marked).
    Total(&'static [&'static str]),
    /// The year's subtotal (`本年收入合计`), in the side's first value column.
    YearTotal,
    /// A row of its own, by the name in its label, in the side's first value column.
    Row(&'static str),
    /// A row of its own, by the name in its label, in the first of these columns printed (a
    /// 政府采购 table's kinds, in its amount column, never its 数量).
    RowIn(&'static str, &'static [&'static str]),
    /// The sum of the rows of these economic classes (`301` + `303` for 人员经费), in the side's
    /// first value column; a class not printed counts as nothing, but one must be.
    Classes(&'static [&'static str]),
}

/// A place a statement's amount is printed.
#[derive(Clone, Copy)]
struct Target {
    kind: &'static str,
    side: Side,
    at: At,
}

const fn t(kind: &'static str, side: Side, at: At) -> Target {
    Target { kind, side, at }
}

const I: Side = Side::Income;
const E: Side = Side::Expenditure;
const S: Side = Side::Single;

/// What a statement can be about: the subjects that name it (normalised: no spaces, quotes,
/// year, department, 本部门/本单位) and where the tables print it.
struct Concept {
    names: &'static [&'static str],
    /// Where the amount is printed: a statement is checked only when one of these is found.
    targets: &'static [Target],
    /// Where a statement may also mean (the 一般公共预算 table's 基本支出, in a section about
    /// that fund): agreeing with one of these is agreeing too.
    also: &'static [Target],
}

const CONCEPTS: &[Concept] = &[
    Concept {
        names: &[
            "收入预算",
            "收入",
            "收入总预算",
            "收入预算总额",
            "收入预算总计",
            "收入总计",
            "收入合计",
            "收支总预算",
            "收支预算总额",
            "预算收入",
        ],
        targets: &[
            t("收支总表", I, At::Total(&[])),
            t("收支总表", I, At::YearTotal),
            t("收入总表", S, At::Total(&["合计"])),
        ],
        also: &[],
    },
    Concept {
        names: &[
            "支出预算",
            "支出",
            "支出总预算",
            "支出预算总额",
            "支出预算总计",
            "支出总计",
            "支出合计",
            "相应安排支出预算",
            "安排支出预算",
            "预算支出",
        ],
        targets: &[
            t("收支总表", E, At::Total(&[])),
            t("收支总表", E, At::YearTotal),
            t("支出总表", S, At::Total(&["合计"])),
        ],
        also: &[],
    },
    Concept {
        names: &["基本支出", "基本支出预算"],
        targets: &[
            t("支出总表", S, At::Total(&["基本支出"])),
            t("收支总表", E, At::Row("基本支出")),
        ],
        also: &[
            t("一般公共预算支出表", S, At::Total(&["基本支出"])),
            t("财政拨款支出表", S, At::Total(&["基本支出"])),
        ],
    },
    Concept {
        names: &["项目支出", "项目支出预算"],
        targets: &[
            t("支出总表", S, At::Total(&["项目支出"])),
            t("收支总表", E, At::Row("项目支出")),
        ],
        also: &[
            t("一般公共预算支出表", S, At::Total(&["项目支出"])),
            t("财政拨款支出表", S, At::Total(&["项目支出"])),
        ],
    },
    Concept {
        names: &[
            "一般公共预算拨款收入",
            "一般公共预算收入",
            "一般公共预算财政拨款收入",
            "一般公共预算拨款",
            "一般公共预算",
        ],
        targets: &[
            t("收支总表", I, At::Row("一般公共预算")),
            t("收入总表", S, At::Total(&["一般公共预算"])),
            t("财政拨款收支总表", I, At::Row("一般公共预算")),
        ],
        also: &[t("一般公共预算支出表", S, At::Total(&["合计"]))],
    },
    Concept {
        names: &[
            "一般公共预算拨款支出",
            "一般公共预算支出",
            "一般公共预算财政拨款支出",
        ],
        targets: &[
            t("一般公共预算支出表", S, At::Total(&["合计"])),
            t("财政拨款收支总表", E, At::Total(&["一般公共预算"])),
        ],
        also: &[],
    },
    Concept {
        names: &[
            "一般公共预算拨款基本支出",
            "一般公共预算基本支出",
            "一般公共预算财政拨款基本支出",
        ],
        targets: &[
            t("一般公共预算支出表", S, At::Total(&["基本支出"])),
            t("一般公共预算基本支出表", S, At::Total(&["合计"])),
        ],
        also: &[],
    },
    Concept {
        names: &["人员经费"],
        targets: &[
            t("一般公共预算基本支出表", S, At::Total(&["人员经费"])),
            t("基本支出表", S, At::Total(&["人员经费"])),
            t("一般公共预算基本支出表", S, At::Classes(&["301", "303"])),
        ],
        also: &[],
    },
    Concept {
        names: &["公用经费"],
        targets: &[
            t("一般公共预算基本支出表", S, At::Total(&["公用经费"])),
            t("基本支出表", S, At::Total(&["公用经费"])),
            t("一般公共预算基本支出表", S, At::Classes(&["302"])),
            t("一般公共预算基本支出表", S, At::Classes(&["302", "310"])),
        ],
        also: &[],
    },
    Concept {
        names: &[
            "三公经费",
            "财政拨款三公经费",
            "三公经费预算",
            "财政拨款三公经费预算",
            "一般公共预算三公经费",
            "财政拨款安排三公经费",
            "一般公共预算财政拨款安排的三公经费",
        ],
        targets: &[
            t("三公经费表", S, At::Total(&["合计"])),
            t("三公经费表", S, At::Row("合计")),
        ],
        also: &[],
    },
    Concept {
        names: &[
            "因公出国（境）费",
            "因公出国（境）费用",
            "因公出国（境）经费",
        ],
        targets: &[
            t("三公经费表", S, At::Total(&["因公出国（境）费"])),
            t("三公经费表", S, At::Row("因公出国")),
        ],
        also: &[],
    },
    Concept {
        names: &["公务接待费"],
        targets: &[
            t("三公经费表", S, At::Total(&["公务接待费"])),
            t("三公经费表", S, At::Row("公务接待")),
        ],
        also: &[],
    },
    Concept {
        names: &[
            "公务用车购置及运行费",
            "公务用车购置及运行维护费",
            "公务用车购置和运行费",
            "公务用车购置和运行维护费",
        ],
        targets: &[
            t("三公经费表", S, At::Total(&["公务用车购置及运行费"])),
            t("三公经费表", S, At::Row("公务用车购置及运行")),
        ],
        also: &[],
    },
    Concept {
        names: &["公务用车购置费"],
        targets: &[
            t("三公经费表", S, At::Total(&["公务用车购置费"])),
            t("三公经费表", S, At::Row("公务用车购置费")),
        ],
        also: &[],
    },
    Concept {
        names: &["公务用车运行费", "公务用车运行维护费"],
        targets: &[
            t("三公经费表", S, At::Total(&["公务用车运行费"])),
            t("三公经费表", S, At::Row("公务用车运行")),
        ],
        also: &[],
    },
    // The other sources of income and uses, each a row of 收支总表 and a column of 收入总表 or
    // 支出总表.
    Concept {
        names: &["事业收入", "事业收入预算"],
        targets: &[
            t("收支总表", I, At::Row("事业收入")),
            t("收入总表", S, At::Total(&["事业收入"])),
        ],
        also: &[],
    },
    Concept {
        names: &["事业单位经营收入", "经营收入"],
        targets: &[
            t("收支总表", I, At::Row("事业单位经营收入")),
            t("收支总表", I, At::Row("经营收入")),
            t("收入总表", S, At::Total(&["事业单位经营收入"])),
            t("收入总表", S, At::Total(&["经营收入"])),
        ],
        also: &[],
    },
    Concept {
        names: &["上级补助收入"],
        targets: &[
            t("收支总表", I, At::Row("上级补助收入")),
            t("收入总表", S, At::Total(&["上级补助收入"])),
        ],
        also: &[],
    },
    Concept {
        names: &["附属单位上缴收入"],
        targets: &[
            t("收支总表", I, At::Row("附属单位上缴收入")),
            t("收入总表", S, At::Total(&["附属单位上缴收入"])),
        ],
        also: &[],
    },
    Concept {
        names: &["其他收入"],
        targets: &[
            t("收支总表", I, At::Row("其他收入")),
            t("收入总表", S, At::Total(&["其他收入"])),
        ],
        also: &[],
    },
    Concept {
        names: &[
            "政府性基金预算拨款收入",
            "政府性基金预算财政拨款收入",
            "政府性基金预算收入",
            "政府性基金预算拨款",
        ],
        targets: &[
            t("收支总表", I, At::Row("政府性基金预算")),
            t("收入总表", S, At::Total(&["政府性基金预算"])),
            t("财政拨款收支总表", I, At::Row("政府性基金预算")),
        ],
        also: &[],
    },
    Concept {
        names: &[
            "国有资本经营预算拨款收入",
            "国有资本经营预算财政拨款收入",
            "国有资本经营预算收入",
            "国有资本经营预算拨款",
        ],
        targets: &[
            t("收支总表", I, At::Row("国有资本经营预算")),
            t("收入总表", S, At::Total(&["国有资本经营预算"])),
            t("财政拨款收支总表", I, At::Row("国有资本经营预算")),
        ],
        also: &[],
    },
    Concept {
        names: &["上缴上级支出"],
        targets: &[
            t("收支总表", E, At::Row("上缴上级支出")),
            t("支出总表", S, At::Total(&["上缴上级支出"])),
        ],
        also: &[],
    },
    Concept {
        names: &["事业单位经营支出", "经营支出"],
        targets: &[
            t("收支总表", E, At::Row("事业单位经营支出")),
            t("收支总表", E, At::Row("经营支出")),
            t("支出总表", S, At::Total(&["事业单位经营支出"])),
            t("支出总表", S, At::Total(&["经营支出"])),
        ],
        also: &[],
    },
    Concept {
        names: &["对附属单位补助支出"],
        targets: &[
            t("收支总表", E, At::Row("对附属单位补助支出")),
            t("支出总表", S, At::Total(&["对附属单位补助支出"])),
        ],
        also: &[],
    },
    // 政府采购 — where a table of it is printed (its total, and its rows by kind).
    Concept {
        names: &[
            "政府采购预算",
            "政府采购",
            "政府采购支出预算",
            "政府采购支出预算总额",
            "政府采购预算总额",
            "政府采购预算金额",
        ],
        targets: &[t("政府采购表", S, At::Total(PROCUREMENT_AMOUNT))],
        also: &[],
    },
    Concept {
        names: &[
            "货物类采购预算",
            "政府采购货物预算",
            "政府采购货物类预算",
            "拟采购货物",
            "采购货物",
        ],
        targets: &[t("政府采购表", S, At::RowIn("货物", PROCUREMENT_AMOUNT))],
        also: &[],
    },
    Concept {
        names: &[
            "工程类采购预算",
            "政府采购工程预算",
            "政府采购工程类预算",
            "拟采购工程",
            "采购工程",
        ],
        targets: &[t("政府采购表", S, At::RowIn("工程", PROCUREMENT_AMOUNT))],
        also: &[],
    },
    Concept {
        names: &[
            "服务类采购预算",
            "政府采购服务预算",
            "政府采购服务类预算",
            "拟采购服务",
            "拟购买服务",
            "采购服务",
        ],
        targets: &[t("政府采购表", S, At::RowIn("服务", PROCUREMENT_AMOUNT))],
        also: &[],
    },
];

/// A 政府采购 table's amount column (never its 数量).
const PROCUREMENT_AMOUNT: &[&str] = &["合计", "预算数", "预算金额", "金额"];

/// Words a subject may open with that say nothing of what it is (`当年一般公共预算支出`).
const FILLER_FRONT: &[&str] = &["当年", "本年", "通过", "包括", "其中", "其中：", "全年"];

/// Words a subject may end with that say nothing of what it is (`公务接待费预算支出`,
/// `“三公”经费预算情况`), tried one at a time when the whole name is not known.
const FILLER_BACK: &[&str] = &[
    "情况说明",
    "情况",
    "预算支出",
    "支出预算",
    "预算安排",
    "财政拨款预算",
    "预算",
    "安排",
    "共计",
    "共",
    "支出",
    "合计",
    "总计",
];

/// The concept a normalised subject names exactly.
fn concept_exact(s: &str) -> Option<&'static Concept> {
    CONCEPTS
        .iter()
        .chain(std::iter::once(&RUNNING_COSTS))
        .find(|c| c.names.contains(&s))
}

/// The concept a normalised subject names: the name itself, or the name once the words that
/// say nothing (front and back) are taken off.
fn concept_named(s: &str) -> Option<&'static Concept> {
    let known = concept_exact;
    // An item's number (`（1）一般公共预算拨款收入`, `2、事业收入`) says nothing of what.
    let mut s = item_name(s);
    for w in FILLER_FRONT {
        if let Some(r) = s.strip_prefix(w) {
            s = r.to_string();
        }
    }
    // (`当年本部门政府采购预算`: the department after the filler.)
    for w in ["本部门", "本单位"] {
        if let Some(r) = s.strip_prefix(w) {
            s = r.to_string();
        }
    }
    if let Some(c) = known(&s) {
        return Some(c);
    }
    let mut cut = s.clone();
    loop {
        let before = cut.clone();
        for w in FILLER_BACK {
            if let Some(r) = cut.strip_suffix(w)
                && !r.is_empty()
            {
                cut = r.to_string();
                if let Some(c) = known(&cut) {
                    return Some(c);
                }
            }
        }
        if cut == before {
            return None;
        }
    }
}

/// 机关运行经费 — where a table of its own prints it (its total).
const RUNNING_COSTS: Concept = Concept {
    names: &[
        "机关运行经费",
        "机关运行经费支出",
        "机关运行经费安排",
        "机关运行经费预算",
        "机关运行经费预算支出",
        "机关运行经费预算安排",
        "机关运行经费财政拨款预算",
        "当年机关运行经费预算安排",
        "一般公共预算机关运行经费",
        "一般公共预算机关运行经费支出",
        "一般公共预算机关运行经费预算支出",
        "一般公共预算拨款安排的机关运行经费",
        "一般公共预算拨款安排的机关运行经费支出",
    ],
    targets: &[t("机关运行经费表", S, At::Total(&[]))],
    also: &[],
};

/// The tables by function a functional code is looked up in.
const BY_FUNCTION: &[&str] = &[
    "一般公共预算支出表",
    "支出总表",
    "政府性基金预算支出表",
    "国有资本经营预算支出表",
    "财政拨款支出表",
];

/// The tables by economic classification an economic code is looked up in.
const BY_ECONOMY: &[&str] = &[
    "一般公共预算支出经济分类表",
    "一般公共预算基本支出表",
    "财政拨款基本支出表",
    "支出经济分类汇总表",
];

/// Words that put a statement in another period than the document's year.
const OTHER_PERIOD: &[&str] = &[
    "上年",
    "去年",
    "上一年",
    "年初",
    "执行",
    "决算",
    "调整",
    "同期",
    "累计",
];

/// Words that make a whole sentence about another period or another kind of figure.
const OTHER_SENTENCE: &[&str] = &["执行数", "预计执行", "决算", "调整预算"];

/// Subjects that say nothing of what: the heading above says it (`（二）公务接待费` /
/// `2026年预算安排18.85万元`).
const BARE: &[&str] = &[
    "预算安排",
    "预算数",
    "预算",
    "安排",
    "预算数为",
    "预算安排为",
];

/// A subject normalised for lookup.
fn normal(subject: &str, department: &str) -> String {
    let mut s: String = subject
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"‘’".contains(*c))
        .collect();
    // An organisation's name before the year (`苏州市科学技术局2026年收入预算合计`): the
    // subject starts at the year.
    let org_end = [
        "局",
        "委员会",
        "委",
        "办公室",
        "中心",
        "院",
        "厅",
        "部",
        "所",
        "站",
        "队",
    ];
    if let Some(at) = s.char_indices().map(|(i, _)| i).find(|&i| {
        i > 0
            && s[i..].len() > 5
            && s[i..].bytes().take(4).all(|b| b.is_ascii_digit())
            && s[i + 4..].starts_with('年')
            && org_end.iter().any(|e| s[..i].ends_with(e))
            && !s[..i].ends_with(|c: char| c.is_ascii_digit())
    }) {
        s = s[at..].to_string();
    }
    // A leading year: `2026年度`, `2026年`.
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        let rest = &s[4..];
        s = rest
            .strip_prefix("年度")
            .or_else(|| rest.strip_prefix('年'))
            .unwrap_or(rest)
            .to_string();
    }
    let department: String = department.chars().filter(|c| !c.is_whitespace()).collect();
    if !department.is_empty() {
        s = s.replace(&department, "");
        // Its short name, the place dropped (`北京市民政局` → `市民政局`).
        if let Some(at) = department.find(['市', '省', '区', '县'])
            && at > 0
        {
            let short = &department[at..];
            if short.chars().count() >= 3 {
                s = s.replace(short, "");
            }
        }
    }
    for w in ["本部门", "本单位", "部门", "单位"] {
        if let Some(r) = s.strip_prefix(w) {
            s = r.to_string();
        }
    }
    for w in ["为", "共计", "合计为", "总额为"] {
        if let Some(r) = s.strip_suffix(w)
            && !r.is_empty()
        {
            s = r.to_string();
        }
    }
    // A trailing year (`公务用车购置费2026年预算数`): the sentence's year, checked before.
    if let Some(at) = s.rfind('年') {
        let (head, tail) = s.split_at(at);
        let tail = &tail['年'.len_utf8()..];
        let tail = tail.strip_prefix('度').unwrap_or(tail);
        let digits = head.chars().rev().take_while(char::is_ascii_digit).count();
        if digits == 4
            && head.len() > 4
            && ["", "预算数", "预算", "预算安排", "预算数为"].contains(&tail)
        {
            s = head[..head.len() - 4].to_string();
        }
    }
    s
}

/// A functional code a subject names: opening it (`2010301-行政运行`, `[2010301]行政运行`,
/// `201`), closing it in brackets (`一般行政管理事务（2010302）`), or as a 类/款/项 chain the
/// year's catalogue resolves to one code (`住房改革支出（款）住房公积金（项）支出`); or an
/// economic 类 or 款 closing it in brackets (`（2）商品和服务支出（302）`, `机关工资福利支出（501）`).
fn code_of(subject: &str, year: i32) -> Option<String> {
    let s = subject.trim().trim_start_matches(['[', '【']);
    let code: String = s.chars().take_while(char::is_ascii_digit).collect();
    let after = s[code.len()..].chars().next();
    if matches!(code.len(), 3 | 5 | 7)
        && code.starts_with('2')
        && after.is_some_and(|c| !c.is_ascii_digit() && c != '年' && c != '.' && c != '万')
    {
        return Some(code);
    }
    let closing = s.trim_end_matches(['）', ')']);
    if closing.len() < s.len() {
        let code: String = closing
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let open = closing[..closing.len() - code.len()].ends_with(['（', '(']);
        let functional = matches!(code.len(), 5 | 7) && code.starts_with('2');
        let economic = matches!(code.len(), 3 | 5) && code.starts_with(['3', '5']);
        // (A code needs a name before it: `（301）` alone is an item's number.)
        let named = !closing[..closing.len() - code.len()]
            .trim_end_matches(['（', '('])
            .trim()
            .is_empty();
        if open && (functional || economic) && named {
            return Some(code);
        }
    }
    chain_code(s, year)
}

/// The code a 类/款/项 chain names (`社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位
/// 基本养老保险缴费支出（项）`), when the year's catalogue has exactly one such 项 (or 款).
fn chain_code(subject: &str, year: i32) -> Option<String> {
    use yusuan_core::catalog::Catalog;
    use yusuan_core::codes::FuncCode;
    let s: String = subject
        .chars()
        .filter(|c| !c.is_whitespace() && !"“”\"".contains(*c))
        .collect::<String>()
        .replace('(', "（")
        .replace(')', "）");
    let mut names: [Option<String>; 3] = [None, None, None];
    let mut rest = s.as_str();
    for (i, mark) in ["（类）", "（款）", "（项）"].iter().enumerate() {
        if let Some(at) = rest.find(mark) {
            let name = rest[..at]
                .trim_start_matches(|c: char| "-—–、.．:：0123456789".contains(c))
                .to_string();
            if i == 0 {
                // The class name may follow a year or numbering: keep its last words only.
                names[0] = Some(
                    name.rsplit(['，', '：'])
                        .next()
                        .unwrap_or(&name)
                        .to_string(),
                );
            } else {
                names[i] = Some(name);
            }
            rest = &rest[at + mark.len()..];
        }
    }
    let (kuan, xiang) = (names[1].as_deref()?, names[2].as_deref());
    let cat = Catalog::get();
    let name_of = |code: &str| {
        FuncCode::parse(code)
            .ok()
            .and_then(|c| cat.functional_name(c, year))
            .map(str::to_string)
    };
    let mut found: Vec<String> = cat
        .functional_items(year)
        .into_iter()
        .filter_map(|(code, name)| {
            let code = code.to_string();
            let kuan_ok = name_of(&code[..5]).as_deref() == Some(kuan);
            let class_ok = names[0]
                .as_deref()
                .is_none_or(|c| name_of(&code[..3]).as_deref() == Some(c));
            match xiang {
                Some(x) => (name == x && kuan_ok && class_ok).then_some(code),
                None => (kuan_ok && class_ok).then(|| code[..5].to_string()),
            }
        })
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The years a text names (`2025年`), as N010 finds them.
fn years_named(text: &str) -> Vec<i32> {
    super::n010::years(text)
        .into_iter()
        .map(|(y, _, _)| y)
        .collect()
}

/// True for a column of the document's year: not `上年…`, `增减`, `变动`, and no other year in
/// its header (`合计〔2020年合计〕` in a 2021 document is last year's).
fn this_years(key: &str, year: i32) -> bool {
    !["上年", "增减", "变动", "变化", "比较"]
        .iter()
        .any(|w| key.contains(w))
        && years_named(key).iter().all(|y| *y == year)
}

/// A key without the fund an item is printed by (`因公出国（境）费/一般公共预算` →
/// `因公出国（境）费`); a key that is a fund alone stays.
fn without_fund(key: &str) -> &str {
    ["/一般公共预算", "/政府性基金预算", "/国有资本经营预算"]
        .iter()
        .find_map(|f| key.strip_suffix(f))
        .unwrap_or(key)
}

/// A column's key without the printed header a duplicate carries (`合计〔2021年合计〕` → `合计`).
fn bare_key(key: &str) -> &str {
    key.split('〔').next().unwrap_or(key)
}

/// True when column `c` is the one of its name on its side that is this year's: it is the only
/// one so named, or the only one naming the document's year (`合计〔2021年合计〕`, `当年`). A
/// table printing last year, this year and the change under the same names, with no year in
/// its headers as read, leaves which is which unknown: nothing is looked up there.
fn unambiguous(t: &Table, c: usize, year: i32) -> bool {
    let bare = bare_key(&t.columns[c].key);
    let same: Vec<usize> = (0..t.columns.len())
        .filter(|&o| t.columns[o].side == t.columns[c].side && bare_key(&t.columns[o].key) == bare)
        .collect();
    let names_year =
        |k: &str| years_named(k).contains(&year) || k.contains("当年") || k.contains("本年");
    same.len() == 1
        || names_year(&t.columns[c].key)
            && same
                .iter()
                .filter(|&&o| names_year(&t.columns[o].key))
                .count()
                == 1
}

/// True when some header of a side was not read into words (a column set apart by position
/// only, `第7列`, or a header cut mid-word, `（境）费用`, `因公）费用`): where the reader could not
/// read every header, the figures under the others may have drifted too. A side with one value
/// column only needs no header.
fn headers_unread(t: &Table, side: Side) -> bool {
    let on: Vec<&str> = t
        .columns
        .iter()
        .filter(|c| c.side == side)
        .map(|c| bare_key(&c.key))
        .collect();
    on.len() > 1
        && on.iter().any(|k| {
            let open = k.matches(['（', '(']).count();
            let close = k.matches(['）', ')']).count();
            (k.starts_with('第') && k.ends_with('列'))
                || open != close
                || k.starts_with(['（', '('])
        })
}

/// The first value column of a side that is this year's.
fn first_column(t: &Table, side: Side, year: i32) -> Option<usize> {
    (0..t.columns.len()).find(|&c| t.columns[c].side == side && this_years(&t.columns[c].key, year))
}

/// The first of `keys` printed as a column of this year on `side`.
fn keyed_column(t: &Table, side: Side, keys: &[&str], year: i32) -> Option<usize> {
    keys.iter().find_map(|k| {
        (0..t.columns.len()).find(|&c| {
            let key = &t.columns[c].key;
            // An item printed by fund (`因公出国（境）费/一般公共预算`): the item's figure in that
            // fund; a group's total (`公务用车购置及运行费/合计`): the group's.
            let bare = without_fund(bare_key(key));
            let group = bare.strip_suffix("/合计");
            t.columns[c].side == side
                && this_years(key, year)
                && (bare == *k || bare.rsplit('/').next() == Some(k) || group == Some(k))
        })
    })
}

/// The cells a target names in `t`.
fn cells(t: &Table, target: &Target, year: i32) -> Vec<Vec<(usize, usize)>> {
    let side = target.side;
    let rows_on = || (0..t.rows.len()).filter(move |&i| t.rows[i].side == side);
    match target.at {
        At::Total(keys) => {
            // The side's total row; a table of one row is its own total; a table set out by
            // year (`2025年` / `2026年` / `增减变化金额`, Shenzhen's 三公 table), this year's row.
            let single = rows_on().count() == 1;
            let Some(row) = (0..t.rows.len())
                .rev()
                .find(|&i| t.rows[i].side == side && t.rows[i].kind == RowKind::Total)
                .or_else(|| rows_on().next().filter(|_| single))
                .or_else(|| {
                    rows_on().find(|&i| {
                        yusuan_core::facts::row_period(&t.rows[i].label, year) == Some("本年")
                    })
                })
            else {
                return Vec::new();
            };
            let col = if keys.is_empty() {
                first_column(t, side, year)
            } else {
                keyed_column(t, side, keys, year)
            };
            col.map(|c| vec![vec![(row, c)]]).unwrap_or_default()
        }
        At::RowIn(name, keys) => {
            let Some(c) = keyed_column(t, side, keys, year) else {
                return Vec::new();
            };
            rows_on()
                .filter(|&i| item_name(&t.rows[i].label) == name)
                .map(|r| vec![(r, c)])
                .collect()
        }
        At::YearTotal => {
            let row = rows_on().find(|&i| {
                let l: String = t.rows[i].label.split_whitespace().collect();
                l.starts_with("本年") && l.ends_with("合计")
            });
            match (row, first_column(t, side, year)) {
                (Some(r), Some(c)) => vec![vec![(r, c)]],
                _ => Vec::new(),
            }
        }
        At::Row(name) => {
            let Some(c) = first_column(t, side, year) else {
                return Vec::new();
            };
            rows_on()
                .filter(|&i| {
                    let l = item_name(&t.rows[i].label);
                    let l = l.trim_start_matches("其中：").trim_start_matches("其中:");
                    let l = item_name(l);
                    // The row is the item itself, not a part of it (`其中：（1）公务用车购置费`
                    // for 公务用车购置费, not for 公务用车购置及运行费).
                    l.starts_with(name) && l.chars().count() <= name.chars().count() + 12
                        || l == name
                })
                .map(|r| vec![(r, c)])
                .collect()
        }
        At::Classes(classes) => {
            let Some(c) = first_column(t, side, year) else {
                return Vec::new();
            };
            let rows: Vec<(usize, usize)> = rows_on()
                .filter(|&i| {
                    t.rows[i]
                        .code
                        .as_deref()
                        .is_some_and(|code| classes.contains(&code))
                })
                .map(|r| (r, c))
                .collect();
            if rows.is_empty() {
                Vec::new()
            } else {
                vec![rows]
            }
        }
    }
}

/// A figure the tables print for a subject: one cell, or the sum of several (the rows of
/// economic classes), all in one table.
pub struct Candidate<'a> {
    table: &'a Table,
    cells: Vec<(usize, usize)>,
}

impl Candidate<'_> {
    /// The interval of the amount the cells print together, in fen.
    pub(crate) fn interval(&self) -> (i64, i64) {
        self.cells.iter().fold((0, 0), |(lo, hi), &(r, c)| {
            let (a, b) = interval(printed(self.table, r, c));
            (lo + a, hi + b)
        })
    }

    /// The figure as printed, or the sum as it would print.
    pub(crate) fn shown(&self) -> String {
        match self.cells.as_slice() {
            [(r, c)] => printed(self.table, *r, *c)
                .map(Printed::to_string)
                .unwrap_or_default(),
            _ => {
                let fen: i64 = self
                    .cells
                    .iter()
                    .map(|&(r, c)| crate::interval::shown(printed(self.table, r, c)))
                    .sum();
                crate::interval::wan2(fen) + " 万元"
            }
        }
    }

    /// Where it is printed: `「title」「row」行「col」列`, or the rows summed.
    pub(crate) fn place(&self) -> String {
        match self.cells.as_slice() {
            [(r, c)] => crate::kinds::by_key::named(self.table, *r, *c),
            _ => format!(
                "「{}」{} 行之和",
                self.table.title,
                self.cells
                    .iter()
                    .map(|&(r, _)| self.table.rows[r].code.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        }
    }
}

/// The figures the tables print for what `subject` names; empty when the subject is not
/// recognised or no complete table prints it.
/// `loose`: the subject may carry words that say nothing (`公务接待费预算支出`); a heading's
/// may not.
pub(crate) fn targets_of<'a>(cx: &Cx<'a>, subject: &str, loose: bool) -> Vec<Candidate<'a>> {
    let year = cx.disclosure.year;
    let usable = |t: &Table, cells: &[(usize, usize)]| {
        cells.iter().any(|&(r, c)| printed(t, r, c).is_some())
            && cells
                .iter()
                .all(|&(_, c)| unambiguous(t, c, year) && !headers_unread(t, t.columns[c].side))
    };
    let mut out = Vec::new();
    if let Some(code) = code_of(subject, year) {
        // Any of the row's columns of this year: a narrative may give an item's parts
        // (`（2）公用经费：②培训支出（2050803）2万元`) as well as its total.
        let kinds = if code.starts_with('2') {
            BY_FUNCTION
        } else {
            BY_ECONOMY
        };
        for t in keyed_tables(cx).filter(|t| t.kind.as_deref().is_some_and(|k| kinds.contains(&k)))
        {
            let columns: Vec<usize> = (0..t.columns.len())
                .filter(|&c| {
                    t.columns[c].side == Side::Single && this_years(&t.columns[c].key, year)
                })
                .collect();
            for (r, row) in t.rows.iter().enumerate() {
                if row.code.as_deref() != Some(code.as_str()) {
                    continue;
                }
                for &c in &columns {
                    if usable(t, &[(r, c)]) {
                        out.push(Candidate {
                            table: t,
                            cells: vec![(r, c)],
                        });
                    }
                }
            }
        }
        return out;
    }
    let s = normal(subject, &cx.disclosure.department);
    let concept = if loose {
        concept_named(&s)
    } else {
        concept_exact(&s)
    };
    let Some(concept) = concept else {
        return out;
    };
    let found = |targets: &[Target]| {
        let mut v = Vec::new();
        for target in targets {
            for t in keyed_tables(cx).filter(|t| t.kind.as_deref() == Some(target.kind)) {
                for cells in cells(t, target, year) {
                    if usable(t, &cells) {
                        v.push(Candidate { table: t, cells });
                    }
                }
            }
        }
        v
    };
    out = found(concept.targets);
    if !out.is_empty() {
        out.extend(found(concept.also));
    }
    out
}

/// True when a statement's figure restates a table's: their intervals meet once the statement
/// is given one unit of its last digit either way — a text that cuts `7633.516247` to `7633.51`
/// instead of rounding it has not misstated it.
/// The unit a stated amount is in, as a word (`万元`).
fn unit_word(p: &Printed) -> &'static str {
    match p.unit {
        yusuan_core::money::Unit::Money(MoneyUnit::Yuan) => "元",
        yusuan_core::money::Unit::Money(MoneyUnit::Qian) => "千元",
        _ => "万元",
    }
}

/// The same digits in the other unit of 元 and 万元 (what a writer who mixed them meant).
fn other_unit(p: &Printed) -> Option<Printed> {
    use yusuan_core::money::Unit;
    let unit = match p.unit {
        Unit::Money(MoneyUnit::Wan) => MoneyUnit::Yuan,
        Unit::Money(MoneyUnit::Yuan) => MoneyUnit::Wan,
        _ => return None,
    };
    Some(Printed {
        unit: Unit::Money(unit),
        ..*p
    })
}

fn restated((clo, chi): (i64, i64), said: &Printed) -> bool {
    let (slo, shi) = interval(Some(said));
    let unit = shi - slo;
    slo - unit / 2 <= chi && clo <= shi + unit / 2
}

/// A sentence that is only a numbered item's name, run in before what is said of it
/// (`1.因公出国（境）费用。2026 年预算数 36.14 万元`): the name, without its number and stop.
fn run_in_heading(text: &str) -> Option<&str> {
    let stripped = text.trim().strip_suffix(['。', '：', ':'])?;
    let body = stripped
        .trim_start_matches(|c: char| "（）()一二三四五六七八九十、.．0123456789".contains(c));
    let numbered = body.len() < stripped.len();
    (numbered
        && !body.is_empty()
        && body.chars().count() <= 20
        && !body
            .chars()
            .any(|c| c.is_ascii_digit() || "，,；;。".contains(c)))
    .then_some(body)
}

/// Every sentence with the heading it stands under (its sub-section's, else its section's; a
/// numbered item's name run in before it, when one is).
pub(crate) fn under_headings(sections: &[Section]) -> Vec<(&str, &Sentence)> {
    fn walk<'a>(s: &'a Section, title: &'a str, out: &mut Vec<(&'a str, &'a Sentence)>) {
        let own = if s.title.is_empty() {
            title
        } else {
            s.title.as_str()
        };
        // (It heads the sentence right after it only: what follows the list is not the
        // last item's.)
        let mut run_in: Option<&'a str> = None;
        for x in &s.sentences {
            out.push((run_in.take().unwrap_or(own), x));
            run_in = run_in_heading(&x.text);
        }
        for sub in &s.subsections {
            walk(sub, own, out);
        }
    }
    let mut out = Vec::new();
    for s in sections {
        walk(s, "", &mut out);
    }
    out
}

/// What became of an amount a sentence states.
pub enum Looked<'a> {
    /// Looked up: its subject (as recognised) and the places the tables print it.
    Up(String, Vec<Candidate<'a>>),
    /// Not this year's amount (上年, 年初, 执行数, another year) or the base of a comparison.
    OtherPeriod,
    /// Its subject is not one the rule knows, or no complete table prints it.
    NotRecognised(String),
}

/// Where the tables print the amount claim `c` of sentence `s` (under `heading`) states.
pub(crate) fn look_up<'a>(cx: &Cx<'a>, heading: &str, s: &Sentence, c: &Claim) -> Looked<'a> {
    let d = cx.disclosure;
    if OTHER_SENTENCE.iter().any(|w| s.text.contains(w))
        || super::is_base(&s.text, c.at.0)
        || OTHER_PERIOD.iter().any(|w| c.subject.contains(w))
        || years_named(&c.subject).iter().any(|y| *y != d.year)
    {
        return Looked::OtherPeriod;
    }
    let bare = normal(&c.subject, &d.department);
    let from_heading = BARE.contains(&bare.as_str()) || bare.is_empty();
    let subject = if from_heading {
        // The heading says what: `（二）公务接待费`.
        heading
            .trim_start_matches(|ch: char| "（）()一二三四五六七八九十、.0123456789".contains(ch))
            .to_string()
    } else {
        c.subject.clone()
    };
    // A heading names its part exactly or not at all: `财政拨款“三公”经费预算情况说明` heads the
    // list of the three items, and an amount under it may be any of them.
    let found = targets_of(cx, &subject, !from_heading);
    if found.is_empty() {
        Looked::NotRecognised(subject)
    } else {
        Looked::Up(subject, found)
    }
}

/// Every amount the narrative states, with what became of it (for the coverage report:
/// `cargo run -p yusuan-check --example claims`).
pub fn coverage<'a>(cx: &Cx<'a>) -> Vec<(&'a Sentence, &'a Claim, Looked<'a>)> {
    let mut out = Vec::new();
    for (heading, s) in under_headings(&cx.disclosure.narrative.sections) {
        for c in &s.claims {
            if matches!(c.kind, ClaimKind::Amount { .. }) {
                out.push((s, c, look_up(cx, heading, s, c)));
            }
        }
    }
    out
}

impl Rule for N1001 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let d = cx.disclosure;
        for (heading, s) in under_headings(&d.narrative.sections) {
            for c in &s.claims {
                let ClaimKind::Amount { value } = &c.kind else {
                    continue;
                };
                let Looked::Up(subject, found) = look_up(cx, heading, s, c) else {
                    continue;
                };
                let agrees = found.iter().any(|x| restated(x.interval(), value));
                if agrees {
                    continue;
                }
                // The tables' figures, each with where it is printed (the first places).
                let mut by_value: Vec<(String, Vec<String>)> = Vec::new();
                for x in &found {
                    let v = x.shown();
                    let place = x.place();
                    match by_value.iter_mut().find(|(y, _)| *y == v) {
                        Some((_, places)) => places.push(place),
                        None => by_value.push((v, vec![place])),
                    }
                }
                let printed_in: Vec<String> = by_value
                    .iter()
                    .map(|(v, places)| {
                        let more = if places.len() > 2 {
                            format!("等 {} 处", places.len())
                        } else {
                            String::new()
                        };
                        format!(
                            "{v}（{}{more}）",
                            places
                                .iter()
                                .take(2)
                                .cloned()
                                .collect::<Vec<_>>()
                                .join("、")
                        )
                    })
                    .collect();
                let word = unit_word(value);
                // The same digits in the other unit: 元 written as 万元, or the reverse.
                let swapped =
                    other_unit(value).filter(|v| found.iter().any(|x| restated(x.interval(), v)));
                let (message, help) = match &swapped {
                    Some(v) => (
                        format!(
                            "情况说明称“{}”{value} {word}，表中印为 {}：数字相同而单位不同，应为 {value} {}",
                            subject.trim(),
                            printed_in.join("；"),
                            unit_word(v),
                        ),
                        "核对金额单位：说明与表用同一单位，或按单位换算（1 万元 = 10000 元）",
                    ),
                    None => (
                        format!(
                            "情况说明称“{}”{value} {word}，与表不符：表中印为 {}",
                            subject.trim(),
                            printed_in.join("；")
                        ),
                        "说明中的金额应复述表中的数：核对两处，改正错误的一处",
                    ),
                };
                let mut diag = Diagnostic::new(
                    META.id,
                    META.severity,
                    message,
                    Label::at(s.source.clone(), format!("{value} {word}")),
                )
                .with_help(help);
                diag.secondary = found
                    .iter()
                    .flat_map(|x| x.cells.iter().map(|&(r, c)| cell_label(x.table, r, c)))
                    .take(4)
                    .collect();
                out.push(diag);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn subjects_in_each_familys_words_name_their_concepts() {
        let names =
            |s: &str| concept_named(&normal(s, "深圳市人民政府口岸办公室")).map(|c| c.names[0]);
        for (subject, concept) in [
            ("2026年本单位机关运行经费财政拨款预算", "机关运行经费"), // Shenzhen
            ("公务接待费预算支出", "公务接待费"),                     // Suzhou
            ("公务用车购置及运行维护费支出", "公务用车购置及运行费"), // Suzhou
            ("本部门当年一般公共预算支出", "一般公共预算拨款支出"),   // Xi'an
            ("2026年财政拨款“三公”经费预算", "三公经费"),             // Shenzhen
            ("财政拨款“三公”经费预算情况", "三公经费"),               // a heading as subject
            ("事业收入", "事业收入"),                                 // Quanzhou
            ("上缴上级支出", "上缴上级支出"),
            ("（1）一般公共预算拨款收入", "一般公共预算拨款收入"), // Suzhou's list
            ("本年事业收入", "事业收入"),                          // Suzhou
            ("2026年政府采购预算", "政府采购预算"),                // where a table prints it
            ("政府采购支出预算总额", "政府采购预算"),              // Suzhou
            ("政府采购货物类预算", "货物类采购预算"),              // Xi'an
        ] {
            assert_eq!(names(subject), Some(concept), "{subject}");
        }
        // What names nothing the tables print stays unknown.
        for subject in ["单位价值", "单价", "事业单位经营"] {
            assert_eq!(names(subject), None, "{subject}");
        }
    }

    use super::*;

    #[test]
    fn a_numbered_items_name_run_in_heads_the_sentence_after_it() {
        assert_eq!(
            run_in_heading("1.因公出国（境）费用。"),
            Some("因公出国（境）费用")
        );
        assert_eq!(run_in_heading("（二）公务接待费："), Some("公务接待费"));
        assert_eq!(
            run_in_heading("3、公务用车购置和运行维护费。"),
            Some("公务用车购置和运行维护费")
        );
        // Not numbered, a whole sentence, or one stating a figure: no heading.
        assert_eq!(run_in_heading("公务接待费。"), None);
        assert_eq!(run_in_heading("1.本部门无此项支出，故不公开。"), None);
        assert_eq!(run_in_heading("2.培训费 3 万元。"), None);
    }

    #[test]
    fn subjects_are_normalised_to_what_they_name() {
        assert_eq!(
            normal(
                "2026年度泉州市人民政府办公室部门收入预算",
                "泉州市人民政府办公室"
            ),
            "收入预算"
        );
        assert_eq!(
            normal("2026年本部门财政拨款“三公”经费", ""),
            "财政拨款三公经费"
        );
        // The year after the name (Shenzhen): `公务用车购置费2026年预算数`.
        assert_eq!(normal("公务用车购置费2026年预算数", ""), "公务用车购置费");
        // An organisation's name before the year, whatever the document calls itself.
        assert_eq!(
            normal(
                "苏州市科学技术局2026年收入预算合计",
                "苏州市科学技术局（本级）"
            ),
            "收入预算合计"
        );
        // The department by its short name (Beijing).
        assert_eq!(
            normal("2026年市民政局政府采购预算总额", "北京市民政局"),
            "政府采购预算总额"
        );
        assert_eq!(normal("公务接待费2026年度预算", ""), "公务接待费");
        assert_eq!(normal("2026年", ""), "");
        assert_eq!(normal("增长2026年", ""), "增长");
        assert_eq!(
            code_of("2010301-行政运行", 2026).as_deref(),
            Some("2010301")
        );
        assert_eq!(code_of("2026年预算安排", 2026), None);
        assert_eq!(
            code_of("一般行政管理事务（2010302）", 2026).as_deref(),
            Some("2010302")
        );
        assert_eq!(
            code_of("住房改革支出（款）住房公积金（项）支出", 2026).as_deref(),
            Some("2210201")
        );
        assert_eq!(
            code_of(
                "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
                2026
            )
            .as_deref(),
            Some("2080505")
        );
        // 行政运行 is a 项 under many 款: without its 款 it names no one code.
        assert_eq!(code_of("行政运行（项）", 2026), None);
        // Economic classes closed by their code; an item's number is no code.
        assert_eq!(
            code_of("（2）商品和服务支出（302）", 2026).as_deref(),
            Some("302")
        );
        assert_eq!(
            code_of("机关工资福利支出（501）", 2026).as_deref(),
            Some("501")
        );
        assert_eq!(code_of("（3）", 2026), None);
        assert_eq!(code_of("（301）", 2026), None);
        assert_eq!(code_of("会议费（30215）", 2026).as_deref(), Some("30215"));
        assert_eq!(years_named("2025年预算执行数"), [2025]);
    }
}
