//! Compares how a Shanghai document's layout text is read by the layout reader and by meaning
//! (bound to the template): tables, rows, cells and findings that differ. (A PDF is read by
//! meaning only; given one, both sides are that reading.)
//! `cargo run --release -p yusuan-import --example compare_readers -- FILE...`
use yusuan_core::disclosure::{Disclosure, Table};

fn cells(t: &Table) -> Vec<String> {
    t.rows
        .iter()
        .map(|r| {
            let c: Vec<String> = r
                .cells
                .iter()
                .map(|c| c.as_ref().map_or("-".into(), |c| c.printed.to_string()))
                .collect();
            format!(
                "{:?} {} {} [{}]",
                r.side,
                r.code.as_deref().unwrap_or(""),
                r.label,
                c.join(" ")
            )
        })
        .collect()
}

fn findings(d: &Disclosure) -> Vec<String> {
    let mut v: Vec<String> = yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: d,
        budget: None,
        previous: None,
    })
    .into_iter()
    .filter(|f| f.severity >= yusuan_core::diag::Severity::Warning)
    .map(|f| format!("{} {}", f.code, f.message))
    .collect();
    v.sort();
    v
}

fn main() {
    for file in std::env::args().skip(1) {
        let bytes = std::fs::read(&file).unwrap();
        let (theirs, ours) = if file.ends_with(".pdf") {
            let (pages, _) = yusuan_import::pdf::pages(&bytes);
            let text = yusuan_import::pdf::join(&pages);
            let (t, _, _) = yusuan_import::import_pdf(&bytes);
            let (o, _) = yusuan_import::read_by_meaning(&pages, &text, true);
            (t, o)
        } else {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let (t, _) = yusuan_import::import_text(&text);
            let blank = yusuan_import::furniture::blank(&text);
            let pages = yusuan_import::textpage::pages(&blank);
            let (o, _) = yusuan_import::read_by_meaning(&pages, &blank, false);
            (t, o)
        };
        println!(
            "== {file}: {} / {} ({} {} {:?} / {} {} {:?})",
            theirs.template,
            ours.template,
            theirs.department,
            theirs.year,
            theirs.kind,
            ours.department,
            ours.year,
            ours.kind
        );
        for t in &theirs.tables {
            let Some(o) = ours.tables.iter().find(|o| o.number == t.number) else {
                println!("  table {} {} not bound by meaning", t.number, t.title);
                continue;
            };
            let tk: Vec<String> = t
                .columns
                .iter()
                .map(|c| format!("{}:{:?}", c.key, c.side))
                .collect();
            let ok: Vec<String> = o
                .columns
                .iter()
                .map(|c| format!("{}:{:?}", c.key, c.side))
                .collect();
            if tk != ok {
                println!("  table {} columns {:?} / {:?}", t.number, tk, ok);
            }
            if t.unit != o.unit
                || t.unplaced != o.unplaced
                || t.empty_statement.is_some() != o.empty_statement.is_some()
            {
                println!(
                    "  table {} unit {:?}/{:?} unplaced {}/{} empty {:?}/{:?}",
                    t.number,
                    t.unit,
                    o.unit,
                    t.unplaced,
                    o.unplaced,
                    t.empty_statement,
                    o.empty_statement
                );
            }
            let (a, b) = (cells(t), cells(o));
            if a != b {
                println!("  table {} rows {} / {}", t.number, a.len(), b.len());
                for x in a.iter().filter(|x| !b.contains(x)).take(6) {
                    println!("    - {x}");
                }
                for x in b.iter().filter(|x| !a.contains(x)).take(6) {
                    println!("    + {x}");
                }
            }
        }
        for o in ours.tables.iter().filter(|o| o.kind.is_some()) {
            println!(
                "  unbound by meaning: {} [{:?}] {:?}",
                o.title,
                o.kind,
                o.columns.iter().map(|c| &c.key).collect::<Vec<_>>()
            );
        }
        let (a, b) = (findings(&theirs), findings(&ours));
        for x in a.iter().filter(|x| !b.contains(x)) {
            println!("  finding only theirs: {x}");
        }
        for x in b.iter().filter(|x| !a.contains(x)) {
            println!("  finding only ours: {x}");
        }
    }
}
