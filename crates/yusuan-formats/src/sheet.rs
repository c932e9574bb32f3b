//! 预算公开情况检查表 — the inspection sheet written out: a workbook (one worksheet per document,
//! a 汇总 worksheet first when there are several), Markdown, or an HTML page.

use crate::html::esc;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use yusuan_core::sheet::{Line, Problem, Sheet, Verdict};

/// The sheet's title: `2025年部门预算公开情况检查表`.
fn title(s: &Sheet) -> String {
    format!("{}公开情况检查表", s.document)
}

/// One problem as an inspector writes it: the sentence, then where, then what is printed.
fn problem_text(p: &Problem) -> String {
    let mut s = p.text.clone();
    match (&p.page, &p.quote) {
        (Some(page), Some(q)) => s.push_str(&format!("（第 {page} 页：“{q}”）")),
        (Some(page), None) => s.push_str(&format!("（第 {page} 页）")),
        (None, Some(q)) => s.push_str(&format!("（“{q}”）")),
        (None, None) => {}
    }
    s
}

/// The problems of a line, numbered when there are several; the note when there are none.
fn problems_text(l: &Line) -> String {
    let mut parts: Vec<String> = match l.problems.len() {
        0 => Vec::new(),
        1 => vec![problem_text(&l.problems[0])],
        _ => l
            .problems
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}. {}", i + 1, problem_text(p)))
            .collect(),
    };
    if !l.note.is_empty() && l.verdict == Verdict::No {
        parts.insert(0, l.note.clone());
    }
    parts.join("\n")
}

/// The remark column: why a line is 未检查, or what was judged.
fn remark(l: &Line) -> String {
    if l.verdict == Verdict::No {
        let rules: Vec<&str> = {
            let mut r: Vec<&str> = l.problems.iter().map(|p| p.rule.as_str()).collect();
            r.dedup();
            r
        };
        if rules.is_empty() {
            String::new()
        } else {
            format!("规则 {}", rules.join("、"))
        }
    } else {
        l.note.clone()
    }
}

fn summary_line(s: &Sheet) -> String {
    let (yes, no, unchecked) = s.counts();
    format!(
        "共 {} 项：符合要求 {yes} 项，不符合 {no} 项，未检查 {unchecked} 项；发现问题 {} 处。",
        s.lines.len(),
        s.problems()
    )
}

const SUMMARY_HEAD: [&str; 8] = [
    "序号",
    "文件",
    "部门（单位）",
    "文件类型",
    "符合",
    "不符合",
    "未检查",
    "问题数",
];

/// The summary's rows, one per document, as text.
fn summary_rows(sheets: &[Sheet]) -> Vec<[String; 8]> {
    sheets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (y, n, u) = s.counts();
            // The file by its name: a batch's full paths would crowd the column out.
            let file = s.file.rsplit(['/', '\\']).next().unwrap_or(&s.file);
            [
                (i + 1).to_string(),
                file.to_string(),
                s.department.clone(),
                s.document.clone(),
                y.to_string(),
                n.to_string(),
                u.to_string(),
                s.problems().to_string(),
            ]
        })
        .collect()
}

/// A sheet's rows as text, in the order of [`HEAD`].
fn rows(s: &Sheet) -> Vec<[String; 8]> {
    s.lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            [
                (i + 1).to_string(),
                l.group.clone(),
                l.part.clone(),
                l.requirement.clone(),
                l.pages.clone().unwrap_or_default(),
                l.verdict.label().to_string(),
                problems_text(l),
                remark(l),
            ]
        })
        .collect()
}

const HEAD: [&str; 8] = [
    "序号",
    "检查类别",
    "检查项目",
    "检查要点",
    "所在页",
    "是否符合要求",
    "存在的问题",
    "备注",
];

/// Markdown: one section per document, a summary table first when there are several.
pub fn markdown(sheets: &[Sheet]) -> String {
    fn table(out: &mut String, head: &[&str], rows: &[[String; 8]]) {
        let cell = |s: &str| s.replace('|', "｜").replace('\n', "<br>");
        out.push_str(&format!("| {} |\n", head.join(" | ")));
        out.push_str(&format!("|{}\n", " --- |".repeat(head.len())));
        for r in rows {
            let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    let mut out = String::new();
    if sheets.len() > 1 {
        out.push_str("# 预算公开情况检查汇总表\n\n");
        table(&mut out, &SUMMARY_HEAD, &summary_rows(sheets));
        out.push('\n');
    }
    for s in sheets {
        out.push_str(&format!("# {}\n\n", title(s)));
        out.push_str(&format!(
            "部门（单位）：{}　　文件：{}\n\n",
            s.department, s.file
        ));
        table(&mut out, &HEAD, &rows(s));
        out.push_str(&format!("\n{}\n\n", summary_line(s)));
        out.push_str("检查人：　　　　　　　　检查日期：\n\n");
    }
    out
}

/// A self-contained HTML page (no script, no outside resource).
pub fn html(sheets: &[Sheet]) -> String {
    fn table(out: &mut String, head: &[&str], rows: &[[String; 8]], verdict_col: Option<usize>) {
        out.push_str("<table>\n<tr>");
        for h in head {
            out.push_str(&format!("<th>{h}</th>"));
        }
        out.push_str("</tr>\n");
        for r in rows {
            out.push_str("<tr>");
            for (c, v) in r.iter().enumerate() {
                let class = match (verdict_col == Some(c), v.as_str()) {
                    (true, "否") => " class=\"v no\"",
                    (true, "未检查") => " class=\"v un\"",
                    (true, _) => " class=\"v\"",
                    (false, _) if verdict_col.is_some() && c == 6 => " class=\"p\"",
                    _ => "",
                };
                out.push_str(&format!("<td{class}>{}</td>", esc(v)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>预算公开情况检查表</title>\n<style>\n\
         body{font-family:\"Noto Serif CJK SC\",\"Songti SC\",SimSun,serif;margin:2em;color:#111}\n\
         h1{font-size:1.4em;text-align:center}\n\
         table{border-collapse:collapse;width:100%;margin:1em 0;font-size:.92em}\n\
         th,td{border:1px solid #444;padding:.35em .5em;vertical-align:top}\n\
         th{background:#eee}\n td.v{text-align:center;white-space:nowrap;font-weight:bold}\n\
         td.no{color:#b00}\n td.un{color:#666}\n td.p{white-space:pre-line}\n\
         .meta{display:flex;justify-content:space-between}\n\
         section{page-break-after:always}\n</style>\n</head>\n<body>\n",
    );
    if sheets.len() > 1 {
        out.push_str("<section>\n<h1>预算公开情况检查汇总表</h1>\n");
        table(&mut out, &SUMMARY_HEAD, &summary_rows(sheets), None);
        out.push_str("</section>\n");
    }
    for s in sheets {
        out.push_str(&format!("<section>\n<h1>{}</h1>\n", esc(&title(s))));
        out.push_str(&format!(
            "<p class=\"meta\"><span>部门（单位）：{}</span><span>文件：{}</span></p>\n",
            esc(&s.department),
            esc(&s.file)
        ));
        table(&mut out, &HEAD, &rows(s), Some(5));
        out.push_str(&format!(
            "<p>{}</p>\n<p class=\"meta\"><span>检查人：</span><span>检查日期：</span></p>\n</section>\n",
            esc(&summary_line(s))
        ));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(s: &Sheet, i: usize, taken: &mut Vec<String>) -> String {
    let base: String = s
        .department
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .collect();
    let base = if base.is_empty() {
        format!("文件{}", i + 1)
    } else {
        base
    };
    let mut name: String = base.chars().take(28).collect();
    if taken.contains(&name) {
        let prefix: String = base.chars().take(24).collect();
        name = format!("{prefix}（{}）", i + 1);
    }
    taken.push(name.clone());
    name
}

/// Column widths, the rows above `frozen` kept in view, and A4 landscape one page wide.
fn print_setup(
    ws: &mut rust_xlsxwriter::Worksheet,
    widths: &[u16],
    frozen: u32,
) -> Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(frozen, 0)?;
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The workbook: a 汇总 worksheet when there are several documents, then one per document,
/// ready to print (A4 landscape, one page wide, the heading repeated on every page).
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    write_xlsx(sheets).map_err(|e| format!("写出检查表失败：{e}"))
}

fn write_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let base = Format::new().set_font_name("宋体").set_font_size(10);
    let title_f = Format::new()
        .set_font_name("黑体")
        .set_font_size(16)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let cell = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let head = cell
        .clone()
        .set_font_name("黑体")
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color("#E7E6E6");
    let centre = cell.clone().set_align(FormatAlign::Center);
    let no = centre.clone().set_bold().set_font_color("#C00000");
    let yes = centre.clone().set_bold();
    let un = centre.clone().set_font_color("#595959");
    let meta = base.clone();

    if sheets.len() > 1 {
        let ws = wb.add_worksheet();
        ws.set_name("汇总")?;
        ws.merge_range(0, 0, 0, 7, "预算公开情况检查汇总表", &title_f)?;
        ws.set_row_height(0, 30)?;
        for (c, h) in SUMMARY_HEAD.iter().enumerate() {
            ws.write_with_format(1, c as u16, *h, &head)?;
        }
        // A file's name on one line, made smaller when it is long (not wrapped over the rows).
        let file_f = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_shrink();
        for (i, r) in summary_rows(sheets).iter().enumerate() {
            for (c, v) in r.iter().enumerate() {
                let f = match c {
                    1 => &file_f,
                    2 => &cell,
                    _ => &centre,
                };
                match v.parse::<u32>() {
                    Ok(n) if c != 1 && c != 2 => {
                        ws.write_with_format(i as u32 + 2, c as u16, n, f)?
                    }
                    _ => ws.write_with_format(i as u32 + 2, c as u16, v.as_str(), f)?,
                };
            }
        }
        print_setup(ws, &[6, 48, 30, 16, 8, 8, 8, 8], 2)?;
    }

    let mut taken = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(s, i, &mut taken))?;
        ws.merge_range(0, 0, 0, 7, &title(s), &title_f)?;
        ws.set_row_height(0, 30)?;
        ws.merge_range(
            1,
            0,
            1,
            3,
            &format!("部门（单位）：{}", s.department),
            &meta,
        )?;
        ws.merge_range(1, 4, 1, 7, &format!("文件：{}", s.file), &meta)?;
        for (c, h) in HEAD.iter().enumerate() {
            ws.write_with_format(2, c as u16, *h, &head)?;
        }
        ws.set_row_height(2, 30)?;
        for (i, (l, text)) in s.lines.iter().zip(rows(s)).enumerate() {
            let r = i as u32 + 3;
            ws.write_with_format(r, 0, (i + 1) as u32, &centre)?;
            for (c, v) in text.iter().enumerate().skip(1) {
                let f = match c {
                    5 => match l.verdict {
                        Verdict::Yes => &yes,
                        Verdict::No => &no,
                        Verdict::Unchecked => &un,
                    },
                    1 | 4 => &centre,
                    _ => &cell,
                };
                ws.write_with_format(r, c as u16, v.as_str(), f)?;
            }
            // Enough height for the wrapped text (columns of about 30, 18, 13 and 9 characters).
            let lines = |v: &str, width: usize| {
                v.split('\n')
                    .map(|p| p.chars().count().div_ceil(width).max(1))
                    .sum::<usize>()
            };
            let height = lines(&text[6], 30)
                .max(lines(&text[3], 18))
                .max(lines(&text[2], 13))
                .max(lines(&text[7], 9));
            ws.set_row_height(r, (height as u32 * 27 / 2 + 6).min(409))?;
        }
        let last = s.lines.len() as u32 + 3;
        ws.merge_range(last, 0, last, 7, &summary_line(s), &meta)?;
        ws.merge_range(
            last + 1,
            0,
            last + 1,
            7,
            "检查人：　　　　　　　　　　　　检查日期：",
            &meta,
        )?;
        print_setup(ws, &[5, 10, 24, 30, 11, 8, 60, 16], 3)?;
        ws.set_repeat_rows(2, 2)?;
        ws.set_print_center_horizontally(true);
    }
    wb.save_to_buffer()
}
