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

mod commands;
mod load;
mod output;

/// mimalloc: reading a PDF allocates and frees small objects by the million (lopdf's parse of
/// every content stream); glibc's allocator took a quarter of a batch's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use commands::batch::cmd_batch;
use commands::catalogue::{cmd_explain, cmd_obligations, cmd_rules};
use commands::check::cmd_check;
use commands::convert::cmd_convert;
use commands::export::cmd_export;
use commands::import::cmd_import;
use commands::init::cmd_init;
use commands::render::cmd_render;
use commands::serve::cmd_serve;
use commands::tables::cmd_tables;
use load::*;
use output::*;

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
        /// 数据库（yusuan batch 写入的）：没有给出 --previous 时，从中取同一部门上一年度的同类文件，核对说明中比上年的增减
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// 批量检查：读取并检查路径下（含子目录）所有公开文件，存入数据库（按内容识别，已存的跳过）
    Batch {
        /// 文件或目录：其中的 .pdf、.txt、.xlsx、.csv、.toml 都读入
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// 数据库文件（SQLite；不存在时新建）
        #[arg(long, default_value = "yusuan.db")]
        db: PathBuf,
        /// 库中已有的文件也重新读取、检查
        #[arg(long)]
        force: bool,
        /// 不显示进度，只在结束时输出汇总
        #[arg(long, short)]
        quiet: bool,
        /// 同时读取的线程数（默认为处理器核数）
        #[arg(long, short)]
        jobs: Option<usize>,
    },
    /// 导出数据库：文件、公开数（facts）、说明中的金额陈述（claims）和检查发现（findings），按年度分区写成 Parquet 或 CSV，供 DuckDB、Spark、Trino 等分析
    Export {
        /// 数据库文件（yusuan batch 写入的）
        #[arg(long, default_value = "yusuan.db")]
        db: PathBuf,
        /// 格式：parquet（zstd 压缩，金额为 Decimal(18,2) 元）或 csv
        #[arg(long, value_enum, default_value_t = ExportTo::Parquet)]
        to: ExportTo,
        /// 写入的目录（不存在时新建；其中同名的数据集目录被替换）
        dir: PathBuf,
    },
    /// 网页界面：上传检查、文件库、部门各年对比、概览，数据来自数据库（默认只允许本机访问）
    Serve {
        /// 数据库文件（不存在时新建）
        #[arg(long, default_value = "yusuan.db")]
        db: PathBuf,
        /// 监听地址；默认只允许本机访问，给出其他地址时任何能连到本机的人都能上传和查看
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// 上传文件大小上限（MB）
        #[arg(long, default_value_t = 32)]
        max_upload_mb: usize,
        /// 上传 PDF 的页数上限
        #[arg(long, default_value_t = 500)]
        max_pages: usize,
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
enum ExportTo {
    Parquet,
    Csv,
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
            db,
        } => cmd_check(
            &files,
            format,
            output.as_deref(),
            previous.as_deref(),
            rounding,
            as_one,
            db.as_deref(),
        ),
        Command::Batch {
            paths,
            db,
            force,
            quiet,
            jobs,
        } => cmd_batch(&paths, &db, force, quiet, jobs),
        Command::Export { db, to, dir } => cmd_export(&db, to, &dir),
        Command::Serve {
            db,
            addr,
            max_upload_mb,
            max_pages,
        } => cmd_serve(db, addr, max_upload_mb, max_pages),
        Command::Rules => cmd_rules(),
        Command::Import { file, format } => cmd_import(&file, &format),
        Command::Explain { id } => cmd_explain(&id),
        Command::Obligations { file } => cmd_obligations(file.as_deref()),
    }
}
