//! `yusuan` — the command-line tool. A thin shell: it reads files, calls the library crates,
//! and prints. No figures are computed here.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yusuan_check::engine::Cx;
use yusuan_check::obligations;
use yusuan_check::registry;
use yusuan_core::Budget;
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::Disclosure;
use yusuan_formats::{diag_json, diag_text, source, tables};

/// Files larger than this are refused before reading: no budget source comes near it.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Parser)]
#[command(name = "yusuan", version, about = "预算 — 部门预算公开：编制、检查、读回", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 生成并打印部门预算公开表（表1–表11）
    Tables {
        /// 预算源文件（.toml），或公开文件的文本（.txt）、长表（.csv）
        file: PathBuf,
        /// 输出格式：text（对齐的文本）、md（Markdown）、csv（长表：table,row_code,row_label,column,value,side,kind）、json
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// 取整方式：separate（各数分别四舍五入，官方做法，表内不相加处自动加尾差注）或 consistent（合计与分项处处一致，每个数与真实值相差不超过 0.01 万元；只对预算源文件和填报表有效）
        #[arg(long, value_enum, default_value_t = RoundingArg::Separate)]
        rounding: RoundingArg,
    },
    /// 生成完整的公开文件：部门概况、公开表（表1–表11）、情况说明、名词解释
    Render {
        /// 预算源文件（.toml），或公开文件的文本（.txt）、长表（.csv）
        file: PathBuf,
        /// 输出格式：pdf（A4 正式文本，嵌入中文字体）、html（单个自包含网页，可打印）、xlsx（每表一个工作表）、docx（可编辑的 Word/WPS 文档）、md（Markdown，便于比对和审阅）或 text（纯文本，可由 import/check 读回）
        #[arg(long, value_enum, default_value_t = DocFormat::Md)]
        to: DocFormat,
        /// 输出文件；不给则打印到标准输出
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// PDF 正文字体文件（.ttf/.otf/.ttc，如单位自己的宋体、仿宋）；默认用本机的思源宋体（fonts-noto-cjk）
        #[arg(long, value_name = "FILE")]
        font: Option<PathBuf>,
        /// PDF 标题字体文件（黑体类）；默认用本机的思源黑体，没有则用正文字体
        #[arg(long, value_name = "FILE")]
        heading_font: Option<PathBuf>,
        /// 取整方式：separate（各数分别四舍五入，官方做法，表内不相加处自动加尾差注）或 consistent（合计与分项处处一致，每个数与真实值相差不超过 0.01 万元；只对预算源文件和填报表有效）
        #[arg(long, value_enum, default_value_t = RoundingArg::Separate)]
        rounding: RoundingArg,
    },
    /// 读取公开文件，输出其模型（JSON：表格、情况说明及其中的数字）
    Import {
        /// 公开文件的 PDF（.pdf）、文本（.txt）、长表（.csv）、工作簿（.xlsx）或预算源文件（.toml）
        file: PathBuf,
        /// 输出格式：json（读到的模型）、facts（每个公开数字及其含义：收支、资金、科目、支出部分、期间、页码，见 docs/facts.md）、claims（情况说明中每句写有金额的话：说的是什么、金额、占比、与什么比、增减额、增减率、持平、原因）或 text（读到的文字，PDF 按页以换页符分隔，便于核对）
        #[arg(long, short, default_value = "json")]
        format: String,
    },
    /// 检查公开文件：表内、表间、三公、项目与绩效、人员、完整性、科目、文字
    Check {
        /// 要检查的文件：公开文件 PDF（.pdf）、其文本（.txt）、工作簿（.xlsx）、长表（.csv）或预算源文件（.toml）；给出目录时检查其中（含子目录）所有这些文件
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 输出格式：human（带原文摘录）、json，或 sheet（预算公开情况检查表：每份文件一张，逐项写明是否符合要求和存在的问题；用 -o 写成 .xlsx、.html 或 .md，不给 -o 时以 Markdown 输出）
        #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// 写入的文件（不给时输出到屏幕）；检查表按扩展名写成 .xlsx、.html 或 .md
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// 同一部门上一年度的公开文件：说明中“比上年增加（减少）”的数与其中印的上年数核对
        #[arg(long, value_name = "FILE")]
        previous: Option<PathBuf>,
        /// 取整方式：separate（各数分别四舍五入，官方做法，表内不相加处自动加尾差注）或 consistent（合计与分项处处一致，每个数与真实值相差不超过 0.01 万元；只对预算源文件和填报表有效）
        #[arg(long, value_enum, default_value_t = RoundingArg::Separate)]
        rounding: RoundingArg,
        /// 把给出的几个 PDF（或几个文本）按顺序当作一份公开文件读入检查：有的部门把情况说明和公开表分成两个文件发布
        #[arg(long)]
        as_one: bool,
    },
    /// 列出全部检查规则（编号、级别、标题）
    Rules,
    /// 显示一条规则的说明：检查什么、为什么、示例、依据
    Explain {
        /// 规则编号，如 T0601
        id: String,
    },
    /// 公开义务台账：每项义务由哪些规则检查；给出文件时显示逐项结果
    Obligations {
        /// 要评估的文件（可选）
        file: Option<PathBuf>,
    },
    /// 写出一个带注释的预算源文件模板
    Init {
        /// 写入的文件（默认 budget.toml；以 .xlsx 结尾则写出填报表）
        #[arg(default_value = "budget.toml")]
        file: PathBuf,
        /// 文件已存在时覆盖
        #[arg(long)]
        force: bool,
        /// 写出 XLSX 预算填报表（基本信息、账目、项目、绩效指标等，带下拉选项），而非 TOML 源文件
        #[arg(long)]
        xlsx: bool,
        /// 填报表的预算年度（默认明年）
        #[arg(long)]
        year: Option<i32>,
    },
    /// 在预算源文件（.toml）与 XLSX 填报表之间转换，内容不变
    Convert {
        /// 输入：预算源文件（.toml）或填报表（.xlsx）
        file: PathBuf,
        /// 输出：.xlsx 或 .toml
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// `--rounding`: how a prepared document's printed figures are rounded.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum RoundingArg {
    Separate,
    Consistent,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Sheet,
}

#[derive(Clone, Copy, ValueEnum)]
enum DocFormat {
    Html,
    Xlsx,
    Docx,
    Pdf,
    Md,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Md,
    Csv,
    Json,
}

/// Writes to stdout; a closed pipe (`| head`) ends the output quietly instead of panicking.
fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
}

/// [`out`] with a line end.
fn outln(text: &str) {
    out(&format!("{text}\n"));
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Tables {
            file,
            format,
            rounding,
        } => cmd_tables(&file, format, rounding),
        Command::Render {
            file,
            to,
            output,
            font,
            heading_font,
            rounding,
        } => cmd_render(
            &file,
            to,
            output.as_deref(),
            (font.as_deref(), heading_font.as_deref()),
            rounding,
        ),
        Command::Init {
            file,
            force,
            xlsx,
            year,
        } => cmd_init(&file, force, xlsx, year),
        Command::Convert { file, output } => cmd_convert(&file, &output),
        Command::Check {
            files,
            format,
            output,
            previous,
            rounding,
            as_one,
        } => cmd_check(
            &files,
            format,
            output.as_deref(),
            previous.as_deref(),
            rounding,
            as_one,
        ),
        Command::Rules => cmd_rules(),
        Command::Import { file, format } => cmd_import(&file, &format),
        Command::Explain { id } => cmd_explain(&id),
        Command::Obligations { file } => cmd_obligations(file.as_deref()),
    }
}

/// Reads a text file (UTF-8), refusing directories and oversized files; prints why not to
/// stderr.
/// Reads a file's bytes, refusing a directory or a file over the size limit.
fn read_bytes(path: &Path) -> Option<Vec<u8>> {
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

fn read_text(path: &Path) -> Option<String> {
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
fn parse_budget(path: &Path, text: &str) -> Option<Budget> {
    report_parsed(path, source::parse(text), text)
}

/// Prints every problem found reading a budget (with excerpts from `text` where it is one) and
/// returns the budget, or says that none was made.
fn report_parsed(path: &Path, parsed: source::Parsed, text: &str) -> Option<Budget> {
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

fn cmd_convert(input: &Path, output: &Path) -> ExitCode {
    let ext = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let budget = match ext(input).as_str() {
        "toml" => read_text(input).and_then(|t| parse_budget(input, &t)),
        "xlsx" => {
            let Some(bytes) = read_bytes(input) else {
                return ExitCode::from(2);
            };
            let Some(parsed) = source::workbook::read_fill_in(&bytes) else {
                eprintln!(
                    "错误：{} 不是预算填报表（没有“基本信息”“账目”工作表）；公开表工作簿请用 yusuan tables 读取",
                    input.display()
                );
                return ExitCode::from(2);
            };
            report_parsed(input, parsed, "")
        }
        other => {
            eprintln!(
                "错误：{}：只能转换预算源文件（.toml）和填报表（.xlsx），不能转换“{other}”",
                input.display()
            );
            return ExitCode::from(2);
        }
    };
    let Some(budget) = budget else {
        return ExitCode::from(2);
    };
    let bytes = match ext(output).as_str() {
        "xlsx" => match source::workbook::write(Some(&budget), budget.year) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("错误：{e}");
                return ExitCode::from(2);
            }
        },
        "toml" => source::write(&budget).into_bytes(),
        other => {
            eprintln!(
                "错误：{}：输出须为 .xlsx（填报表）或 .toml（源文件），不能是“{other}”",
                output.display()
            );
            return ExitCode::from(2);
        }
    };
    write_file(output, &bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}

fn cmd_tables(path: &Path, format: Format, rounding: RoundingArg) -> ExitCode {
    let Some(loaded) = load_document(path, rounding) else {
        return ExitCode::from(2);
    };
    let d = loaded.disclosure;
    let out = match format {
        Format::Text => tables::text::render(&d),
        Format::Md => tables::markdown::render(&d),
        Format::Csv => tables::csv::render(&d),
        Format::Json => tables::json::render(&d),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        // A closed pipe (e.g. `| head`) is not an error worth reporting.
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}

/// The PDF of `d` in the given (or the system's) fonts; warnings go to stderr.
fn render_pdf(
    d: &yusuan_core::disclosure::Disclosure,
    (font, heading): (Option<&Path>, Option<&Path>),
) -> Result<Vec<u8>, String> {
    let fonts = yusuan_formats::pdf::Fonts::locate(font, heading)?;
    let out = yusuan_formats::pdf::render(d, &fonts)?;
    for w in &out.warnings {
        eprintln!("警告：{w}");
    }
    Ok(out.bytes)
}

fn cmd_render(
    path: &Path,
    to: DocFormat,
    output: Option<&Path>,
    fonts: (Option<&Path>, Option<&Path>),
    rounding: RoundingArg,
) -> ExitCode {
    if !matches!(to, DocFormat::Pdf) && (fonts.0.is_some() || fonts.1.is_some()) {
        eprintln!("错误：--font、--heading-font 只用于 --to pdf");
        return ExitCode::from(2);
    }
    let Some(loaded) = load_document(path, rounding) else {
        return ExitCode::from(2);
    };
    let d = loaded.disclosure;
    let rendered = match to {
        DocFormat::Text => Ok(yusuan_formats::document::text(&d).into_bytes()),
        DocFormat::Md => Ok(yusuan_formats::document::markdown(&d).into_bytes()),
        DocFormat::Html => Ok(yusuan_formats::html::render(&d).into_bytes()),
        DocFormat::Docx => yusuan_formats::docx::render(&d),
        DocFormat::Xlsx => yusuan_formats::xlsx::render(&d),
        DocFormat::Pdf => render_pdf(&d, fonts),
    };
    let bytes = match rendered {
        Ok(b) => b,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    let Some(output) = output else {
        if matches!(to, DocFormat::Xlsx | DocFormat::Docx | DocFormat::Pdf)
            && std::io::IsTerminal::is_terminal(&std::io::stdout())
        {
            eprintln!(
                "错误：PDF、XLSX、DOCX 是二进制文件，请用 -o 指定输出文件，如 -o 预算公开.pdf"
            );
            return ExitCode::from(2);
        }
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
        return ExitCode::SUCCESS;
    };
    write_file(output, &bytes)
}

/// Writes `bytes` to `output` beside the target and renames it, so a failed write never leaves
/// half a file; says what was written, or why not.
fn write_file(output: &Path, bytes: &[u8]) -> ExitCode {
    let tmp = output.with_extension("yusuan-tmp");
    match std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, output)) {
        Ok(()) => {
            eprintln!("已生成 {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "所在目录不存在".to_string(),
                std::io::ErrorKind::PermissionDenied => "没有写入权限".to_string(),
                _ => e.to_string(),
            };
            eprintln!("错误：无法写入 {}：{why}", output.display());
            ExitCode::from(2)
        }
    }
}

/// The year a budget is prepared for: next year (budgets are drawn up in the autumn before).
fn next_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 → civil year (proleptic Gregorian).
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (mut year, mut left) = (1970i64, days);
    loop {
        let len = if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
            366
        } else {
            365
        };
        if left < len {
            break;
        }
        left -= len;
        year += 1;
    }
    i32::try_from(year + 1).unwrap_or(2026)
}

fn cmd_init(path: &Path, force: bool, xlsx: bool, year: Option<i32>) -> ExitCode {
    if path.exists() && !force {
        eprintln!("错误：{} 已存在；如需覆盖请加 --force", path.display());
        return ExitCode::from(2);
    }
    let is_xlsx = xlsx
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        let path = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        {
            path.to_path_buf()
        } else {
            path.with_extension("xlsx")
        };
        if path.exists() && !force {
            eprintln!("错误：{} 已存在；如需覆盖请加 --force", path.display());
            return ExitCode::from(2);
        }
        let year = year.unwrap_or_else(next_year);
        return match source::workbook::write(None, year) {
            Ok(bytes) => {
                let code = write_file(&path, &bytes);
                if code == ExitCode::SUCCESS {
                    eprintln!(
                        "这是 {year} 年的预算填报表。填写后运行：yusuan check {0}，yusuan render {0} --to pdf -o 预算公开.pdf",
                        path.display()
                    );
                }
                code
            }
            Err(e) => {
                eprintln!("错误：{e}");
                ExitCode::from(2)
            }
        };
    }
    match std::fs::write(path, source::TEMPLATE) {
        Ok(()) => {
            eprintln!(
                "已写出模板 {}。填写后运行：yusuan tables {}",
                path.display(),
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：无法写入 {}：{}", path.display(), io_reason(&e));
            ExitCode::from(2)
        }
    }
}

/// A document to check: the disclosure, its budget when it came from a source, and its text.
struct Loaded {
    disclosure: Disclosure,
    budget: Option<Budget>,
    text: String,
    /// What reading the file found (printed as it was read): errors and warnings.
    read: (usize, usize),
    /// What reading found wrong in the print itself (a misprinted code): it goes on the
    /// inspection sheet with the rules' findings.
    defects: Vec<Diagnostic>,
}

/// Errors and warnings among a reader's diagnostics.
/// What a published document gave the checks, said after its counts: its tables (and how many
/// could not be read whole, so were not checked) and its narrative's sentences (and how many
/// state an amount).
fn what_was_read(d: &yusuan_core::disclosure::Disclosure) -> String {
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

fn print_defects(diags: &[Diagnostic]) -> Vec<Diagnostic> {
    diags
        .iter()
        .filter(|d| yusuan_check::sheet::PRINT_DEFECTS.contains(&d.code))
        .cloned()
        .collect()
}

fn read_counts(diags: &[Diagnostic]) -> (usize, usize) {
    let n = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    (n(Severity::Error), n(Severity::Warning))
}

/// Loads a file for checking by its extension; prints why not and returns `None` when it
/// cannot be read.
/// A prepared document: the budget (its figures rounded as asked), derived, with the 尾差
/// footnote on each table whose printed parts do not add up.
fn prepared(path: &Path, budget: Budget, rounding: RoundingArg) -> Loaded {
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
    let mut disclosure = yusuan_core::derive(&budget);
    yusuan_check::add_rounding_notes(&mut disclosure);
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
fn load_as_one(files: &[PathBuf]) -> Option<(String, Loaded)> {
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
    Some((
        name,
        Loaded {
            read: read_counts(&diags),
            defects: print_defects(&diags),
            disclosure,
            budget: None,
            text,
        },
    ))
}

fn load_document(path: &Path, rounding: RoundingArg) -> Option<Loaded> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let shown = path.display().to_string();
    match ext.as_str() {
        "toml" => {
            let text = read_text(path)?;
            let budget = parse_budget(path, &text)?;
            Some(Loaded {
                text,
                ..prepared(path, budget, rounding)
            })
        }
        "csv" => {
            let text = read_text(path)?;
            let (disclosure, diags) = tables::csv::read(&text);
            for d in &diags {
                eprintln!("{}", diag_text::render(d, &shown, &text));
            }
            if !diags.is_empty() {
                eprintln!(
                    "{shown}：有 {} 处无法读取，只检查读到的单元格。",
                    diags.len()
                );
            }
            Some(Loaded {
                read: read_counts(&diags),
                defects: print_defects(&diags),
                disclosure,
                budget: None,
                text,
            })
        }
        "pdf" => {
            let bytes = read_bytes(path)?;
            let (disclosure, diags, text) = yusuan_import::import_pdf(&bytes);
            for d in &diags {
                eprintln!("{}", diag_text::render(d, &shown, &text));
            }
            if diags
                .iter()
                .any(|d| d.severity == Severity::Error && d.code.starts_with("I4"))
            {
                return None;
            }
            Some(Loaded {
                read: read_counts(&diags),
                defects: print_defects(&diags),
                disclosure,
                budget: None,
                text,
            })
        }
        "txt" => {
            let text = read_text(path)?;
            let (disclosure, diags) = yusuan_import::import_text(&text);
            for d in &diags {
                eprintln!("{}", diag_text::render(d, &shown, &text));
            }
            Some(Loaded {
                read: read_counts(&diags),
                defects: print_defects(&diags),
                disclosure,
                budget: None,
                text,
            })
        }
        "xlsx" => {
            let bytes = read_bytes(path)?;
            if let Some(parsed) = source::workbook::read_fill_in(&bytes) {
                let budget = report_parsed(path, parsed, "")?;
                return Some(prepared(path, budget, rounding));
            }
            let (disclosure, diags) = yusuan_formats::xlsx_read::read(&bytes);
            for d in &diags {
                eprintln!("{}", diag_text::render(d, &shown, ""));
            }
            if diags
                .iter()
                .any(|d| d.code == yusuan_formats::xlsx_read::codes::UNREADABLE)
            {
                return None;
            }
            Some(Loaded {
                read: read_counts(&diags),
                defects: print_defects(&diags),
                disclosure,
                budget: None,
                text: String::new(),
            })
        }
        _ => {
            eprintln!(
                "错误：{shown}：不支持的文件类型“{ext}”。目前可读取预算源文件（.toml）、预算填报表（.xlsx，yusuan init --xlsx 的格式）、公开表长表（.csv，yusuan tables --format csv 的格式）、公开表工作簿（.xlsx，yusuan render --to xlsx 的版式）、公开文件的 PDF（.pdf，读取其文字层）和文本（.txt，PDF 转出的文字）"
            );
            None
        }
    }
}

fn cmd_check(
    files: &[PathBuf],
    format: CheckFormat,
    output: Option<&Path>,
    previous: Option<&Path>,
    rounding: RoundingArg,
    as_one: bool,
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
    let results: Vec<(String, &Loaded, Vec<Diagnostic>)> = loaded
        .iter()
        .map(|(name, l)| {
            let cx = Cx {
                disclosure: &l.disclosure,
                budget: l.budget.as_ref(),
                previous,
            };
            (name.clone(), l, yusuan_check::check(&cx))
        })
        .collect();
    let any_error = results
        .iter()
        .any(|(_, _, f)| f.iter().any(|d| d.severity == Severity::Error));
    let out = match format {
        CheckFormat::Sheet => {
            let sheets: Vec<yusuan_core::sheet::Sheet> = results
                .iter()
                .map(|(name, l, found)| {
                    let cx = Cx {
                        disclosure: &l.disclosure,
                        budget: l.budget.as_ref(),
                        previous,
                    };
                    // A budget source has no printed text: its sheet reads the document it makes.
                    let text = if l.budget.is_some() {
                        yusuan_formats::document::text(&l.disclosure)
                    } else {
                        l.text.clone()
                    };
                    let mut all = l.defects.clone();
                    all.extend(found.iter().cloned());
                    yusuan_check::sheet::build(&cx, &all, &text, name)
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
                .flat_map(|(name, _, f)| f.iter().map(move |d| (name.as_str(), d)))
                .collect();
            diag_json::render(&pairs)
        }
        CheckFormat::Human => {
            let mut s = String::new();
            for (name, l, found) in &results {
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
                                previous,
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

/// The files to check: each file as given, each directory's documents (PDF, text, workbook,
/// long table, budget source) found recursively, in name order. Hidden entries are skipped.
fn expand(files: &[PathBuf]) -> Option<Vec<PathBuf>> {
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
            if p.is_dir() {
                walk(&p, out)?;
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

fn cmd_rules() -> ExitCode {
    let mut text = String::from("编号   级别  规则\n");
    let mut family = None;
    for r in registry::RULES {
        let m = r.meta();
        if family != Some(m.family) {
            text.push_str(&format!("\n{} — {}\n", m.family.letter(), m.family.label()));
            family = Some(m.family);
        }
        text.push_str(&format!(
            "{:<6} {}  {}\n",
            m.id,
            m.severity.label(),
            m.title
        ));
    }
    text.push_str(&format!(
        "\n共 {} 条规则。yusuan explain 编号 查看说明。\n",
        registry::RULES.len()
    ));
    out(&text);
    ExitCode::SUCCESS
}

fn cmd_explain(id: &str) -> ExitCode {
    if let Some((_, why)) = registry::RETIRED
        .iter()
        .find(|(r, _)| r.eq_ignore_ascii_case(id))
    {
        outln(&format!("{id} 已停用：{why}"));
        return ExitCode::SUCCESS;
    }
    let Some(rule) = registry::find(id) else {
        eprintln!("错误：没有编号为“{id}”的规则。yusuan rules 列出全部规则。");
        return ExitCode::from(2);
    };
    let m = rule.meta();
    println!(
        "{} {}\n级别：{}　　类别：{}\n\n检查内容\n  {}\n\n为什么\n  {}\n\n示例\n  {}\n\n依据\n  {}",
        m.id,
        m.title,
        m.severity.label(),
        m.family.label(),
        m.what,
        m.why,
        m.example,
        m.basis
    );
    ExitCode::SUCCESS
}

fn cmd_obligations(file: Option<&Path>) -> ExitCode {
    let Some(path) = file else {
        for o in obligations::OBLIGATIONS {
            let rules = if o.rules.is_empty() {
                "（尚无规则，总是“未评估”）".to_string()
            } else {
                o.rules.join(" ")
            };
            println!(
                "{} {}\n    依据：{}\n    规则：{}",
                o.id, o.text, o.basis, rules
            );
        }
        return ExitCode::SUCCESS;
    };
    let Some(l) = load_document(path, RoundingArg::Separate) else {
        return ExitCode::from(2);
    };
    let cx = Cx {
        disclosure: &l.disclosure,
        budget: l.budget.as_ref(),
        previous: None,
    };
    let findings = yusuan_check::check(&cx);
    let mut counts = std::collections::BTreeMap::new();
    for (o, status) in obligations::evaluate(&cx, &findings) {
        *counts.entry(status.label()).or_insert(0) += 1;
        let n = findings
            .iter()
            .filter(|d| o.rules.contains(&d.code) && d.severity >= Severity::Warning)
            .count();
        let detail = if n > 0 {
            format!("（{n} 处问题）")
        } else {
            String::new()
        };
        // Pad by display width: Chinese characters are two columns wide.
        let label = status.label();
        let pad = " ".repeat(6usize.saturating_sub(label.chars().count() * 2));
        outln(&format!("{label}{pad} {} {}{detail}", o.id, o.text));
    }
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v} 项")).collect();
    println!(
        "\n{}：{}。“未评估”表示现有输入无法检查该项，不计为通过。",
        path.display(),
        summary.join("，")
    );
    ExitCode::SUCCESS
}

/// Every sentence of the narrative that states an amount, with its statements (the amount and
/// its share, comparison, change, rate, 持平 and reason) and where it stands.
fn claims_of(d: &yusuan_core::disclosure::Disclosure) -> Vec<serde_json::Value> {
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

fn cmd_import(path: &Path, format: &str) -> ExitCode {
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
