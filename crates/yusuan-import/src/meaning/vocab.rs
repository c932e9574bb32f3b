//! 词表 — the vocabularies that give a table its meaning, as data: table kinds by title
//! (`vocab/tables.toml`) and column keys by header words (`vocab/columns.toml`). They are
//! compiled in; [`Vocabulary::extend`] adds a region's own file at run time, so a new title or
//! header is a change to data only.

use serde::Deserialize;

/// 表的种类 — one kind of table and the titles regions print it under.
#[derive(Debug, Clone, Deserialize)]
pub struct Kind {
    /// The kind's name (`收支总表`).
    pub id: String,
    /// Its number in the national minimum set (1–9), or 20+ for other tables.
    pub number: u8,
    /// Title endings that name it (normalised).
    pub titles: Vec<String>,
    /// A word the title's bracketed qualifier must contain (`经济`).
    #[serde(default)]
    pub qualifier: Option<String>,
    /// 收入 and 支出 side by side.
    #[serde(default)]
    pub two_sided: bool,
    /// Rows coded by `function` or `economic` classification.
    #[serde(default)]
    pub codes: Option<String>,
    /// False for tables of words (绩效目标表).
    #[serde(default = "yes")]
    pub figures: bool,
    /// Words that, standing before the kind's title words, make the table another one
    /// (`一般公共预算财政拨款项目支出决算表` ends like `支出决算表` but is no 支出总表).
    #[serde(default)]
    pub not_after: Vec<String>,
}

fn yes() -> bool {
    true
}

/// 列 — a column key and the header words that mean it.
#[derive(Debug, Clone, Deserialize)]
pub struct ColumnWords {
    /// The key (`基本支出`).
    pub key: String,
    /// Normalised header texts.
    pub words: Vec<String>,
    /// Words of the row stub, not a value column.
    #[serde(default)]
    pub stub: bool,
}

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    kind: Vec<Kind>,
    #[serde(default)]
    column: Vec<ColumnWords>,
}

/// The vocabularies.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Table kinds.
    pub kinds: Vec<Kind>,
    /// Column words.
    pub columns: Vec<ColumnWords>,
}

const TABLES: &str = include_str!("../../vocab/tables.toml");
const COLUMNS: &str = include_str!("../../vocab/columns.toml");

impl Default for Vocabulary {
    fn default() -> Self {
        let mut v = Vocabulary {
            kinds: Vec::new(),
            columns: Vec::new(),
        };
        for text in [TABLES, COLUMNS] {
            v.extend(text).expect("the compiled-in vocabularies parse");
        }
        v
    }
}

impl Vocabulary {
    /// The compiled-in vocabularies (parsed once).
    pub fn get() -> &'static Vocabulary {
        static V: std::sync::OnceLock<Vocabulary> = std::sync::OnceLock::new();
        V.get_or_init(Vocabulary::default)
    }

    /// Adds the kinds and columns of a vocabulary file (TOML, as `vocab/*.toml`). A kind or
    /// key already known gains the new titles or words. The error says what is wrong, in
    /// Chinese, with the line.
    pub fn extend(&mut self, toml_text: &str) -> Result<(), String> {
        let f: File = toml::from_str(toml_text).map_err(|e| format!("词表文件有误：{e}"))?;
        for mut k in f.kind {
            k.titles = k.titles.iter().map(|t| normalise(t)).collect();
            match self.kinds.iter_mut().find(|x| x.id == k.id) {
                Some(x) => x.titles.extend(k.titles),
                None => self.kinds.push(k),
            }
        }
        for mut c in f.column {
            c.words = c.words.iter().map(|t| normalise(t)).collect();
            match self.columns.iter_mut().find(|x| x.key == c.key) {
                Some(x) => x.words.extend(c.words),
                None => self.columns.push(c),
            }
        }
        Ok(())
    }

    /// The kind a title names, if any.
    pub fn kind_of_title(&self, title: &str) -> Option<&Kind> {
        let (body, qualifier) = title_body(title)?;
        let mut best: Option<(&Kind, usize)> = None;
        for k in &self.kinds {
            let fits = match (&k.qualifier, &qualifier) {
                (Some(q), Some(have)) => have.contains(q.as_str()),
                (Some(q), None) => body.contains(q.as_str()),
                (None, Some(have)) => !self
                    .kinds
                    .iter()
                    .filter_map(|o| o.qualifier.as_deref())
                    .any(|q| have.contains(q) && o_titles_match(self, q, &body)),
                (None, None) => true,
            };
            if !fits {
                continue;
            }
            for t in &k.titles {
                if body.ends_with(t.as_str()) {
                    // Only a short prefix may stand before the kind's words (the department's
                    // name, 部门, 单位…), never a sentence.
                    let prefix = body.len() - t.len();
                    let other = k
                        .not_after
                        .iter()
                        .any(|w| body[..prefix].contains(w.as_str()));
                    if prefix <= 60 && !other && best.is_none_or(|(_, l)| t.len() > l) {
                        best = Some((k, t.len()));
                    }
                }
            }
        }
        best.map(|(k, _)| k)
    }

    /// The key a header leaf means, if the vocabulary knows it; and whether it is a stub word.
    pub fn column_key(&self, leaf: &str) -> Option<(&str, bool)> {
        let n = normalise(leaf);
        let n = n
            .strip_prefix("其中：")
            .or_else(|| n.strip_prefix("其中"))
            .unwrap_or(&n)
            .to_string();
        let bare = strip_year(&n);
        for text in [n.as_str(), bare.as_str()] {
            if let Some(c) = self
                .columns
                .iter()
                .find(|c| c.words.iter().any(|w| w == text))
            {
                return Some((c.key.as_str(), c.stub));
            }
        }
        None
    }
}

/// Whether a kind with qualifier `q` has a title that `body` ends with.
fn o_titles_match(v: &Vocabulary, q: &str, body: &str) -> bool {
    v.kinds
        .iter()
        .filter(|k| k.qualifier.as_deref() == Some(q))
        .any(|k| k.titles.iter().any(|t| body.ends_with(t.as_str())))
}

/// Spaces and quotation marks dropped, ASCII brackets and punctuation as their full-width forms.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"“”\"‘’'「」『』".contains(*c))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            _ => c,
        })
        .collect()
}

/// `2026年预算数` → `预算数`: a year at the start of a header is dropped.
fn strip_year(s: &str) -> String {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        let rest = &s[4..];
        let rest = rest
            .strip_prefix("年度")
            .or_else(|| rest.strip_prefix('年'));
        if let Some(r) = rest {
            return r.to_string();
        }
    }
    s.to_string()
}

/// A title's body and its bracketed qualifier: the number before it, a year and what stands
/// before the year dropped (`预算05表 一般公共预算支出表（按功能分类科目）` →
/// (`一般公共预算支出表`, `按功能分类科目`)). `None` for what cannot be a title (a sentence).
pub fn title_body(title: &str) -> Option<(String, Option<String>)> {
    let mut s = normalise(title);
    if s.contains('。') || s.contains('；') || s.chars().count() > 70 {
        return None;
    }
    // A qualifier in brackets at the end.
    let mut qualifier = None;
    if s.ends_with('）')
        && let Some(open) = s.rfind('（')
    {
        let q = s[open + '（'.len_utf8()..s.len() - '）'.len_utf8()].to_string();
        // (本级), (汇总) and the like are not qualifiers of the kind but of the unit.
        s.truncate(open);
        qualifier = Some(q);
    }
    // A leading number: 表1, 表一, 预算01表, 公开表1, 公开01表, 附表1, 附件1, 一、, 1.
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十零〇".contains(c);
    loop {
        let before = s.len();
        for p in ["公开", "预算", "附", "部门"] {
            if let Some(r) = s.strip_prefix(p)
                && (r.starts_with('表') || r.starts_with(numeral))
            {
                s = r.to_string();
            }
        }
        if let Some(r) = s.strip_prefix('表') {
            let rest = r.trim_start_matches(numeral);
            if rest.len() < r.len() {
                s = rest.to_string();
            }
        }
        let rest = s.trim_start_matches(numeral);
        if rest.len() < s.len() {
            let rest = rest
                .strip_prefix('表')
                .or_else(|| rest.strip_prefix('、'))
                .or_else(|| rest.strip_prefix('.'))
                .or_else(|| rest.strip_prefix('．'))
                .or_else(|| rest.strip_prefix('：'))
                .or_else(|| rest.strip_prefix('-'));
            if let Some(r) = rest {
                s = r.to_string();
            }
        }
        s = s.trim_start_matches(['：', '-', '—', '、']).to_string();
        if s.len() == before {
            break;
        }
    }
    // A year, and what stands before it.
    if let Some(i) = find_year(&s) {
        let after = &s[i + 4..];
        let after = after
            .strip_prefix("年度")
            .or_else(|| after.strip_prefix('年'))
            .unwrap_or(after);
        s = after.to_string();
    }
    if s.is_empty() {
        return None;
    }
    Some((s, qualifier))
}

/// The byte index of a 4-digit year (19xx/20xx) followed by 年, if any.
fn find_year(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find(|&i| {
        b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (b[i] == b'1' || b[i] == b'2')
            && s[i + 4..].starts_with('年')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(t: &str) -> Option<String> {
        Vocabulary::get().kind_of_title(t).map(|k| k.id.clone())
    }

    #[test]
    fn titles_of_every_region_name_their_kind() {
        for (title, want) in [
            ("预算 01表 收支总表", "收支总表"),
            ("表1 部门收支总体情况表", "收支总表"),
            ("2026 年度收支预算总表", "收支总表"),
            ("2021年部门综合预算收支总表", "收支总表"),
            ("公开表1", ""),
            ("一、收支总体情况表", "收支总表"),
            ("财政拨款收支总体情况表", "财政拨款收支总表"),
            (
                "一般公共预算支出情况表（按功能分类科目）",
                "一般公共预算支出表",
            ),
            (
                "一般公共预算基本支出情况表（按经济分类科目）",
                "一般公共预算基本支出表",
            ),
            (
                "一般公共预算支出明细表（按经济分类科目）",
                "一般公共预算支出经济分类表",
            ),
            ("财政拨款“三公”经费支出表", "三公经费表"),
            ("2026年一般公共预算“三公”经费支出情况表", "三公经费表"),
            ("公开01表 收支总表", "收支总表"),
            ("预算13表 部门整体支出绩效目标表", "绩效目标表"),
            // The national 决算 tables, and budgets' titles naming a fund or a part before
            // words another kind's title ends in.
            ("收入支出决算总表", "收支总表"),
            ("公开04表 财政拨款收入支出决算总表", "财政拨款收支总表"),
            ("一般公共预算财政拨款支出决算明细表", "一般公共预算支出表"),
            (
                "一般公共预算财政拨款基本支出决算明细表",
                "一般公共预算基本支出表",
            ),
            (
                "一般公共预算财政拨款项目支出决算表",
                "一般公共预算项目支出表",
            ),
            (
                "国有资本经营预算财政拨款支出决算表",
                "国有资本经营预算支出表",
            ),
            (
                "政府性基金预算财政拨款收入支出决算表",
                "政府性基金预算支出表",
            ),
            ("“三公”经费、行政参公单位机关运行经费情况表", "三公经费表"),
            ("机关运行经费支出决算表", "机关运行经费表"),
            ("一般公共预算财政拨款支出预算表", "一般公共预算支出表"),
            ("政府性基金预算财政拨款支出预算表", "政府性基金预算支出表"),
            ("财政专户管理资金预算表", "财政专户管理资金表"),
            ("部门预算支出经济分类汇总表", "支出经济分类汇总表"),
            // Unknown, and ending like the 支出总表: unrecognised, never the 支出总表.
            ("一般公共预算财政拨款某某支出决算表", ""),
        ] {
            let got = kind(title).unwrap_or_default();
            assert_eq!(got, want, "{title}");
        }
    }

    #[test]
    fn sentences_are_not_titles() {
        assert_eq!(kind("详见收支总表。"), None);
    }

    #[test]
    fn no_header_word_names_two_keys() {
        let v = Vocabulary::get();
        let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for c in &v.columns {
            for w in &c.words {
                if let Some(k) = seen.insert(w.as_str(), c.key.as_str()) {
                    assert_eq!(k, c.key, "“{w}” names both {k} and {}", c.key);
                }
            }
        }
    }

    #[test]
    fn header_words_name_keys() {
        let v = Vocabulary::get();
        assert_eq!(v.column_key("基本 支出"), Some(("基本支出", false)));
        assert_eq!(v.column_key("2026年预算数"), Some(("预算数", false)));
        assert_eq!(v.column_key("科目编码"), Some(("科目", true)));
        assert_eq!(v.column_key("不知道"), None);
    }

    #[test]
    fn a_vocabulary_file_adds_a_title_and_a_header() {
        let mut v = Vocabulary::default();
        assert!(v.kind_of_title("部门预算收支平衡表").is_none());
        assert!(v.column_key("本级财力").is_none());
        v.extend(
            "[[kind]]\nid = \"收支总表\"\nnumber = 1\ntitles = [\"收支平衡表\"]\n\
             [[column]]\nkey = \"一般公共预算\"\nwords = [\"本级财力\"]\n",
        )
        .unwrap();
        assert_eq!(
            v.kind_of_title("部门预算收支平衡表").map(|k| k.id.as_str()),
            Some("收支总表")
        );
        assert_eq!(v.column_key("本级 财力"), Some(("一般公共预算", false)));
        assert!(
            v.extend("[[kind]]\nid = 1")
                .unwrap_err()
                .contains("词表文件有误")
        );
    }
}
