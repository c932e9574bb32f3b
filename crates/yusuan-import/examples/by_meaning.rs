//! Reads a PDF or a `pdftotext -layout` text with the reader by meaning alone (whatever
//! template the document follows) and prints, per table, its kind, page, rows and total, the
//! reader's warnings, and the check's findings at warning level and above: for trying the
//! reader on a family it was not written on (the Shanghai corpus, a new region).
//! `cargo run --release -p yusuan-import --example by_meaning -- [--rows KIND] FILE...`
//! (`--rows KIND`: also print that kind's rows.)
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let rows_of = match args.iter().position(|a| a == "--rows") {
        Some(i) if i + 1 < args.len() => {
            let k = args.remove(i + 1);
            args.remove(i);
            Some(k)
        }
        _ => None,
    };
    let narrative = match args.iter().position(|a| a == "--narrative") {
        Some(i) => {
            args.remove(i);
            true
        }
        None => false,
    };
    for file in args {
        let Ok(bytes) = std::fs::read(&file) else {
            eprintln!("{file}: cannot read");
            continue;
        };
        let (pages, text, exact) = if file.ends_with(".pdf") {
            let (pages, _) = yusuan_import::pdf::pages(&bytes);
            let text = yusuan_import::pdf::join(&pages);
            (pages, text, true)
        } else {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (yusuan_import::textpage::pages(&text), text, false)
        };
        let (d, diags) = yusuan_import::read_by_meaning(&pages, &text, exact);
        println!("== {file}");
        for t in &d.tables {
            let total = t
                .rows
                .iter()
                .find(|r| r.kind == yusuan_core::disclosure::RowKind::Total)
                .and_then(|r| r.cells.iter().flatten().next())
                .map(|c| c.printed.to_string())
                .unwrap_or_default();
            let keys: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
            println!(
                "  {} [{}] rows {} unplaced {} total {} | {}",
                t.title,
                t.kind.as_deref().unwrap_or("?"),
                t.rows.len(),
                t.unplaced,
                total,
                keys.join(" ")
            );
            if t.kind.as_deref() == rows_of.as_deref() {
                for r in &t.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| {
                            c.as_ref()
                                .map_or("·".to_string(), |c| c.printed.to_string())
                        })
                        .collect();
                    println!(
                        "    {:?} {} {} | {}",
                        r.side,
                        r.code.as_deref().unwrap_or("-"),
                        r.label,
                        cells.join(" ")
                    );
                }
            }
        }
        if narrative {
            fn show(s: &yusuan_core::disclosure::Section, depth: usize) {
                println!("  {}§ {} {}", "  ".repeat(depth), s.number, s.title);
                for x in &s.sentences {
                    println!(
                        "  {}  - {} [{} claims]",
                        "  ".repeat(depth),
                        x.text,
                        x.claims.len()
                    );
                }
                for sub in &s.subsections {
                    show(sub, depth + 1);
                }
            }
            for s in &d.narrative.sections {
                show(s, 0);
            }
        }
        for g in diags
            .iter()
            .filter(|g| g.severity >= yusuan_core::diag::Severity::Warning)
        {
            println!("  读入 {} {}", g.code, g.message);
        }
        let found = yusuan_check::check(&yusuan_check::Cx {
            disclosure: &d,
            budget: None,
            previous: None,
        });
        for f in found
            .iter()
            .filter(|f| f.severity >= yusuan_core::diag::Severity::Warning)
        {
            println!("  检查 {} {}", f.code, f.message);
        }
    }
}
