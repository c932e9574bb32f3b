//! A [`Budget`] written back as a source file: the canonical form of the format, amounts in 元,
//! one fact per line, sections in the order of `docs/source-format.md`. Reading the result gives
//! the same budget (tested over random budgets); comments of the original are not kept.

use std::fmt::Write as _;
use yusuan_core::Budget;
use yusuan_core::budget::{Comparator, DocKind, Indicator, Use};
use yusuan_core::money::Fen;

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub(crate) fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An amount in 元, exact: `587420.00`.
pub(crate) fn yuan(f: Fen) -> String {
    let v = f.fen();
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// A 分值权重 kept in hundredths, as the source writes it: `30`, `7.5`, `2.25`.
pub(crate) fn weight(w: i64) -> String {
    match (w / 100, w % 100) {
        (i, 0) => i.to_string(),
        (i, f) if f % 10 == 0 => format!("{i}.{}", f / 10),
        (i, f) => format!("{i}.{f:02}"),
    }
}

/// The source's word for a comparator.
pub(crate) fn cmp(c: Comparator) -> &'static str {
    match c {
        Comparator::Ge => ">=",
        Comparator::Gt => ">",
        Comparator::Le => "<=",
        Comparator::Lt => "<",
        Comparator::Eq => "=",
        Comparator::Qualitative => "定性",
    }
}

/// The source's word for a fact's use.
pub(crate) fn kind(u: &Use) -> &'static str {
    match u {
        Use::Personnel => "人员经费",
        Use::Public => "公用经费",
        Use::Project(_) => "项目支出",
    }
}

pub(crate) fn doc_kind(k: DocKind) -> &'static str {
    match k {
        DocKind::Department => "部门预算",
        DocKind::Unit => "单位预算",
    }
}

fn list(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", v.join(", "))
}

fn indicator(i: &Indicator) -> String {
    let mut parts = vec![
        format!("level1 = {}", q(&i.level1)),
        format!("level2 = {}", q(&i.level2)),
        format!("name = {}", q(&i.name)),
        format!("cmp = {}", q(cmp(i.comparator))),
        format!("value = {}", q(&i.value)),
    ];
    if !i.unit.is_empty() {
        parts.push(format!("unit = {}", q(&i.unit)));
    }
    if !i.basis.is_empty() {
        parts.push(format!("basis = {}", q(&i.basis)));
    }
    if let Some(l) = &i.last_year {
        parts.push(format!("last_year = {}", q(l)));
    }
    if let Some(w) = i.weight {
        parts.push(format!("weight = {}", weight(w)));
    }
    if !i.scoring.is_empty() {
        parts.push(format!("scoring = {}", q(&i.scoring)));
    }
    if !i.evidence.is_empty() {
        parts.push(format!("evidence = {}", q(&i.evidence)));
    }
    format!("  {{ {} }},\n", parts.join(", "))
}

fn opt(out: &mut String, key: &str, v: Option<&String>) {
    if let Some(v) = v {
        let _ = writeln!(out, "{key} = {}", q(v));
    }
}

/// The budget as a source file.
pub fn write(b: &Budget) -> String {
    let mut o = String::new();
    let d = &b.department;
    let _ = writeln!(
        o,
        "# {} {} 年{} — yusuan 预算源文件\n",
        d.name,
        b.year,
        doc_kind(b.kind)
    );
    let _ = writeln!(
        o,
        "[document]\nyear = {}\nkind = {}\nunit = \"元\"",
        b.year,
        q(doc_kind(b.kind))
    );
    opt(&mut o, "date", b.date.as_ref());
    let _ = writeln!(
        o,
        "\n[department]\nname = {}\nunit_type = {}\nfunctions = {}\nsubordinate_units = {}\noffices = {}",
        q(&d.name),
        q(&d.unit_type),
        q(&d.functions),
        list(&d.subordinate_units),
        list(&d.offices)
    );
    opt(&mut o, "contact", d.contact.as_ref());
    opt(&mut o, "phone", d.phone.as_ref());
    let s = &d.staff;
    let _ = writeln!(
        o,
        "\n[staff]\nauthorized = {}\nin_service = {}\nretired = {}\nlixiu = {}",
        s.authorized, s.in_service, s.retired, s.lixiu
    );
    if let Some(a) = s.actual {
        let _ = writeln!(o, "actual = {a}");
    }
    let _ = writeln!(
        o,
        "in_service_change = {}\nretired_change = {}\nlixiu_change = {}",
        s.in_service_change, s.retired_change, s.lixiu_change
    );
    if !b.local_func_names.is_empty() {
        o.push_str("\n[subjects]\n");
        for (code, name) in &b.local_func_names {
            let _ = writeln!(o, "\"{code}\" = {}", q(name));
        }
    }
    o.push_str("\n[ledger]\nfacts = [\n");
    for f in &b.facts {
        let mut parts = vec![
            format!("func = \"{}\"", f.func),
            format!("econ = \"{}\"", f.econ),
            format!("fund = {}", q(f.fund.label())),
            format!("kind = {}", q(kind(&f.use_))),
        ];
        if let Use::Project(i) = f.use_
            && let Some(p) = b.projects.get(i)
        {
            parts.push(format!("project = {}", q(&p.name)));
        }
        if let Some(u) = &f.unit {
            parts.push(format!("unit = {}", q(u)));
        }
        parts.push(format!("amount = {}", yuan(f.amount)));
        let _ = writeln!(o, "  {{ {} }},", parts.join(", "));
    }
    o.push_str("]\n");
    for p in &b.projects {
        let _ = writeln!(o, "\n[[project]]\nname = {}", q(&p.name));
        opt(&mut o, "unit", p.unit.as_ref());
        let _ = writeln!(o, "basis = {}\nexecutor = {}", q(&p.basis), q(&p.executor));
        opt(&mut o, "leader", p.leader.as_ref());
        let _ = writeln!(o, "period = {}\npurpose = {}", q(&p.period), q(&p.purpose));
        o.push_str("allocation = [\n");
        for a in &p.allocation {
            let econ = a
                .econ
                .map(|e| format!(", econ = \"{e}\""))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {{ item = {}{econ}, amount = {} }},",
                q(&a.label),
                yuan(a.amount)
            );
        }
        o.push_str("]\n");
        opt(&mut o, "carry_over_use", p.carry_over_use.as_ref());
        if let Some(perf) = &p.performance {
            let _ = writeln!(o, "\n[project.performance]\ngoal = {}", q(&perf.goal));
            for (key, v) in [
                ("total", perf.stated_total),
                ("fiscal", perf.stated_fiscal),
                ("other", perf.stated_other),
            ] {
                if let Some(v) = v {
                    let _ = writeln!(o, "{key} = {}", yuan(v));
                }
            }
            o.push_str("indicators = [\n");
            perf.indicators
                .iter()
                .for_each(|i| o.push_str(&indicator(i)));
            o.push_str("]\n");
        }
    }
    let pr = &b.procurement;
    let _ = writeln!(
        o,
        "\n[procurement]\ngoods = {}\nworks = {}\nservices = {}\nsme_reserved = {}\nsmall_micro_reserved = {}",
        yuan(pr.goods),
        yuan(pr.works),
        yuan(pr.services),
        yuan(pr.sme_reserved),
        yuan(pr.small_micro_reserved)
    );
    let a = &b.assets;
    let _ = writeln!(
        o,
        "\n[assets]\nas_of = {}\nbuilding_area = {}\nbuilding_value = {}\nvehicles = [",
        q(&a.as_of),
        q(&a.building_area),
        yuan(a.building_value)
    );
    for v in &a.vehicles {
        let _ = writeln!(
            o,
            "  {{ kind = {}, count = {}, value = {} }},",
            q(&v.kind),
            v.count,
            yuan(v.value)
        );
    }
    let _ = writeln!(
        o,
        "]\nfurniture_value = {}\nother_value = {}\nequipment_over_50 = {}\nequipment_over_100 = {}\nplanned_vehicles = {}\nplanned_equipment_over_50 = {}\nplanned_equipment_over_100 = {}",
        yuan(a.furniture_value),
        yuan(a.other_value),
        a.equipment_over_50,
        a.equipment_over_100,
        a.planned_vehicles,
        a.planned_equipment_over_50,
        a.planned_equipment_over_100
    );
    for c in &b.comparisons {
        let _ = writeln!(
            o,
            "\n[[comparison]]\nsubject = {}\nlast_year = {}",
            q(&c.subject.key()),
            yuan(c.last_year)
        );
        opt(&mut o, "reason", c.reason.as_ref());
    }
    if let Some(p) = &b.overall_performance {
        o.push_str("\n[overall_performance]\n");
        opt(&mut o, "printed_name", p.printed_name.as_ref());
        let _ = writeln!(o, "goal = {}", q(&p.goal));
        for (key, v) in [
            ("upper_funds", p.upper_funds),
            ("local_funds", p.local_funds),
            ("other_funds", p.other_funds),
        ] {
            if let Some(v) = v {
                let _ = writeln!(o, "{key} = {}", yuan(v));
            }
        }
        o.push_str("indicators = [\n");
        p.indicators.iter().for_each(|i| o.push_str(&indicator(i)));
        o.push_str("]\n");
    }
    let n = &b.notes;
    if n.other_matters.is_some() || n.glossary.is_some() || !n.class_usage.is_empty() {
        o.push_str("\n[notes]\n");
        opt(&mut o, "other_matters", n.other_matters.as_ref());
        opt(&mut o, "glossary", n.glossary.as_ref());
        if !n.class_usage.is_empty() {
            o.push_str("\n[notes.class_usage]\n");
            for (code, text) in &n.class_usage {
                let _ = writeln!(o, "\"{code}\" = {}", q(text));
            }
        }
    }
    o
}
