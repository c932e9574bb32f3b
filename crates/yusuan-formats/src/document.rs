//! The whole disclosure as one document, in the reference's order: 第一部分 部门概况（主要职能、
//! 机构设置及人员情况）, 第二部分 公开表（表1–表11）, 第三部分 情况说明. As plain text (what a
//! PDF-to-text tool gives of a published document, and what the importer reads back) and as
//! Markdown.

use crate::{narrative, tables};
use yusuan_core::derive::chinese_numeral;
use yusuan_core::disclosure::{
    Disclosure, PerformanceKind, PerformanceTable, PrintedStaff, Section,
};

/// “X编制数 15，实有人数 20人，其中：在职 14人，增加 0人；退休 6人，增加 0人；离休 0人，增加 0人。”
pub fn staff_sentence(department: &str, s: &PrintedStaff) -> String {
    let n = |v: Option<u32>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    let change = |v: Option<i32>| match v {
        Some(v) if v < 0 => format!("减少 {}人", v.unsigned_abs()),
        Some(v) => format!("增加 {v}人"),
        None => "增加 —人".to_string(),
    };
    format!(
        "{department}编制数 {}，实有人数 {}人，其中：在职 {}人，{}；退休 {}人，{}；离休 {}人，{}。",
        n(s.authorized),
        n(s.actual),
        n(s.in_service),
        change(s.in_service_change),
        n(s.retired),
        change(s.retired_change),
        n(s.lixiu),
        change(s.lixiu_change),
    )
}

/// The document's title and the headings of its four parts.
pub(crate) fn titles(d: &Disclosure) -> [String; 5] {
    let word = d.kind.word();
    [
        format!("{}{}年{word}预算", d.department, d.year),
        format!("第一部分 {}年{}{word}概况", d.year, d.department),
        format!("第二部分 {}年{word}预算公开表", d.year),
        format!("第三部分 {}年{}{word}预算情况说明", d.year, d.department),
        "第四部分 名词解释".to_string(),
    ]
}

/// The document as text.
pub fn text(d: &Disclosure) -> String {
    let [title, one, two, three, four] = titles(d);
    let mut out = format!(
        "{title}\n\n{one}\n\n一、主要职能\n{}\n\n二、机构设置及人员情况\n{}\n{}\n\n",
        d.profile.functions,
        d.profile.organisation,
        staff_sentence(&d.department, &d.profile.staff)
    );
    out.push_str(&format!("{two}\n\n"));
    for t in &d.tables {
        out.push_str(&tables::text::render_table_plain(t));
        out.push('\n');
    }
    out.push_str(&format!("\n{three}\n\n"));
    out.push_str(&narrative::render(&d.narrative));
    performance_text(d, &mut out);
    out.push_str(&format!("\n{four}\n\n"));
    for (number, term, text) in glossary_entries(d) {
        out.push_str(&glossary_line(&number, term, text));
        out.push('\n');
    }
    out
}

/// 名词解释 numbered: (一, term, explanation), …
pub(crate) fn glossary_entries(d: &Disclosure) -> Vec<(String, &str, &str)> {
    d.glossary
        .iter()
        .enumerate()
        .map(|(i, (term, text))| (chinese_numeral(i + 1), term.as_str(), text.as_str()))
        .collect()
}

/// One glossary entry as a line: `一、财政拨款：指由…` (an entry without a term is its text).
pub(crate) fn glossary_line(number: &str, term: &str, text: &str) -> String {
    if term.is_empty() {
        format!("{number}、{text}")
    } else {
        format!("{number}、{term}：{text}")
    }
}

fn markdown_section(s: &Section, depth: usize, out: &mut String) {
    if let Some(h) = narrative::heading(s) {
        out.push_str(&format!("{} {h}\n\n", "#".repeat(depth)));
    }
    if let Some(p) = narrative::paragraph(s) {
        out.push_str(&p);
        out.push_str("\n\n");
    }
    for sub in &s.subsections {
        markdown_section(sub, depth + 1, out);
    }
}

/// The document as Markdown.
pub fn markdown(d: &Disclosure) -> String {
    let [title, one, two, three, four] = titles(d);
    let mut out = format!(
        "# {title}\n\n## {one}\n\n### 一、主要职能\n\n{}\n\n### 二、机构设置及人员情况\n\n{}\n\n{}\n\n",
        d.profile.functions,
        d.profile.organisation,
        staff_sentence(&d.department, &d.profile.staff)
    );
    out.push_str(&format!("## {two}\n\n"));
    for t in &d.tables {
        out.push_str(&tables::markdown::render_table(t).replacen("## ", "### ", 1));
        out.push('\n');
    }
    out.push_str(&format!("## {three}\n\n"));
    for s in &d.narrative.sections {
        markdown_section(s, 3, &mut out);
    }
    performance_markdown(d, &mut out);
    out.push_str(&format!("## {four}\n\n"));
    for (number, term, text) in glossary_entries(d) {
        let line = if term.is_empty() {
            format!("{number}、{text}")
        } else {
            format!("{number}、**{term}**：{text}")
        };
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

/// A performance target table's heading, and its header lines (label, value) in print order.
pub(crate) fn performance_header(
    p: &PerformanceTable,
    year: i32,
) -> (String, Vec<(String, String)>) {
    let mut lines = Vec::new();
    let title = match p.kind {
        PerformanceKind::Overall => {
            lines.push(("部门名称（盖章）".to_string(), p.unit.clone()));
            lines.push((
                "部门联系人".to_string(),
                p.contact.clone().unwrap_or_default(),
            ));
            "部门整体绩效目标表"
        }
        PerformanceKind::Project => {
            lines.push(("预算单位".to_string(), p.unit.clone()));
            lines.push((
                "项目名称".to_string(),
                p.project.clone().unwrap_or_default(),
            ));
            lines.push((
                "项目负责人".to_string(),
                p.contact.clone().unwrap_or_default(),
            ));
            "项目支出绩效目标表"
        }
    };
    if let Some(phone) = &p.phone {
        lines.push(("联系电话".to_string(), phone.clone()));
    }
    for (label, v) in &p.funds {
        lines.push((fund_label(label), v.to_string()));
    }
    let goal = match p.kind {
        PerformanceKind::Overall => "年度绩效目标",
        PerformanceKind::Project => "项目总体目标",
    };
    lines.push((goal.to_string(), p.goal.clone()));
    (format!("{title}（{year}年）"), lines)
}

/// A money line's label as printed: `财政资金/上级安排` → `上级安排（万元）`.
fn fund_label(path: &str) -> String {
    format!("{}（万元）", path.rsplit('/').next().unwrap_or(path))
}

/// The indicator columns of a performance target table.
pub(crate) const INDICATOR_HEAD: [&str; 9] = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "指标值设置依据",
    "上年完成值",
    "分值权重",
    "指标赋分规则",
    "佐证资料",
];

/// An indicator row's cells, in [`INDICATOR_HEAD`] order.
pub(crate) fn indicator_cells(i: &yusuan_core::disclosure::IndicatorRow) -> [String; 9] {
    [
        i.level1.clone(),
        i.level2.clone(),
        i.name.clone(),
        i.value.clone(),
        i.basis.clone(),
        i.last_year.clone().unwrap_or_default(),
        i.weight.map(|w| w.to_string()).unwrap_or_default(),
        i.scoring.clone(),
        i.evidence.clone(),
    ]
}

fn performance_markdown(d: &Disclosure, out: &mut String) {
    for p in &d.performance {
        let (title, lines) = performance_header(p, d.year);
        out.push_str(&format!("### {title}\n\n"));
        for (label, value) in lines {
            out.push_str(&format!("- {label}：{}\n", value.replace('\n', " ")));
        }
        out.push_str(&format!(
            "\n| {} |\n|{}\n",
            INDICATOR_HEAD.join(" | "),
            "---|".repeat(INDICATOR_HEAD.len())
        ));
        for i in &p.indicators {
            let cells = indicator_cells(i).map(|c| c.replace('|', "\\|").replace('\n', " "));
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out.push('\n');
    }
}

fn performance_text(d: &Disclosure, out: &mut String) {
    for p in &d.performance {
        let (title, lines) = performance_header(p, d.year);
        let (name, year) = title.split_once('（').unwrap_or((&title, ""));
        out.push_str(&format!("\n{name}\n（{year}\n"));
        for (label, value) in lines {
            out.push_str(&format!("{label} {value}\n"));
        }
        out.push_str(&INDICATOR_HEAD.join(" "));
        out.push('\n');
        for i in &p.indicators {
            out.push_str(&indicator_cells(i).join(" "));
            out.push('\n');
        }
    }
}
