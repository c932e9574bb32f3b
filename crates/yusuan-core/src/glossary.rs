//! 第四部分 名词解释 — the standard glossary printed at the end of a budget disclosure, as the
//! reference prints it. The text lives in `data/glossary.txt` (term, TAB, explanation), so an
//! office's own wording is one edit away.

/// 名词解释 — the standard terms and their explanations, in print order.
pub fn standard() -> Vec<(String, String)> {
    include_str!("../data/glossary.txt")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(t, x)| (t.to_string(), x.to_string()))
        .collect()
}

const NUMERALS: &str = "一二三四五六七八九十";

/// The entry a line starts, if it starts one: `一、财政拨款:指由…` → (Some numbered, term, rest).
fn entry(line: &str) -> Option<(bool, &str, &str)> {
    let numbered = line
        .split_once('、')
        .filter(|(n, _)| {
            !n.is_empty()
                && n.chars()
                    .all(|c| NUMERALS.contains(c) || c.is_ascii_digit())
        })
        .map(|(_, rest)| rest.trim());
    let body = numbered.unwrap_or(line);
    let (term, rest) = body.split_once(['：', ':'])?;
    let term = term.trim();
    // Words that open a clause inside an explanation, never a term of their own.
    const CLAUSES: [&str; 6] = ["其中", "注", "包括", "主要包括", "具体包括", "如"];
    (!term.is_empty()
        && term.chars().count() <= 16
        && !term.contains(['，', '。', '；'])
        && !CLAUSES.contains(&term))
    .then_some((numbered.is_some(), term, rest.trim()))
}

/// A glossary written as text: entries `财政拨款：指由…`, optionally numbered (`一、财政拨款:…`),
/// an entry's text possibly broken over lines. When the entries are numbered only a numbered
/// line starts one; any other line continues the entry before it.
pub fn parse(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let numbered = lines.iter().any(|l| entry(l).is_some_and(|(n, _, _)| n));
    let mut out: Vec<(String, String)> = Vec::new();
    for line in lines {
        match entry(line) {
            Some((n, term, rest)) if n || !numbered => {
                out.push((term.to_string(), rest.to_string()))
            }
            _ => match out.last_mut() {
                Some((_, t)) => t.push_str(line),
                None => out.push((String::new(), line.to_string())),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_standard_glossary_has_the_eight_reference_terms() {
        let g = super::standard();
        let terms: Vec<&str> = g.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            terms,
            [
                "财政拨款",
                "一般公共预算",
                "财政专户管理资金",
                "其他资金",
                "基本支出",
                "项目支出",
                "“三公”经费",
                "机关运行经费"
            ]
        );
        assert!(g.iter().all(|(_, text)| text.ends_with('。')));
    }

    #[test]
    fn a_written_glossary_is_read_entry_by_entry() {
        let g = super::parse(
            "一、财政拨款:指由一般公共预算、政府性基金预算、国有资本经营预算\n\n安排的财政拨款数。\n二、一般公共预算：包括公共财政拨款（补助）资金、专项收入。\n",
        );
        assert_eq!(
            g,
            [
                (
                    "财政拨款".to_string(),
                    "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"
                        .to_string()
                ),
                (
                    "一般公共预算".to_string(),
                    "包括公共财政拨款（补助）资金、专项收入。".to_string()
                ),
            ]
        );
        assert_eq!(
            super::parse("专项资金：本单位的说明。"),
            [("专项资金".to_string(), "本单位的说明。".to_string())]
        );
        // A wrapped clause is not a new term.
        assert_eq!(
            super::parse("三公经费：指因公出国费等，\n其中：公务接待费指…。").len(),
            1
        );
    }
}
