//! `yusuan import`: the model read from a document, its facts, its statements or its text.

use crate::*;

/// Every sentence of the narrative that states an amount, with its statements (the amount and
/// its share, comparison, change, rate, 持平 and reason) and where it stands.
pub(crate) fn claims_of(d: &yusuan_core::disclosure::Disclosure) -> Vec<serde_json::Value> {
    fn walk<'a>(
        s: &'a yusuan_core::disclosure::Section,
        out: &mut Vec<&'a yusuan_core::disclosure::Sentence>,
    ) {
        out.extend(&s.sentences);
        s.subsections.iter().for_each(|x| walk(x, out));
    }
    let mut sentences = Vec::new();
    d.narrative
        .sections
        .iter()
        .for_each(|s| walk(s, &mut sentences));
    sentences
        .into_iter()
        .filter_map(|s| {
            let st = yusuan_core::claims::statements(&s.text, &s.claims);
            (!st.is_empty()).then(|| {
                serde_json::json!({
                    "at": s.source.to_string(),
                    "sentence": s.text,
                    "statements": st,
                })
            })
        })
        .collect()
}

pub(crate) fn cmd_import(path: &Path, format: &str) -> ExitCode {
    if !matches!(format, "json" | "text" | "facts" | "claims") {
        eprintln!("错误：不支持的输出格式“{format}”，可用 json、facts、claims 或 text");
        return ExitCode::from(2);
    }
    let Some(loaded) = load_document(path, RoundingArg::Separate) else {
        return ExitCode::from(2);
    };
    if format == "text" {
        out(&loaded.text);
        return ExitCode::SUCCESS;
    }
    let json = if format == "facts" {
        serde_json::to_string_pretty(&yusuan_core::facts::facts(&loaded.disclosure))
    } else if format == "claims" {
        serde_json::to_string_pretty(&claims_of(&loaded.disclosure))
    } else {
        serde_json::to_string_pretty(&loaded.disclosure)
    };
    match json {
        Ok(s) => {
            outln(&s.to_string());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：无法输出 JSON：{e}");
            ExitCode::from(2)
        }
    }
}
