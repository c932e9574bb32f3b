//! `yusuan check`: the findings of every rule, as text, JSON or the inspection sheet.

use crate::*;

pub(crate) fn cmd_check(
    files: &[PathBuf],
    format: CheckFormat,
    output: Option<&Path>,
    previous: Option<&Path>,
    rounding: RoundingArg,
    as_one: bool,
    db: Option<&Path>,
) -> ExitCode {
    let Some(files) = expand(files) else {
        return ExitCode::from(2);
    };
    // Last year's document, read like any other; its own findings are not reported.
    let last = match previous {
        Some(p) => match load_document(p, rounding) {
            Some(l) => {
                eprintln!(
                    "上年文件：{}（{} 年{}），说明中比上年的增减与其核对",
                    p.display(),
                    l.disclosure.year,
                    l.disclosure.department
                );
                Some(l)
            }
            None => return ExitCode::from(2),
        },
        None => None,
    };
    let previous = last.as_ref().map(|l| &l.disclosure);
    let files = &files[..];
    let mut unreadable = false;
    let mut loaded = Vec::new();
    if as_one && files.len() > 1 {
        match load_as_one(files) {
            Some(one) => loaded.push(one),
            None => return ExitCode::from(2),
        }
    } else {
        for f in files {
            match load_document(f, rounding) {
                Some(l) => loaded.push((f.display().to_string(), l)),
                None => unreadable = true,
            }
        }
    }
    if let Some(prev) = previous {
        for (name, l) in &loaded {
            let d = &l.disclosure;
            if prev.year != d.year - 1 || prev.stage != d.stage {
                eprintln!(
                    "警告：上年文件是 {} 年的{}，不是 {name}（{} 年{}）的上一年度同类文件，比上年的增减不与它核对",
                    prev.year,
                    prev.stage.word(),
                    d.year,
                    d.stage.word()
                );
            }
        }
    }
    // Without --previous, each document's last-year document comes from the store, when one is
    // given and holds it.
    let stored: Vec<Option<Disclosure>> = match (db, previous) {
        (Some(db), None) => {
            let store = match yusuan_store::Store::open_read_only(db) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("错误：{e}");
                    return ExitCode::from(2);
                }
            };
            loaded
                .iter()
                .map(|(name, l)| {
                    let format = yusuan_store::read::Format::of_name(name)
                        .unwrap_or(yusuan_store::read::Format::Pdf);
                    let found =
                        yusuan_store::batch::previous_for(&store, &l.disclosure, format);
                    match &found {
                        Some((hash, d)) => eprintln!(
                            "上年文件：数据库中的 {} 年{}（{}…），说明中比上年的增减与其核对",
                            d.year,
                            d.department,
                            &hash[..12]
                        ),
                        None => eprintln!(
                            "注意：数据库中没有 {name} 的上年文件（{} {} 年{}），比上年的增减不核对",
                            l.disclosure.department,
                            l.disclosure.year - 1,
                            l.disclosure.stage.word()
                        ),
                    }
                    found.map(|(_, d)| d)
                })
                .collect()
        }
        _ => loaded.iter().map(|_| None).collect(),
    };
    let last_of = |i: usize| previous.or(stored.get(i).and_then(Option::as_ref));
    let results: Vec<(String, &Loaded, Vec<Diagnostic>, Option<&Disclosure>)> = loaded
        .iter()
        .enumerate()
        .map(|(i, (name, l))| {
            let cx = Cx {
                disclosure: &l.disclosure,
                budget: l.budget.as_ref(),
                previous: last_of(i),
            };
            (name.clone(), l, yusuan_check::check(&cx), last_of(i))
        })
        .collect();
    let any_error = results
        .iter()
        .any(|(_, _, f, _)| f.iter().any(|d| d.severity == Severity::Error));
    let out = match format {
        CheckFormat::Sheet => {
            let sheets: Vec<yusuan_core::sheet::Sheet> = results
                .iter()
                .map(|(name, l, found, previous)| {
                    let cx = Cx {
                        disclosure: &l.disclosure,
                        budget: l.budget.as_ref(),
                        previous: *previous,
                    };
                    yusuan_store::audit::sheet_of(name, &cx, &l.text, &l.defects, found)
                })
                .collect();
            let bytes = match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("xlsx") => {
                    match yusuan_formats::sheet::xlsx(&sheets) {
                        Ok(b) => b,
                        Err(e) => {
                            eprintln!("错误：{e}");
                            return ExitCode::from(2);
                        }
                    }
                }
                Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => {
                    yusuan_formats::sheet::html(&sheets).into_bytes()
                }
                _ => yusuan_formats::sheet::markdown(&sheets).into_bytes(),
            };
            return match output {
                Some(path) => match write_file(path, &bytes) {
                    ExitCode::SUCCESS if unreadable => ExitCode::from(2),
                    code => code,
                },
                None => {
                    out(&String::from_utf8_lossy(&bytes));
                    if unreadable {
                        ExitCode::from(2)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
            };
        }
        CheckFormat::Json => {
            let pairs: Vec<(&str, &Diagnostic)> = results
                .iter()
                .flat_map(|(name, _, f, _)| f.iter().map(move |d| (name.as_str(), d)))
                .collect();
            diag_json::render(&pairs)
        }
        CheckFormat::Human => {
            let mut s = String::new();
            for (name, l, found, previous) in &results {
                for d in found {
                    s.push_str(&diag_text::render(d, name, &l.text));
                    s.push('\n');
                }
                let count = |sev: Severity| found.iter().filter(|d| d.severity == sev).count();
                let mut read = match l.read {
                    (0, 0) => String::new(),
                    (e, w) => format!("；读入时另有 {e} 个错误、{w} 个警告（见上）"),
                };
                if l.budget.is_none() {
                    read.push_str(&what_was_read(&l.disclosure));
                }
                s.push_str(&format!(
                    "{name}：{} 个错误，{} 个警告，{} 个提示（共运行 {} 条规则）{read}\n",
                    count(Severity::Error),
                    count(Severity::Warning),
                    count(Severity::Info),
                    registry::RULES
                        .iter()
                        .filter(|r| yusuan_check::applies(
                            r.meta(),
                            &Cx {
                                disclosure: &l.disclosure,
                                budget: l.budget.as_ref(),
                                previous: *previous,
                            }
                        ))
                        .count()
                ));
            }
            s
        }
    };
    if let Some(path) = output {
        let code = write_file(path, out.as_bytes());
        if code != ExitCode::SUCCESS {
            return code;
        }
    } else {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout
            .write_all(out.as_bytes())
            .and_then(|_| stdout.flush());
    }
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
