//! How much of a document's narrative is checked against its tables: the sentences, those
//! that state an amount in 元/万元, those with an amount read as a claim, and each amount claim
//! looked up in the tables (N1001), set aside as another period or a comparison's base, or not
//! recognised — the unrecognised listed by subject, most frequent first.
//! `cargo run --release -p yusuan-check --example claims -- FILE.pdf|FILE.txt|A.pdf+B.pdf...`
use yusuan_check::engine::Cx;
use yusuan_check::rules::narrative::n1001::{Looked, coverage};

fn main() {
    for file in std::env::args().skip(1) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        // `a.pdf+b.pdf`: one document in two files (Beijing's 附件1 and 附件2), read as one.
        let parts: Vec<Vec<u8>> = file
            .split('+')
            .map(|f| std::fs::read(f).unwrap_or_default())
            .collect();
        let d = if parts.len() > 1 {
            let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
            yusuan_import::import_pdfs(&refs).0
        } else if file.ends_with(".pdf") {
            yusuan_import::import_pdf(&bytes).0
        } else {
            yusuan_import::import_text(&String::from_utf8_lossy(&bytes)).0
        };
        let cx = Cx {
            disclosure: &d,
            budget: None,
            previous: None,
        };
        let mut sentences = Vec::new();
        fn walk<'a>(
            s: &'a yusuan_core::disclosure::Section,
            out: &mut Vec<&'a yusuan_core::disclosure::Sentence>,
        ) {
            out.extend(&s.sentences);
            s.subsections.iter().for_each(|x| walk(x, out));
        }
        d.narrative
            .sections
            .iter()
            .for_each(|s| walk(s, &mut sentences));
        let amounts = sentences
            .iter()
            .filter(|s| s.text.chars().any(|c| c.is_ascii_digit()) && s.text.contains('元'))
            .count();
        let claimed = sentences
            .iter()
            .filter(|s| {
                s.claims
                    .iter()
                    .any(|c| matches!(c.kind, yusuan_core::disclosure::ClaimKind::Amount { .. }))
            })
            .count();
        let cov = coverage(&cx);
        let (mut up, mut other) = (0, 0);
        let mut unknown: std::collections::BTreeMap<String, usize> = Default::default();
        for (_, _, l) in &cov {
            match l {
                Looked::Up(..) => up += 1,
                Looked::OtherPeriod => other += 1,
                Looked::NotRecognised(s) => *unknown.entry(s.clone()).or_default() += 1,
            }
        }
        let mut unknown: Vec<(String, usize)> = unknown.into_iter().collect();
        unknown.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let name = std::path::Path::new(&file)
            .file_name()
            .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
        println!(
            "{name}: sentences {} stating amounts {amounts} with an amount claim {claimed}; amount claims {}: checked {up}, other period/base {other}, not recognised {}",
            sentences.len(),
            cov.len(),
            cov.len() - up - other
        );
        for (s, n) in unknown.iter().take(12) {
            println!("    {n:>3} × {s}");
        }
    }
}
