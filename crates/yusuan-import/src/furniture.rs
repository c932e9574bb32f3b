//! Page furniture in PDF-to-text output: the contents page's entries (title, dot leaders, page
//! number) and page numbers alone on a line (`- 3 -`, `— 3 —`, `第 3 页`). Neither is part
//! of a table or the narrative, and a contents entry looks exactly like a heading (`第三部分 …`,
//! `七、关于…`), so both are blanked before reading. Lines are blanked, not removed, so every
//! diagnostic still points at the line of the original text.

/// Dot leaders: four or more of these in a row.
fn leader(c: char) -> bool {
    matches!(
        c,
        '·' | '.' | '…' | '．' | '。' | '-' | '—' | '─' | '_' | '⋯'
    )
}

/// `title ······ 12`: a contents entry.
pub fn is_contents_entry(line: &str) -> bool {
    let t = line.trim_end();
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if body.len() == t.len() {
        return false;
    }
    let before: Vec<char> = body.trim_end().chars().rev().take(4).collect();
    before.len() == 4 && before.iter().all(|&c| leader(c))
}

/// `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共20页`: a page number alone on a line. A bare `3`
/// is not taken for one: in a table it may be a code broken off its row (`232`).
pub fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || !t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let dash = |c| matches!(c, '-' | '—' | '–' | '－');
    let inner = t.trim_matches(dash);
    if inner.len() < t.len()
        && t.starts_with(dash)
        && t.ends_with(dash)
        && !inner.is_empty()
        && inner.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    let paged = |s: &str| {
        s.strip_prefix('第')
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    paged(&t)
        || t.split_once("共").is_some_and(|(a, b)| {
            paged(a)
                && b.strip_suffix('页')
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        })
}

/// `表 10`, `表10`, `附表3`, `公开表 6`: a table's number alone on its line (above its title,
/// or left at the foot of the table before it), never a row.
pub fn is_table_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    ["公开表", "附表", "表"].iter().any(|p| {
        t.strip_prefix(p)
            .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The text with contents entries and page-number lines blanked (form feeds kept).
pub fn blank(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let visible = line.replace('\u{c}', "");
        if is_contents_entry(&visible) || is_page_number(&visible) {
            out.extend(line.chars().filter(|&c| c == '\u{c}' || c == '\r'));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tables_number_alone_is_furniture() {
        for t in ["表 10", "表10", "附表3", "公开表 6", "  表 9  "] {
            assert!(is_table_number(t), "{t}");
        }
        for t in ["表", "表1 部门收支总体情况表", "232", "表 10000", "合计 10"] {
            assert!(!is_table_number(t), "{t}");
        }
    }

    #[test]
    fn contents_entries_and_page_numbers_are_blanked_and_lines_kept() {
        let text = "目　　录\n第三部分 2025年部门预算情况说明 ········ 14\n表1 部门收支总体情况表 .......... 2\n- 3 -\n\u{c}— 12 —\n第 4 页\n第3页 共20页\n一、本年收入 475.74 201 一般公共服务支出 411.78\n232\n";
        let out = blank(text);
        assert_eq!(out.lines().count(), text.lines().count());
        assert_eq!(
            out,
            "目　　录\n\n\n\n\u{c}\n\n\n一、本年收入 475.74 201 一般公共服务支出 411.78\n232\n"
        );
    }

    #[test]
    fn table_rows_and_sentences_are_not_furniture() {
        for line in [
            "单位资金 5.00 229 其他支出",
            "收入总计 480.74 支出总计 480.74",
            "资金执行时间：2025年1月1日-2025年12月31日。",
            "合计 222.00",
            "——",
        ] {
            assert!(!is_contents_entry(line) && !is_page_number(line), "{line}");
        }
    }
}
