//! Reading what the user names: files (size-limited, UTF-8 or GB18030), budget sources, published documents of any format, several files as one, directories.

use crate::*;

/// Files larger than this are refused before reading: no budget source comes near it.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file's bytes, refusing a directory or a file over the size limit; prints why not to
/// stderr.
pub(crate) fn read_bytes(path: &Path) -> Option<Vec<u8>> {
    let shown = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            eprintln!("错误：{shown} 是目录，不是文件");
            return None;
        }
        Ok(m) if m.len() > MAX_INPUT_BYTES => {
            eprintln!(
                "错误：{shown} 有 {} 字节，超过上限 {MAX_INPUT_BYTES} 字节，不予读取",
                m.len()
            );
            return None;
        }
        Ok(_) => {}
        Err(e) => {
            eprintln!("错误：无法读取 {shown}：{}", io_reason(&e));
            return None;
        }
    }
    match std::fs::read(path) {
        Ok(b) => Some(b),
        Err(e) => {
            eprintln!("错误：无法读取 {shown}：{}", io_reason(&e));
            None
        }
    }
}

/// Reads a text file (UTF-8, or GB18030 said so), refusing directories and oversized files.
pub(crate) fn read_text(path: &Path) -> Option<String> {
    let shown = path.display().to_string();
    let bytes = read_bytes(path)?;
    match source::decode_text(&bytes) {
        Ok((t, "UTF-8")) => Some(t.into_owned()),
        Ok((t, encoding)) => {
            eprintln!("注意：{shown} 不是 UTF-8 编码，已按 {encoding} 读取");
            Some(t.into_owned())
        }
        Err(d) => {
            eprint!("{}", diag_text::render(&d, &shown, ""));
            None
        }
    }
}

/// Parses a budget source, printing diagnostics to stderr. `None` when it has errors.
pub(crate) fn parse_budget(path: &Path, text: &str) -> Option<Budget> {
    report_parsed(path, source::parse(text), text)
}

/// Prints every problem found reading a budget (with excerpts from `text` where it is one) and
/// returns the budget, or says that none was made.
pub(crate) fn report_parsed(path: &Path, parsed: source::Parsed, text: &str) -> Option<Budget> {
    let shown = path.display().to_string();
    let mut err = std::io::stderr().lock();
    for d in &parsed.diagnostics {
        let _ = writeln!(err, "{}", diag_text::render(d, &shown, text));
    }
    if parsed.budget.is_none() {
        let _ = writeln!(
            err,
            "{shown}：发现 {} 处错误，未生成公开表。",
            parsed.diagnostics.len()
        );
    }
    parsed.budget
}

/// A document to check: the disclosure, its budget when it came from a source, and its text.
pub(crate) struct Loaded {
    pub(crate) disclosure: Disclosure,
    pub(crate) budget: Option<Budget>,
    pub(crate) text: String,
    /// What reading the file found (printed as it was read): errors and warnings.
    pub(crate) read: (usize, usize),
    /// What reading found wrong in the print itself (a misprinted code): it goes on the
    /// inspection sheet with the rules' findings.
    pub(crate) defects: Vec<Diagnostic>,
}

/// What a published document gave the checks, said after its counts: its tables (and how many
/// could not be read whole, so were not checked) and its narrative's sentences (and how many
/// state an amount).
pub(crate) fn what_was_read(d: &yusuan_core::disclosure::Disclosure) -> String {
    fn count(s: &yusuan_core::disclosure::Section, all: &mut usize, amounts: &mut usize) {
        for x in &s.sentences {
            *all += 1;
            if x.claims
                .iter()
                .any(|c| matches!(c.kind, yusuan_core::disclosure::ClaimKind::Amount { .. }))
            {
                *amounts += 1;
            }
        }
        for sub in &s.subsections {
            count(sub, all, amounts);
        }
    }
    let (mut all, mut amounts) = (0, 0);
    for s in &d.narrative.sections {
        count(s, &mut all, &mut amounts);
    }
    let partial = d.tables.iter().filter(|t| t.unplaced > 0).count();
    let partial = if partial > 0 {
        format!("，其中 {partial} 张有未能归位的数字、未检查")
    } else {
        String::new()
    };
    let unrecognised = if d.unrecognised.is_empty() {
        String::new()
    } else {
        format!("，另有 {} 张未识别的表", d.unrecognised.len())
    };
    let narrative = if all == 0 {
        "，没有读到情况说明".to_string()
    } else {
        format!("，说明 {all} 句（{amounts} 句写有金额）")
    };
    format!(
        "；读到 {} 张表{partial}{unrecognised}{narrative}",
        d.tables.len()
    )
}

/// The reading diagnostics that are defects of the print (for the inspection sheet).
pub(crate) fn print_defects(diags: &[Diagnostic]) -> Vec<Diagnostic> {
    diags
        .iter()
        .filter(|d| yusuan_check::sheet::PRINT_DEFECTS.contains(&d.code))
        .cloned()
        .collect()
}

/// A published document as read, with what reading said of it.
fn published(disclosure: Disclosure, diags: &[Diagnostic], text: String) -> Loaded {
    Loaded {
        read: read_counts(diags),
        defects: print_defects(diags),
        disclosure,
        budget: None,
        text,
    }
}

/// Errors and warnings among a reader's diagnostics.
pub(crate) fn read_counts(diags: &[Diagnostic]) -> (usize, usize) {
    let n = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    (n(Severity::Error), n(Severity::Warning))
}

/// A prepared document: the budget (its figures rounded as asked), derived, with the 尾差
/// footnote on each table whose printed parts do not add up.
pub(crate) fn prepared(path: &Path, budget: Budget, rounding: RoundingArg) -> Loaded {
    let budget = match rounding {
        RoundingArg::Separate => budget,
        RoundingArg::Consistent => match yusuan_core::rounding::consistent(&budget) {
            Ok(b) => b,
            Err(e) => {
                eprintln!(
                    "警告：{}：{e}；已改用各数分别四舍五入（表内不相加处加尾差注）",
                    path.display()
                );
                budget
            }
        },
    };
    let (disclosure, budget) = yusuan_store::read::prepared(budget);
    Loaded {
        read: (0, 0),
        defects: Vec::new(),
        disclosure,
        budget: Some(budget),
        text: String::new(),
    }
}

/// Several published files read as one document, in the order given: all PDFs (their pages
/// numbered on from file to file) or all texts (joined page after page). Says which pages
/// each file became; prints why not and returns `None` when they cannot be read so.
pub(crate) fn load_as_one(files: &[PathBuf]) -> Option<(String, Loaded)> {
    let ext = |p: &PathBuf| {
        p.extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let name = files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(" + ");
    let first = ext(&files[0]);
    if !matches!(first.as_str(), "pdf" | "txt") || files.iter().any(|f| ext(f) != first) {
        eprintln!(
            "错误：--as-one 只合并同一种公开文件：都是 PDF，或都是文本（.txt）；这里是 {name}"
        );
        return None;
    }
    let (disclosure, diags, text, starts) = if first == "pdf" {
        let mut all = Vec::new();
        for f in files {
            all.push(read_bytes(f)?);
        }
        let refs: Vec<&[u8]> = all.iter().map(Vec::as_slice).collect();
        yusuan_import::import_pdfs(&refs)
    } else {
        let mut texts = Vec::new();
        for f in files {
            texts.push(read_text(f)?);
        }
        // Each file starts a new page: its first page follows the last one's.
        let mut starts = Vec::new();
        let mut pages = 0u32;
        for t in &texts {
            starts.push(pages.saturating_add(1));
            pages = pages
                .saturating_add(1)
                .saturating_add(u32::try_from(t.matches('\u{c}').count()).unwrap_or(u32::MAX));
        }
        let text = texts.join("\n\u{c}");
        let (d, diags) = yusuan_import::import_text(&text);
        (d, diags, text, starts)
    };
    for d in &diags {
        eprintln!("{}", diag_text::render(d, &name, &text));
    }
    let map: Vec<String> = files
        .iter()
        .zip(&starts)
        .map(|(f, s)| format!("{} 从第 {s} 页起", f.display()))
        .collect();
    eprintln!(
        "合并为一份文件读入：{}（下文页码为合并后的页码）；读到 {} 张公开表",
        map.join("，"),
        disclosure.tables.len()
    );
    Some((name, published(disclosure, &diags, text)))
}

/// Loads a file for checking by its extension; prints what reading said (and why not, returning
/// `None`, when it cannot be read).
pub(crate) fn load_document(path: &Path, rounding: RoundingArg) -> Option<Loaded> {
    use yusuan_store::read::{self, Format};
    let shown = path.display().to_string();
    if Format::of_name(&shown).is_none() {
        eprintln!("错误：{}", read::unsupported(&shown));
        return None;
    }
    let bytes = read_bytes(path)?;
    match read::read(&shown, &bytes) {
        Ok(r) => {
            if let Some(encoding) = r.encoding {
                eprintln!("注意：{shown} 不是 UTF-8 编码，已按 {encoding} 读取");
            }
            let mut err = std::io::stderr().lock();
            for d in &r.diagnostics {
                let _ = writeln!(err, "{}", diag_text::render(d, &shown, &r.text));
            }
            if r.format == Format::LongTable && !r.diagnostics.is_empty() {
                let _ = writeln!(
                    err,
                    "{shown}：有 {} 处无法读取，只检查读到的单元格。",
                    r.diagnostics.len()
                );
            }
            Some(match r.budget {
                // Reading derived it already, with figures rounded separately.
                Some(budget) if rounding == RoundingArg::Separate => Loaded {
                    read: (0, 0),
                    defects: Vec::new(),
                    disclosure: r.disclosure,
                    budget: Some(budget),
                    text: r.text,
                },
                Some(budget) => Loaded {
                    text: r.text,
                    ..prepared(path, budget, rounding)
                },
                None => published(r.disclosure, &r.diagnostics, r.text),
            })
        }
        Err(f) => {
            let mut err = std::io::stderr().lock();
            for d in &f.diagnostics {
                let _ = writeln!(err, "{}", diag_text::render(d, &shown, &f.text));
            }
            // The reason is said once: not again when a diagnostic above already says it.
            if f.diagnostics
                .iter()
                .all(|d| !f.message.ends_with(&d.message))
            {
                let _ = writeln!(err, "{}", f.message);
            }
            None
        }
    }
}

/// The files to check: each file as given, each directory's documents (PDF, text, workbook,
/// long table, budget source) found recursively, in name order. Hidden entries and linked
/// directories are skipped.
pub(crate) fn expand(files: &[PathBuf]) -> Option<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        entries.sort();
        for p in entries {
            // A linked directory is not followed (a link back up would never end).
            let linked = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
            if p.is_dir() {
                if !linked {
                    walk(&p, out)?;
                }
            } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["pdf", "txt", "xlsx", "csv", "toml"]
                    .iter()
                    .any(|k| e.eq_ignore_ascii_case(k))
            }) {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for f in files {
        if f.is_dir() {
            let before = out.len();
            if let Err(e) = walk(f, &mut out) {
                eprintln!("错误：无法读取目录 {}：{}", f.display(), io_reason(&e));
                return None;
            }
            if out.len() == before {
                eprintln!(
                    "错误：目录 {} 中没有可检查的文件（.pdf、.txt、.xlsx、.csv、.toml）",
                    f.display()
                );
                return None;
            }
        } else {
            out.push(f.clone());
        }
    }
    Some(out)
}
