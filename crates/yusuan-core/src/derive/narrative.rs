//! 第三部分 部门预算情况说明, generated from the budget in the reference's register: totals,
//! shares (占 x%), changes against last year (比上年预算增加/减少 x 万元，增长/下降 y%; 与上年预算
//! 持平 when equal; 为本年新增 from a zero base) and the department's reasons, quoted. A missing
//! reason is left out — the check engine reports it — never invented.
//!
//! Every sentence carries the claims the shared claim reader finds in it, so a generated
//! narrative reads back exactly and passes the narrative rules.

use crate::budget::{Budget, Fact, FiscalBudget, FundSource, Subject, ThreePublic, Use};
use crate::codes::FuncCode;
use crate::disclosure::{Narrative, Section, Sentence, Table};
use crate::money::Fen;
use crate::source::SourceRef;
use std::collections::BTreeSet;

fn wan(f: Fen) -> String {
    f.to_wan2().to_string()
}

/// part ÷ whole as a percentage with two decimals, rounded half up.
fn pct(part: Fen, whole: Fen) -> String {
    crate::money::percent(part.fen(), whole.fen())
}

/// 一, 二, … 十, 十一, … 九十九 — the numbering of headings and list items.
pub fn chinese_numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10..=19 => format!("十{}", D[n % 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

fn sentence(text: String) -> Sentence {
    Sentence {
        claims: crate::claims::claims(&text),
        text,
        source: SourceRef::Derived,
    }
}

/// “{lead}：a、b、c。”, or “{lead}。” less the colon when there is nothing to list.
fn listing(lead: &str, items: &[String], sep: &str) -> String {
    if items.is_empty() {
        format!(
            "{}。",
            lead.trim_end_matches(['：', '，'])
                .trim_end_matches("主要包括")
                .trim_end_matches('，')
        )
    } else {
        format!("{lead}{}。", items.join(sep))
    }
}

/// A section; a lead ending in “：” (“…，其中：”) is one sentence with what follows it, as a
/// reader of the printed paragraph sees it.
fn section(number: &str, title: String, sentences: Vec<Sentence>) -> Section {
    let mut merged: Vec<Sentence> = Vec::new();
    let mut lead = String::new();
    for s in sentences {
        // Only the generator's own leads; a department's text ending in “：” stays as written.
        if s.text.ends_with("其中：") || s.text.ends_with("情况为：") {
            lead.push_str(&s.text);
        } else if lead.is_empty() {
            merged.push(s);
        } else {
            merged.push(sentence(std::mem::take(&mut lead) + &s.text));
        }
    }
    if !lead.is_empty() {
        merged.push(sentence(lead.trim_end_matches('：').to_string() + "。"));
    }
    Section {
        number: number.into(),
        title,
        sentences: merged,
        subsections: Vec::new(),
        source: SourceRef::Derived,
    }
}

/// “，比上年预算增加 x 万元，增长 y%，主要原因是…” for a subject with a comparison.
fn change(b: &Budget, subject: &Subject, this: Fen) -> String {
    let Some(c) = b.comparison(subject) else {
        return String::new();
    };
    let last = c.last_year;
    let d = this - last;
    let mut s = if last.is_zero() && this.fen() > 0 {
        "，为本年新增".to_string()
    } else if d.is_zero() {
        "，与上年预算持平".to_string()
    } else if last.fen() > 0 {
        let (more, grow) = if d.fen() > 0 {
            ("增加", "增长")
        } else {
            ("减少", "下降")
        };
        format!(
            "，比上年预算{more} {} 万元，{grow} {}%",
            wan(Fen(d.fen().abs())),
            pct(Fen(d.fen().abs()), last)
        )
    } else {
        String::new()
    };
    if let Some(r) = c
        .reason
        .as_deref()
        .map(|r| r.trim().trim_end_matches('。'))
        .filter(|r| !r.is_empty())
        && !s.is_empty()
    {
        s.push_str(&format!("，主要原因是{r}"));
    }
    s
}

fn general(f: &Fact) -> bool {
    f.fund.current_fiscal() == Some(FiscalBudget::General)
}

/// Which facts a group sums.
type Keep = fn(&Fact) -> bool;

/// The income groups of section 二, with what they sum.
const INCOME: [(&str, Keep); 7] = [
    ("一般公共预算", |f| general(f)),
    ("政府性基金预算", |f| {
        f.fund.current_fiscal() == Some(FiscalBudget::GovFund)
    }),
    ("国有资本经营预算", |f| {
        f.fund.current_fiscal() == Some(FiscalBudget::StateCapital)
    }),
    ("财政专户管理资金", |f| {
        f.fund == FundSource::SpecialAccount
    }),
    ("单位资金", |f| f.fund.is_unit_funds()),
    ("财政拨款结转", |f| f.fund.carried_fiscal().is_some()),
    ("非财政拨款结转结余", |f| {
        f.fund.is_non_fiscal_carry_over()
    }),
];

fn name(b: &Budget, code: FuncCode) -> String {
    b.func_name(code).unwrap_or_default()
}

/// The narrative of a budget; `tables` are its derived tables (for the empty-table sentences).
pub(super) fn build(b: &Budget, tables: &[Table]) -> Narrative {
    let d = &b.department.name;
    let y = b.year;
    let word = b.kind.word();
    let total = b.sum(|_| true);
    let mut sections = Vec::new();

    // 一 总体说明
    let groups: Vec<String> = INCOME
        .iter()
        .filter(|(_, f)| !b.sum(f).is_zero())
        .map(|(n, _)| n.to_string())
        .collect();
    let classes: BTreeSet<FuncCode> = b
        .facts
        .iter()
        .filter(|f| !f.amount.is_zero())
        .map(|f| f.func.class())
        .collect();
    let class_names: Vec<String> = classes.iter().map(|c| name(b, *c)).collect();
    sections.push(section(
        "一",
        format!("关于{d}{y}年收支预算情况的总体说明"),
        vec![
            sentence(format!(
                "按照全口径预算的原则，{d}{y}年所有收入和支出均纳入{word}预算管理。"
            )),
            sentence(format!("收支总预算 {} 万元。", wan(total))),
        ]
        .into_iter()
        .chain((!groups.is_empty()).then(|| sentence(listing("收入预算包括：", &groups, "、"))))
        .chain(
            (!class_names.is_empty())
                .then(|| sentence(listing("支出预算包括：", &class_names, "、"))),
        )
        .collect(),
    ));

    // 二 收入预算
    let mut s2 = vec![sentence(format!(
        "{d}{word}收入预算 {} 万元，其中：",
        wan(total)
    ))];
    // Each fiscal group is followed by its 上级转移支付, as the template prints them.
    let transfer = |group: &str| -> Option<(&'static str, FundSource)> {
        match group {
            "一般公共预算" => Some((
                "上级一般公共预算安排的转移支付资金",
                FundSource::GeneralBudgetTransfer,
            )),
            "政府性基金预算" => Some((
                "上级政府性基金安排的转移支付资金",
                FundSource::GovFundTransfer,
            )),
            "国有资本经营预算" => Some((
                "上级国有资本经营预算安排的转移支付资金",
                FundSource::StateCapitalTransfer,
            )),
            _ => None,
        }
    };
    for (group, keep) in INCOME {
        let amount = b.sum(keep);
        let subject = Subject::Income(group.to_string());
        // Nothing this year and nothing last year: 未安排 (for the groups the template names);
        // nothing this year after something last year is a change to state.
        let had = b
            .comparison(&subject)
            .is_some_and(|c| !c.last_year.is_zero());
        if amount.is_zero() && !had {
            if b.comparison(&subject).is_none()
                && group != "财政专户管理资金"
                && group != "单位资金"
                && group != "财政拨款结转"
            {
                s2.push(sentence(format!("{group}未安排。")));
            }
        } else {
            s2.push(sentence(format!(
                "{group} {} 万元，占 {}%{}。",
                wan(amount),
                pct(amount, total),
                change(b, &subject, amount)
            )));
        }
        if let Some((name, fund)) = transfer(group) {
            let t = b.sum(|f| f.fund == fund);
            s2.push(sentence(if t.is_zero() {
                format!("{name}未安排。")
            } else {
                format!("其中：{name} {} 万元。", wan(t))
            }));
        }
    }
    sections.push(section("二", format!("关于{d}{y}年收入预算情况说明"), s2));

    // 三 支出预算
    let basic = b.sum(|f| f.use_.is_basic());
    let project = b.sum(|f| !f.use_.is_basic());
    sections.push(section(
        "三",
        format!("关于{d}{y}年支出预算情况说明"),
        vec![
            sentence(format!("{d}{y}年支出预算 {} 万元，其中：", wan(total))),
            sentence(format!(
                "基本支出 {} 万元，占 {}%{}。",
                wan(basic),
                pct(basic, total),
                change(b, &Subject::Basic, basic)
            )),
            sentence(format!(
                "项目支出 {} 万元，占 {}%{}。",
                wan(project),
                pct(project, total),
                change(b, &Subject::ProjectSpending, project)
            )),
        ],
    ));

    // 四 财政拨款收支总体情况
    let fiscal = b.sum(|f| f.fund.current_fiscal().is_some());
    let general_total = b.sum(general);
    // Each fiscal budget's spending by 类, with what the department says each is used for.
    let fiscal_uses = |fb: FiscalBudget| -> Vec<String> {
        let of = |f: &Fact| f.fund.current_fiscal() == Some(fb);
        let classes: BTreeSet<FuncCode> = b
            .facts
            .iter()
            .filter(|f| of(f) && !f.amount.is_zero())
            .map(|f| f.func.class())
            .collect();
        classes
            .iter()
            .map(|c| {
                let amount = b.sum(|f| of(f) && f.func.class() == *c);
                match b
                    .notes
                    .class_usage
                    .get(c)
                    .filter(|_| fb == FiscalBudget::General)
                {
                    Some(u) => format!("{} {} 万元，{u}", name(b, *c), wan(amount)),
                    None => format!("{} {} 万元", name(b, *c), wan(amount)),
                }
            })
            .collect()
    };
    let gen_classes: BTreeSet<FuncCode> = b
        .facts
        .iter()
        .filter(|f| general(f) && !f.amount.is_zero())
        .map(|f| f.func.class())
        .collect();
    let mut s4 = vec![sentence(format!(
        "{y}年财政拨款收支总预算 {} 万元。",
        wan(fiscal)
    ))];
    // “收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算。”
    let fiscal_kinds = [
        (FiscalBudget::General, "一般公共预算拨款"),
        (FiscalBudget::GovFund, "政府性基金预算拨款"),
        (FiscalBudget::StateCapital, "国有资本经营预算"),
    ];
    let (present, absent): (Vec<_>, Vec<_>) = fiscal_kinds
        .iter()
        .partition(|(k, _)| !b.sum(|f| f.fund.current_fiscal() == Some(*k)).is_zero());
    if present.len() == 1 {
        let absent: Vec<&str> = absent.iter().map(|(_, n)| *n).collect();
        s4.push(sentence(format!(
            "收入全部为{}，无{}。",
            present[0].1,
            absent.join("和")
        )));
    }
    if !present.is_empty() {
        let incomes: Vec<String> = present
            .iter()
            .map(|(k, label)| {
                format!(
                    "{label} {} 万元",
                    wan(b.sum(|f| f.fund.current_fiscal() == Some(*k)))
                )
            })
            .collect();
        s4.push(sentence(format!("收入预算包括：{}。", incomes.join("，"))));
        for (k, label) in &present {
            let lead = format!("{}支出包括：", label.trim_end_matches("拨款"));
            s4.push(sentence(listing(&lead, &fiscal_uses(*k), "；")));
        }
    }
    sections.push(section(
        "四",
        format!("关于{d}{y}年财政拨款收支预算情况的总体说明"),
        s4,
    ));

    // 五 一般公共预算当年拨款
    let gen_basic = b.sum(|f| general(f) && f.use_.is_basic());
    let gen_project = b.sum(|f| general(f) && !f.use_.is_basic());
    let mut five = section(
        "五",
        format!("关于{d}{y}年一般公共预算当年拨款情况说明"),
        Vec::new(),
    );
    five.subsections.push(section(
        "（一）",
        "一般公共预算当年拨款规模变化情况".into(),
        vec![
            sentence(format!(
                "{d}{y}年一般公共预算拨款合计 {} 万元，其中：",
                wan(general_total)
            )),
            sentence(format!(
                "基本支出 {} 万元{}。",
                wan(gen_basic),
                change(b, &Subject::GeneralBasic, gen_basic)
            )),
            sentence(format!(
                "项目支出 {} 万元{}。",
                wan(gen_project),
                change(b, &Subject::GeneralProject, gen_project)
            )),
        ],
    ));
    let structure = gen_classes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let amount = b.sum(|f| general(f) && f.func.class() == *c);
            sentence(format!(
                "{}、{}（类）{} 万元，占 {}%。",
                i + 1,
                name(b, *c),
                wan(amount),
                pct(amount, general_total)
            ))
        })
        .collect();
    five.subsections.push(section(
        "（二）",
        "一般公共预算当年拨款结构情况".into(),
        structure,
    ));
    // 项 spent this year, and 项 last year's budget had.
    let mut items: BTreeSet<FuncCode> = b
        .facts
        .iter()
        .filter(|f| general(f) && !f.amount.is_zero())
        .map(|f| f.func)
        .collect();
    items.extend(b.comparisons.iter().filter_map(|c| {
        if let Subject::GeneralFunc(code) = c.subject {
            Some(code)
        } else {
            None
        }
    }));
    let uses = items
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let amount = b.sum(|f| general(f) && f.func == *code);
            let chain = format!(
                "{}（类）{}（款）{}（项）",
                name(b, code.class()),
                code.kuan().map(|k| name(b, k)).unwrap_or_default(),
                name(b, *code)
            );
            sentence(format!(
                "{}、{chain}：{y}年预算数为 {} 万元{}。",
                i + 1,
                wan(amount),
                change(b, &Subject::GeneralFunc(*code), amount)
            ))
        })
        .collect();
    five.subsections.push(section(
        "（三）",
        "一般公共预算当年拨款具体使用情况".into(),
        uses,
    ));
    sections.push(five);

    // 六 基本支出
    let econ_names = |keep: &dyn Fn(&Fact) -> bool| -> Vec<String> {
        let codes: BTreeSet<_> = b
            .facts
            .iter()
            .filter(|f| general(f) && keep(f) && !f.amount.is_zero())
            .map(|f| f.econ)
            .collect();
        codes.iter().filter_map(|c| b.econ_name(*c)).collect()
    };
    let personnel = b.sum(|f| general(f) && f.use_ == Use::Personnel);
    let public = b.sum(|f| general(f) && f.use_ == Use::Public);
    sections.push(section(
        "六",
        format!("关于{d}{y}年一般公共预算基本支出情况说明"),
        vec![
            sentence(format!(
                "{d}{y}年一般公共预算基本支出 {} 万元，其中：",
                wan(gen_basic)
            )),
            sentence(listing(
                &format!("人员经费 {} 万元，主要包括：", wan(personnel)),
                &econ_names(&|f| f.use_ == Use::Personnel),
                "、",
            )),
            sentence(listing(
                &format!("公用经费 {} 万元，主要包括：", wan(public)),
                &econ_names(&|f| f.use_ == Use::Public),
                "、",
            )),
        ],
    ));

    // 七 项目支出
    let mut seven = section(
        "七",
        format!("关于{d}{y}年一般公共预算项目支出情况说明"),
        Vec::new(),
    );
    let mut n = 0;
    for (i, p) in b.projects.iter().enumerate() {
        let scale = b.sum(|f| f.use_ == Use::Project(i) && general(f));
        if scale.is_zero() {
            continue;
        }
        let number = format!("（{}）", chinese_numeral(n + 1));
        n += 1;
        let items: Vec<String> = p
            .allocation
            .iter()
            .map(|a| format!("{} {} 万元", a.label, a.amount.exact_wan()))
            .collect();
        // What the source leaves empty is left out, not invented: the rules report it there.
        let mut ss = Vec::new();
        let basis = p.basis.trim().trim_end_matches('。');
        if !basis.is_empty() {
            ss.push(sentence(format!("设立的政策依据：{basis}。")));
        }
        ss.push(sentence(format!("预算安排规模：{} 万元。", wan(scale))));
        let executor = if p.executor.trim().is_empty() {
            b.project_unit(p)
        } else {
            p.executor.trim()
        };
        if !executor.is_empty() {
            ss.push(sentence(format!("项目承担单位：{executor}。")));
        }
        let purpose = p.purpose.trim().trim_end_matches('。').trim();
        if items.is_empty() && !purpose.is_empty() {
            ss.push(sentence(format!("资金分配情况：{purpose}。")));
        }
        if !items.is_empty() {
            let lead = if purpose.is_empty() {
                String::new()
            } else {
                format!("{purpose}，")
            };
            ss.push(sentence(format!(
                "资金分配情况：{lead}用于{}等方面支出。",
                items.join("、")
            )));
        }
        let period = p.period.trim().trim_end_matches('。').trim();
        if !period.is_empty() {
            ss.push(sentence(format!("资金执行时间：{period}。")));
        }
        seven
            .subsections
            .push(section(&number, format!("项目名称：{}", p.name), ss));
    }
    if seven.subsections.is_empty() {
        seven
            .sentences
            .push(sentence(format!("{d}{y}年没有一般公共预算项目支出。")));
    }
    sections.push(seven);

    // 八、九 政府性基金、国有资本经营预算
    for (number, table, fb) in [
        ("八", 8u8, FiscalBudget::GovFund),
        ("九", 9u8, FiscalBudget::StateCapital),
    ] {
        let amount = b.sum(|f| f.fund.current_fiscal() == Some(fb));
        let text = match tables
            .iter()
            .find(|t| t.number == table)
            .and_then(|t| t.empty_statement.clone())
        {
            Some(s) if amount.is_zero() => s,
            _ => format!(
                "{d}{y}年{}拨款安排的支出 {} 万元。",
                fb.label(),
                wan(amount)
            ),
        };
        sections.push(section(
            number,
            format!("关于{d}{y}年{}拨款情况说明", fb.label()),
            vec![sentence(text)],
        ));
    }

    // 十 三公
    let tp = |i: ThreePublic| {
        b.sum(|f| f.fund.current_fiscal().is_some() && ThreePublic::of_econ(f.econ) == Some(i))
    };
    let tp_total = b.this_year(&Subject::ThreePublicTotal);
    let order = [
        ThreePublic::Abroad,
        ThreePublic::VehiclePurchase,
        ThreePublic::VehicleOperation,
        ThreePublic::Reception,
    ];
    let listed: Vec<String> = order
        .iter()
        .map(|i| format!("{} {} 万元", i.label(), wan(tp(*i))))
        .collect();
    let mut s10 = vec![sentence(format!(
        "{d}{y}年财政拨款“三公”经费数为 {} 万元，其中：{}。",
        wan(tp_total),
        listed.join("，")
    ))];
    if b.comparison(&Subject::ThreePublicTotal).is_some() {
        s10.push(sentence(format!(
            "{y}年财政拨款“三公”经费预算{}。",
            change(b, &Subject::ThreePublicTotal, tp_total).trim_start_matches('，')
        )));
    }
    for i in order {
        let c = change(b, &Subject::ThreePublicItem(i), tp(i));
        if !c.is_empty() {
            s10.push(sentence(format!(
                "{}{}。",
                i.label(),
                c.trim_start_matches('，')
            )));
        }
    }
    sections.push(section(
        "十",
        format!("关于{d}{y}年财政拨款“三公”经费预算情况说明"),
        s10,
    ));

    // 十一 上年结转结余
    let carry = b.sum(|f| f.fund.is_carry_over());
    let mut s11 = Vec::new();
    if carry.is_zero() {
        s11.push(sentence(format!("{d}{y}年没有上年结转结余。")));
    } else {
        let fiscal_carry = b.sum(|f| f.fund.carried_fiscal().is_some());
        s11.push(sentence(format!(
            "{d}{y}年上年结转结余 {} 万元，包括：财政拨款 {} 万元，非财政拨款 {} 万元。",
            wan(carry),
            wan(fiscal_carry),
            wan(carry - fiscal_carry)
        )));
        for (i, p) in b.projects.iter().enumerate() {
            let amount = b.sum(|f| f.use_ == Use::Project(i) && f.fund.is_carry_over());
            if amount.is_zero() {
                continue;
            }
            let purpose = p
                .carry_over_use
                .as_deref()
                .map(|u| u.trim().trim_end_matches('。').trim())
                .filter(|u| !u.is_empty())
                .map(|u| format!("，主要用于：{u}"))
                .unwrap_or_default();
            s11.push(sentence(format!(
                "{}结转 {} 万元{purpose}。",
                p.name,
                wan(amount)
            )));
        }
    }
    sections.push(section(
        "十一",
        format!("关于{d}{y}年上年结转结余预算情况说明"),
        s11,
    ));

    // 十二 其他重要事项
    let mut twelve = section("十二", "其他重要事项的情况说明".into(), Vec::new());
    let running = b.this_year(&Subject::RunningCost);
    let kind = if b.department.unit_type.contains("事业")
        && !["参照", "参公", "行政"]
            .iter()
            .any(|w| b.department.unit_type.contains(w))
    {
        "事业单位"
    } else {
        "机关"
    };
    twelve.subsections.push(section(
        "（一）",
        format!("{kind}运行经费情况"),
        vec![sentence(format!(
            "{d}{y}年的{kind}运行经费财政拨款预算 {} 万元{}。",
            wan(running),
            change(b, &Subject::RunningCost, running)
        ))],
    ));
    let p = &b.procurement;
    twelve.subsections.push(section(
        "（二）",
        "政府采购情况".into(),
        vec![
            sentence(format!(
                "{y}年，{d}政府采购预算 {} 万元，其中：政府采购货物预算 {} 万元，政府采购工程预算 {} 万元，政府采购服务预算 {} 万元。",
                wan(p.goods + p.works + p.services),
                wan(p.goods),
                wan(p.works),
                wan(p.services)
            )),
            sentence(format!(
                "{y}年，{d}面向中小企业预留政府采购项目预算金额 {} 万元，其中小微企业预留政府采购项目预算金额 {} 万元。",
                wan(p.sme_reserved),
                wan(p.small_micro_reserved)
            )),
        ],
    ));
    let a = &b.assets;
    let vehicles: u32 = a.vehicles.iter().map(|v| v.count).sum();
    let vehicle_value: Fen = a.vehicles.iter().map(|v| v.value).sum();
    let by_kind: Vec<String> = a
        .vehicles
        .iter()
        .map(|v| format!("{} {}辆，价值 {} 万元", v.kind, v.count, wan(v.value)))
        .collect();
    let vehicle_line = if by_kind.is_empty() {
        format!("2.车辆 {vehicles}辆，价值 {} 万元。", wan(vehicle_value))
    } else {
        format!(
            "2.车辆 {vehicles}辆，价值 {} 万元；其中：{}。",
            wan(vehicle_value),
            by_kind.join("；")
        )
    };
    let planned = if a.planned_vehicles == 0 {
        format!("{y}年{word}预算未安排购置车辆经费")
    } else {
        format!("{y}年{word}预算安排购置车辆 {} 辆", a.planned_vehicles)
    };
    twelve.subsections.push(section(
        "（三）",
        "国有资产占用使用情况".into(),
        vec![
            sentence(format!("截至{}，{d}占用使用国有资产总体情况为：", a.as_of)),
            sentence(format!("1.房屋 {} 平方米，价值 {} 万元。", a.building_area, wan(a.building_value))),
            sentence(vehicle_line),
            sentence(format!("3.办公家具价值 {} 万元。", wan(a.furniture_value))),
            sentence(format!("4.其他资产价值 {} 万元。", wan(a.other_value))),
            sentence(format!(
                "{word}价值 50 万元以上大型设备 {} 台，{word}价值 100 万元以上大型设备 {} 台。",
                a.equipment_over_50, a.equipment_over_100
            )),
            sentence(format!(
                "{planned}，安排购置 50 万元以上大型设备 {} 台，单位价值 100 万元以上大型设备 {} 台。",
                a.planned_equipment_over_50, a.planned_equipment_over_100
            )),
        ],
    ));
    // 预算绩效: the overall target covers the whole budget; the projects' money by whether
    // it is 财政拨款 (this year's or carried over) or not.
    let with_targets = b
        .projects
        .iter()
        .filter(|p| p.performance.is_some())
        .count();
    let project_money = |fiscal: bool| {
        b.sum(|f| {
            !f.use_.is_basic()
                && (f.fund.current_fiscal().is_some() || f.fund.carried_fiscal().is_some())
                    == fiscal
        })
    };
    let targets = match (b.projects.len(), with_targets) {
        (0, _) => String::new(),
        (n, k) if n == k => "，均编制了绩效目标".to_string(),
        (_, k) => format!("，其中 {k} 个编制了绩效目标"),
    };
    twelve.subsections.push(section(
        "（四）",
        "预算绩效情况".into(),
        vec![sentence(format!(
            "{y}年，本{word}预算绩效管理整体预算绩效目标 {} 个，涉及预算金额 {} 万元；当年预算安排项目共 {} 个{targets}，其中：财政拨款项目涉及预算金额 {} 万元；非财政拨款项目涉及预算金额 {} 万元。",
            usize::from(b.overall_performance.is_some()),
            wan(total),
            b.projects.len(),
            wan(project_money(true)),
            wan(project_money(false)),
        ))],
    ));
    let other = b
        .notes
        .other_matters
        .clone()
        .unwrap_or_else(|| format!("本{word}无其他需说明事项。"));
    twelve.subsections.push(section(
        "（五）",
        "其他需说明的事项".into(),
        vec![sentence(other)],
    ));
    sections.push(twelve);

    Narrative { sections }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_go_past_ten() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99]
            .iter()
            .map(|n| chinese_numeral(*n))
            .collect();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九"]
        );
    }

    #[test]
    fn shares_round_half_up_on_the_magnitude() {
        assert_eq!(pct(Fen(4_757_400), Fen(4_807_400)), "98.96");
        assert_eq!(pct(Fen(-123_400), Fen(48_074_000)), "-0.26");
        assert_eq!(pct(Fen(1), Fen(0)), "0.00");
    }
}
