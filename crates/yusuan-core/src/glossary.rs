//! 第四部分 名词解释 — the standard glossary printed at the end of a budget disclosure, as the
//! reference prints it. The text lives in `data/glossary.txt` (term, TAB, explanation), so an
//! office's own wording is one edit away.

/// 名词解释 — the standard terms and their explanations, in print order.
pub fn standard() -> Vec<(&'static str, &'static str)> {
    include_str!("../data/glossary.txt")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_standard_glossary_has_the_eight_reference_terms() {
        let g = super::standard();
        let terms: Vec<&str> = g.iter().map(|(t, _)| *t).collect();
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
}
