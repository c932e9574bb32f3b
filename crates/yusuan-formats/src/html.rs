//! The whole document as one self-contained HTML file: inline CSS (screen and print), no
//! script, no external request; the tables with their multi-level headers merged, figures right
//! aligned in tabular digits; SVG charts drawn here from the printed figures (支出功能分类,
//! 基本支出与项目支出, 基本支出经济分类). Deterministic: the same document gives the same bytes.
//!
//! Geometry is integer arithmetic on printed figures: no floating point anywhere.

use crate::document::{
    INDICATOR_HEAD, glossary_entries, indicator_cells, performance_header, staff_sentence, titles,
};
use crate::tables::layout::layout;
use crate::tables::{side_by_side, spaced_code};
use yusuan_core::disclosure::{Disclosure, Row, RowKind, Section, Side, Table};
use yusuan_core::money::{MoneyUnit, Printed, Unit, percent};

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --rule: #444; --soft: #d9d9d9; --accent: #9b1c1c; --bar: #2f5d8a; --bar2: #c97b2a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; color: var(--ink);
  font-family: "Songti SC", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 15px; line-height: 1.8; }
h1, h2, h3, h4, nav, th, caption, .meta, figure figcaption {
  font-family: "Heiti SC", "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h1 { text-align: center; font-size: 28px; margin: 48px 0 8px; }
.cover-sub { text-align: center; color: #555; margin-bottom: 40px; }
h2 { font-size: 22px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 48px; }
h3 { font-size: 18px; margin-top: 28px; }
h4 { font-size: 16px; margin-top: 18px; }
p { text-indent: 2em; margin: 6px 0; text-align: justify; }
nav ol { columns: 2; font-size: 14px; }
nav a { color: inherit; text-decoration: none; }
section.table { margin: 28px 0; }
.table-no { text-align: left; font-weight: normal; font-size: 13px; color: #555; }
.meta { display: flex; justify-content: space-between; font-size: 13px; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.5; }
caption { font-size: 17px; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; }
th { background: #f2f2f2; font-weight: bold; text-align: center; vertical-align: middle; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.label { min-width: 10em; }
td.code { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.total, td.subtotal { font-weight: bold; }
td.total { background: #fafafa; }
.empty { text-indent: 2em; color: #333; }
.note { font-size: 12px; color: #555; text-indent: 0; }
figure { margin: 20px 0; }
figure figcaption { font-size: 14px; font-weight: bold; margin-bottom: 6px; }
svg text { font-family: "Heiti SC", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 12px; fill: var(--ink); }
dl.glossary dt { font-weight: bold; margin-top: 10px; }
dl.glossary dd { margin: 0 0 0 2em; }
@page { size: A4; margin: 18mm 15mm; }
@page wide { size: A4 landscape; margin: 15mm; }
section.wide { page: wide; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { page-break-after: always; }
  h2 { page-break-before: always; }
  section.table { page-break-inside: auto; }
  thead { display: table-header-group; }
  tr, figure { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A control character is an HTML parse error: show that something was there.
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fdd0}'..='\u{fdef}' => {
                out.push('\u{fffd}')
            }
            c if u32::from(c) & 0xfffe == 0xfffe => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// The class marking a row's cells bold (a total or a heading row that totals those under it).
fn weight(r: &Row) -> &'static str {
    match r.kind {
        RowKind::Total => " total",
        RowKind::Subtotal => " subtotal",
        _ => "",
    }
}

fn cells_html(r: Option<&Row>, cols: &[usize], has_code: bool, out: &mut String) {
    let Some(r) = r else {
        let n = cols.len() + 1 + usize::from(has_code);
        out.push_str(&"<td></td>".repeat(n));
        return;
    };
    let w = weight(r);
    if has_code {
        out.push_str(&format!(
            "<td class=\"code{w}\">{}</td>",
            esc(&r.code.as_deref().map(spaced_code).unwrap_or_default())
        ));
    }
    out.push_str(&format!("<td class=\"label{w}\">{}</td>", esc(&r.label)));
    for &i in cols {
        let v = r
            .cells
            .get(i)
            .and_then(|c| c.as_ref())
            .map(|c| c.printed.to_string())
            .unwrap_or_default();
        out.push_str(&format!("<td class=\"num{w}\">{v}</td>"));
    }
}

fn table_html(t: &Table, out: &mut String) {
    // A table wider than a portrait page prints on a landscape one.
    let wide = if t.columns.len() > 8 { " wide" } else { "" };
    out.push_str(&format!(
        "<section class=\"table{wide}\" id=\"t{}\">\n<table>\n",
        t.number
    ));
    out.push_str(&format!(
        "<caption><div class=\"table-no\">表{}</div>{}</caption>\n",
        t.number,
        esc(&t.title)
    ));
    let lay = layout(t);
    out.push_str(&format!(
        "<thead>\n<tr><th colspan=\"{}\" class=\"meta-row\"><div class=\"meta\"><span>编制部门：{}</span><span>单位：{}</span></div></th></tr>\n",
        lay.width,
        esc(&t.org),
        t.unit.label()
    ));
    for row in 0..lay.header_rows {
        out.push_str("<tr>");
        for p in lay.header.iter().filter(|p| p.row == row) {
            out.push_str(&format!(
                "<th colspan=\"{}\" rowspan=\"{}\">{}</th>",
                p.colspan,
                p.rowspan,
                esc(&p.text)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody>\n");
    if lay.sides.len() == 2 {
        for (l, r) in side_by_side(t) {
            out.push_str("<tr>");
            cells_html(l, &lay.sides[0].cols, lay.sides[0].has_code, out);
            cells_html(r, &lay.sides[1].cols, lay.sides[1].has_code, out);
            out.push_str("</tr>\n");
        }
    } else {
        for r in &t.rows {
            out.push_str("<tr>");
            cells_html(Some(r), &lay.sides[0].cols, lay.sides[0].has_code, out);
            out.push_str("</tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(s) = &t.empty_statement {
        out.push_str(&format!("<p class=\"empty\">{}</p>\n", esc(s)));
    }
    for n in &t.notes {
        out.push_str(&format!("<p class=\"note\">注：{}</p>\n", esc(n)));
    }
    out.push_str("</section>\n");
}

/// A figure's value in hundredths of its unit (both renderers print 2 decimals).
fn hundredths(r: &Row, col: usize) -> i64 {
    r.cells.get(col).and_then(|c| c.as_ref()).map_or(0, |c| {
        let p = &c.printed;
        match p.decimals {
            0 => p.units * 100,
            1 => p.units * 10,
            2 => p.units,
            d => p.units / 10i64.pow(u32::from(d) - 2),
        }
    })
}

/// Hundredths as printed: `41178` → `411.78`.
fn money(h: i64) -> String {
    Printed {
        units: h,
        decimals: 2,
        unit: Unit::Money(MoneyUnit::Wan),
    }
    .to_string()
}

/// Horizontal bars, one per (label, value in hundredths), scaled to the largest.
fn bars(title: &str, unit: &str, items: &[(String, i64)]) -> String {
    let items: Vec<&(String, i64)> = items.iter().filter(|(_, v)| *v > 0).collect();
    if items.is_empty() {
        return String::new();
    }
    let total: i64 = items.iter().map(|(_, v)| v).sum();
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (230i64, 560i64, 26i64);
    let height = row_h * items.len() as i64 + 10;
    let mut svg = format!(
        "<figure><figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {height}\" width=\"100%\">\n",
        esc(title),
        esc(title),
        label_w + bar_w + 200
    );
    for (i, (label, v)) in items.iter().enumerate() {
        let y = row_h * i as i64 + 5;
        let w = (i128::from(*v) * i128::from(bar_w) / i128::from(max)).max(1);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#2f5d8a\"/><text x=\"{}\" y=\"{}\">{} {unit}（{}%）</text>\n",
            label_w - 8,
            y + 16,
            esc(label),
            y + 3,
            row_h - 8,
            i128::from(label_w) + w + 6,
            y + 16,
            money(*v),
            percent(*v, total)
        ));
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// One bar split into its parts (basic vs project), with a legend.
fn split_bar(title: &str, unit: &str, parts: &[(&str, i64, &str)]) -> String {
    let total: i64 = parts.iter().map(|(_, v, _)| v.max(&0)).sum();
    if total <= 0 {
        return String::new();
    }
    let width = 760i64;
    let mut svg = format!(
        "<figure><figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} 70\" width=\"100%\">\n",
        esc(title),
        esc(title)
    );
    let mut x = 0i64;
    for (i, (label, v, colour)) in parts.iter().enumerate() {
        let v = (*v).max(0);
        let w = if i + 1 == parts.len() {
            width - x
        } else {
            i64::try_from(i128::from(v) * i128::from(width) / i128::from(total)).unwrap_or(0)
        };
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"0\" width=\"{w}\" height=\"28\" fill=\"{colour}\"/>\n"
        ));
        svg.push_str(&format!(
            "<rect x=\"{}\" y=\"44\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{}\" y=\"55\">{} {} {unit}（{}%）</text>\n",
            i as i64 * 380,
            i as i64 * 380 + 18,
            esc(label),
            money(v),
            percent(v, total)
        ));
        x += w;
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// The charts of the document, from tables 3 and 6 as printed.
fn charts(d: &Disclosure) -> String {
    let mut out = String::new();
    if let Some(t3) = d.tables.iter().find(|t| t.number == 3)
        && let (Some(all), Some(basic), Some(project)) = (
            t3.column_index(Side::Single, "合计"),
            t3.column_index(Side::Single, "基本支出"),
            t3.column_index(Side::Single, "项目支出"),
        )
    {
        let classes: Vec<(String, i64)> = t3
            .rows
            .iter()
            .filter(|r| r.code.as_deref().is_some_and(|c| c.len() == 3))
            .map(|r| (r.label.clone(), hundredths(r, all)))
            .collect();
        out.push_str(&bars("支出预算按功能分类（类）", t3.unit.label(), &classes));
        if let Some(total) = t3.rows.iter().find(|r| r.kind == RowKind::Total) {
            out.push_str(&split_bar(
                "基本支出与项目支出",
                t3.unit.label(),
                &[
                    ("基本支出", hundredths(total, basic), "#2f5d8a"),
                    ("项目支出", hundredths(total, project), "#c97b2a"),
                ],
            ));
        }
    }
    if let Some(t6) = d.tables.iter().find(|t| t.number == 6)
        && let Some(all) = t6.column_index(Side::Single, "合计")
    {
        let classes: Vec<(String, i64)> = t6
            .rows
            .iter()
            .filter(|r| r.code.as_deref().is_some_and(|c| c.len() == 3))
            .map(|r| (r.label.clone(), hundredths(r, all)))
            .collect();
        out.push_str(&bars(
            "一般公共预算基本支出按经济分类（类）",
            t6.unit.label(),
            &classes,
        ));
    }
    out
}

fn section_html(s: &Section, depth: usize, out: &mut String) {
    if let Some(h) = crate::narrative::heading(s) {
        out.push_str(&format!("<h{depth}>{}</h{depth}>\n", esc(&h)));
    }
    if let Some(p) = crate::narrative::paragraph(s) {
        out.push_str(&format!("<p>{}</p>\n", esc(&p)));
    }
    for sub in &s.subsections {
        section_html(sub, (depth + 1).min(6), out);
    }
}

/// The document as one self-contained HTML file.
pub fn render(d: &Disclosure) -> String {
    let [title, one, two, three, four] = titles(d);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"yusuan\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    out.push_str(&format!(
        "<header><h1>{}</h1><div class=\"cover-sub\">{}年{}预算公开</div></header>\n",
        esc(&title),
        d.year,
        d.kind.word()
    ));
    // Contents.
    out.push_str("<nav><h2 id=\"contents\">目录</h2><ol>\n");
    for (id, name) in [("p1", &one), ("p2", &two)] {
        out.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>\n", esc(name)));
    }
    for t in &d.tables {
        out.push_str(&format!(
            "<li><a href=\"#t{}\">表{} {}</a></li>\n",
            t.number,
            t.number,
            esc(&t.title)
        ));
    }
    for (id, name) in [("p3", &three), ("p4", &four)] {
        out.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>\n", esc(name)));
    }
    out.push_str("</ol></nav>\n");
    // 第一部分
    out.push_str(&format!(
        "<h2 id=\"p1\">{}</h2>\n<h3>一、主要职能</h3>\n<p>{}</p>\n",
        esc(&one),
        esc(&d.profile.functions)
    ));
    out.push_str(&format!(
        "<h3>二、机构设置及人员情况</h3>\n<p>{}</p>\n<p>{}</p>\n",
        esc(&d.profile.organisation),
        esc(&staff_sentence(&d.department, &d.profile.staff))
    ));
    // 第二部分
    out.push_str(&format!("<h2 id=\"p2\">{}</h2>\n", esc(&two)));
    out.push_str(&charts(d));
    for t in &d.tables {
        table_html(t, &mut out);
    }
    // 第三部分
    out.push_str(&format!("<h2 id=\"p3\">{}</h2>\n", esc(&three)));
    for s in &d.narrative.sections {
        section_html(s, 3, &mut out);
    }
    for p in &d.performance {
        let (title, lines) = performance_header(p, d.year);
        out.push_str(&format!(
            "<section class=\"table perf\">\n<table>\n<caption>{}</caption>\n<tbody>\n",
            esc(&title)
        ));
        for (label, value) in lines {
            out.push_str(&format!(
                "<tr><th class=\"key\">{}</th><td colspan=\"8\">{}</td></tr>\n",
                esc(&label),
                esc(&value)
            ));
        }
        out.push_str("<tr>");
        for h in INDICATOR_HEAD {
            out.push_str(&format!("<th>{h}</th>"));
        }
        out.push_str("</tr>\n");
        for i in &p.indicators {
            out.push_str("<tr>");
            for c in indicator_cells(i) {
                out.push_str(&format!("<td>{}</td>", esc(&c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    // 第四部分
    out.push_str(&format!(
        "<h2 id=\"p4\">{}</h2>\n<dl class=\"glossary\">\n",
        esc(&four)
    ));
    for (number, term, text) in glossary_entries(d) {
        out.push_str(&format!(
            "<dt>{number}、{}</dt><dd>{}</dd>\n",
            esc(term),
            esc(text)
        ));
    }
    out.push_str("</dl>\n</body>\n</html>\n");
    out
}
