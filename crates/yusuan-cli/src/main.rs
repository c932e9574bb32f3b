//! `yusuan` — the command-line tool. A thin shell: it reads files, calls the library crates,
//! and prints. No figures are computed here.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yusuan_core::Budget;
use yusuan_formats::{diag_text, source, tables};

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
        /// 预算源文件（.toml）
        file: PathBuf,
        /// 输出格式：text（对齐的文本）、md（Markdown）、csv（长表：table,row_code,row_label,column,value）、json
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// 写出一个带注释的预算源文件模板
    Init {
        /// 写入的文件（默认 budget.toml）
        #[arg(default_value = "budget.toml")]
        file: PathBuf,
        /// 文件已存在时覆盖
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Md,
    Csv,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Tables { file, format } => cmd_tables(&file, format),
        Command::Init { file, force } => cmd_init(&file, force),
    }
}

/// Reads and parses a budget source, printing diagnostics to stderr. `None` when it could not
/// be read.
fn load_budget(path: &Path) -> Option<Budget> {
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
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("错误：无法读取 {shown}：{}", io_reason(&e));
            return None;
        }
    };
    let text = match source::decode(&bytes) {
        Ok(t) => t,
        Err(d) => {
            eprint!("{}", diag_text::render(&d, &shown, ""));
            return None;
        }
    };
    let parsed = source::parse(text);
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}

fn cmd_tables(path: &Path, format: Format) -> ExitCode {
    let Some(budget) = load_budget(path) else {
        return ExitCode::from(2);
    };
    let d = yusuan_core::derive(&budget);
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

fn cmd_init(path: &Path, force: bool) -> ExitCode {
    if path.exists() && !force {
        eprintln!("错误：{} 已存在；如需覆盖请加 --force", path.display());
        return ExitCode::from(2);
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
