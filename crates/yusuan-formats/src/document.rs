//! The whole disclosure as one document, in the reference's order: 第一部分 部门概况（主要职能、
//! 机构设置及人员情况）, 第二部分 公开表（表1–表11）, 第三部分 情况说明. As plain text (what a
//! PDF-to-text tool gives of a published document, and what the importer reads back) and as
//! Markdown.

use crate::{narrative, tables};
use yusuan_core::disclosure::{Disclosure, PrintedStaff, Section};

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
    out.push_str(&format!("\n{four}\n\n"));
    for (number, term, text) in glossary_entries() {
        out.push_str(&format!("{number}、{term}：{text}\n"));
    }
    out
}

/// Chinese numerals for the glossary's entries.
const NUMERALS: [&str; 20] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七", "十八", "十九", "二十",
];

/// 名词解释 numbered: (一, term, explanation), …
pub(crate) fn glossary_entries() -> Vec<(&'static str, &'static str, &'static str)> {
    NUMERALS
        .iter()
        .zip(yusuan_core::glossary::standard())
        .map(|(n, (term, text))| (*n, term, text))
        .collect()
}

fn markdown_section(s: &Section, depth: usize, out: &mut String) {
    let sep = if s.number.starts_with('（') {
        ""
    } else {
        "、"
    };
    out.push_str(&format!(
        "{} {}{sep}{}\n\n",
        "#".repeat(depth),
        s.number,
        s.title
    ));
    if !s.sentences.is_empty() {
        let paragraph: String = s.sentences.iter().map(|x| x.text.as_str()).collect();
        out.push_str(&paragraph);
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
        "# {title}\n\n## {one}\n\n### 一、主要职能\n\n{}\n\n### 二、机构设置及人员情况\n\n{}{}\n\n",
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
    out.push_str(&format!("## {four}\n\n"));
    for (number, term, text) in glossary_entries() {
        out.push_str(&format!("{number}、**{term}**：{text}\n\n"));
    }
    out
}
