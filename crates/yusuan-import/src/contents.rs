//! 目录 — the contents page read back: its entries (title, and the page number when printed),
//! each looked up in the body, so the page check (V005) can say which listed part is not there
//! and which page number is wrong.

use crate::furniture::is_page_number;
use yusuan_core::disclosure::ContentsEntry;
use yusuan_core::source::SourceRef;

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn leader(c: char) -> bool {
    matches!(c, '·' | '.' | '…' | '．' | '-' | '—' | '─' | '_' | '⋯')
}

/// An entry's title and page number: `一、部门主要职责......2` → (`一、部门主要职责`, 2).
fn entry(squeezed: &str) -> (String, Option<u32>) {
    let body = squeezed.trim_end_matches(|c: char| c.is_ascii_digit());
    let number = &squeezed[body.len()..];
    let title = body.trim_end_matches(leader);
    let led = title.len() < body.len();
    // A page number stands after leaders.
    let page = (led && !number.is_empty() && number.len() <= 3)
        .then(|| number.parse().ok())
        .flatten();
    match page {
        Some(p) => (title.to_string(), Some(p)),
        None => (squeezed.trim_end_matches(leader).to_string(), None),
    }
}

/// What a title says once its number, year and punctuation are taken off: `第二部分 2026年度
/// 部门预算表` → `部门预算表`; `（七）一般公共预算支出表（按功能分类）` → the same, unnumbered.
pub fn core(title: &str) -> String {
    const CN: &str = "一二三四五六七八九十";
    let mut s = squeeze(title);
    if let Some(rest) = s.strip_prefix('第')
        && let Some(i) = rest.find("部分")
    {
        s = rest[i + "部分".len()..].to_string();
    }
    for open in ['（', '('] {
        if let Some(rest) = s.strip_prefix(open) {
            let n = rest
                .chars()
                .take_while(|c| CN.contains(*c) || c.is_ascii_digit())
                .count();
            let rest_after: String = rest.chars().skip(n).collect();
            if n > 0
                && let Some(r) = rest_after
                    .strip_prefix('）')
                    .or_else(|| rest_after.strip_prefix(')'))
            {
                s = r.to_string();
            }
        }
    }
    let n = s
        .chars()
        .take_while(|c| CN.contains(*c) || c.is_ascii_digit())
        .count();
    let after: String = s.chars().skip(n).collect();
    if n > 0 && after.starts_with(['、', '.', '．', ' ']) {
        s = after.chars().skip(1).collect();
    }
    // A year in front (`2026年度`, `2026年`).
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        let rest: String = s.chars().skip(4).collect();
        if let Some(r) = rest
            .strip_prefix("年度")
            .or_else(|| rest.strip_prefix('年'))
        {
            s = r.to_string();
        }
    }
    s.chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '「' | '」'))
        .collect()
}

/// The contents page's entries, each with where its part begins in the body. Empty when the
/// document has no contents page (a line `目录` on one of its first five pages).
pub fn read(text: &str) -> Vec<ContentsEntry> {
    let mut lines: Vec<(u32, &str)> = Vec::new();
    let mut page = 1u32;
    for l in text.split('\n') {
        page = page.saturating_add(u32::try_from(l.matches('\u{c}').count()).unwrap_or(0));
        lines.push((page, l));
    }
    let Some(start) = lines
        .iter()
        .position(|(p, l)| *p <= 5 && squeeze(l).replace('\u{c}', "") == "目录")
    else {
        return Vec::new();
    };
    let first = lines[start].0;
    // The entries: the rest of the contents page, and the next pages while they hold entries
    // only (no sentence, no long line).
    let entry_page = |p: u32| {
        let on: Vec<String> = lines
            .iter()
            .filter(|(q, l)| *q == p && !squeeze(l).is_empty())
            .map(|(_, l)| squeeze(l))
            .collect();
        let enumerated = |l: &String| {
            let n = l
                .chars()
                .take_while(|c| "一二三四五六七八九十".contains(*c))
                .count();
            n > 0 && l.chars().nth(n) == Some('、')
        };
        !on.is_empty()
            && on
                .iter()
                .all(|l| !l.contains('。') && l.chars().count() <= 60)
            && on
                .iter()
                .any(|l| crate::furniture::is_contents_entry(l) || enumerated(l))
    };
    let mut last = first;
    while entry_page(last + 1) && last < first + 3 {
        last += 1;
    }
    let mut out: Vec<ContentsEntry> = Vec::new();
    let mut end = start;
    for (i, (p, l)) in lines.iter().enumerate().skip(start + 1) {
        if *p > last {
            break;
        }
        end = i;
        let s = squeeze(l).replace('\u{c}', "");
        if s.is_empty() || is_page_number(&s) || s.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        // A sentence or a table row on the page is not an entry.
        if s.contains('。') || s.chars().count() > 60 {
            continue;
        }
        let (title, number) = entry(&s);
        let words = title
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if !title.is_empty() && !words {
            continue;
        }
        if title.is_empty() {
            // Leaders and a number on their own: the page of the entry above, wrapped.
            if let Some(prev) = out.last_mut()
                && prev.page.is_none()
            {
                prev.page = number;
            }
            continue;
        }
        out.push(ContentsEntry {
            title,
            page: number,
            source: SourceRef::Line {
                page: Some(*p),
                line: i + 1,
            },
            found: None,
            named: false,
        });
    }
    // Each entry's part: the first line after the contents that reads as its title.
    let all: Vec<(usize, u32, String)> = lines
        .iter()
        .enumerate()
        .skip(end + 1)
        .map(|(i, (p, l))| (i, *p, squeeze(l).replace('\u{c}', "")))
        .filter(|(_, _, s)| !s.is_empty())
        .collect();
    let everything: String = all
        .iter()
        .flat_map(|(_, _, s)| s.chars())
        .filter(|c| !matches!(c, '“' | '”' | '"' | '「' | '」'))
        .collect();
    let body: Vec<&(usize, u32, String)> = all
        .iter()
        .filter(|(_, _, s)| s.chars().count() <= 60 && !s.contains('。'))
        .collect();
    for e in &mut out {
        let want = core(&e.title);
        if want.chars().count() < 2 {
            e.named = true;
            continue;
        }
        e.named = everything.contains(&want);
        e.found = body
            .iter()
            .find(|(_, _, s)| {
                let have = core(s);
                have == want
                    || (have.contains(&want) && have.chars().count() <= want.chars().count() + 12)
            })
            .map(|(i, p, _)| SourceRef::Line {
                page: Some(*p),
                line: i + 1,
            });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_and_without_page_numbers() {
        assert_eq!(
            entry("一、部门主要职责......2"),
            ("一、部门主要职责".into(), Some(2))
        );
        assert_eq!(
            entry("第二部分2026年度部门预算表...............9"),
            ("第二部分2026年度部门预算表".into(), Some(9))
        );
        assert_eq!(
            entry("十二、政府采购预算情况表"),
            ("十二、政府采购预算情况表".into(), None)
        );
        assert_eq!(
            entry("一、部门主要职能………………"),
            ("一、部门主要职能".into(), None)
        );
    }

    #[test]
    fn cores_drop_numbers_and_years() {
        assert_eq!(core("第二部分 2026 年度部门预算表"), "部门预算表");
        assert_eq!(
            core("（七）一般公共预算支出表（按功能分类）"),
            "一般公共预算支出表（按功能分类）"
        );
        assert_eq!(
            core("十、一般公共预算“三公”经费支出预算表"),
            "一般公共预算三公经费支出预算表"
        );
        assert_eq!(
            core("5．2024年部门一般公共预算支出功能分类预算表"),
            "部门一般公共预算支出功能分类预算表"
        );
    }

    #[test]
    fn a_contents_page_is_read_and_its_parts_found() {
        let text = "封面\n\u{c}目  录\n第一部分 部门概况......1\n一、部门主要职责......2\n二、部门机构设置......3\n\u{c}第一部分 部门概况\n一、部门主要职责\n职责是……。\n\u{c}三、其他\n";
        let e = read(text);
        assert_eq!(e.len(), 3);
        assert_eq!(e[1].title, "一、部门主要职责");
        assert_eq!(e[1].page, Some(2));
        assert_eq!(
            e[1].found,
            Some(SourceRef::Line {
                page: Some(3),
                line: 7
            })
        );
        assert_eq!(e[2].found, None, "二、部门机构设置 is not in the body");
    }
}
