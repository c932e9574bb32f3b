//! Reading any supported file's bytes into a document, without printing: the one place that
//! knows which reader a file goes to. The command line prints what this returns; the batch
//! stores it.

use yusuan_core::Budget;
use yusuan_core::diag::{Diagnostic, Severity};
use yusuan_core::disclosure::Disclosure;
use yusuan_formats::{source, tables};

/// 文件格式 — what a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// 公开文件 PDF
    Pdf,
    /// 公开文件的文本（pdftotext 之类转出）
    Text,
    /// 公开表长表（.csv）
    LongTable,
    /// 公开表工作簿（.xlsx，render --to xlsx 的版式）
    Workbook,
    /// 预算填报表（.xlsx，init --xlsx 的格式）
    FillIn,
    /// 预算源文件（.toml）
    Source,
}

impl Format {
    /// The word stored and shown for it.
    pub fn word(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Text => "text",
            Format::LongTable => "csv",
            Format::Workbook => "xlsx",
            Format::FillIn => "fill-in",
            Format::Source => "source",
        }
    }

    /// The format a file name says, when it is one yusuan reads (a workbook may still turn out
    /// to be a fill-in form).
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "pdf" => Format::Pdf,
            "txt" => Format::Text,
            "csv" => Format::LongTable,
            "xlsx" => Format::Workbook,
            "toml" => Format::Source,
            _ => return None,
        })
    }
}

/// The extensions of the files yusuan reads, for searching directories.
pub const EXTENSIONS: [&str; 5] = ["pdf", "txt", "xlsx", "csv", "toml"];

/// A file read: the document, its budget when it came from a source or fill-in form, its text
/// (for quoting), and what reading said.
#[derive(Debug)]
pub struct Read {
    /// What it was read as.
    pub format: Format,
    /// The document.
    pub disclosure: Disclosure,
    /// The budget, for a source or fill-in form.
    pub budget: Option<Budget>,
    /// The text findings quote: a PDF's text layer, a text file, a source; empty for workbooks.
    pub text: String,
    /// What reading found (errors, warnings, misprints), in reading order.
    pub diagnostics: Vec<Diagnostic>,
    /// The encoding of a text input that was not UTF-8 (`GB18030`).
    pub encoding: Option<&'static str>,
}

/// A file that could not be read: why, in one Chinese sentence, and the diagnostics behind it
/// (quoting `text` where there is one).
#[derive(Debug)]
pub struct Failure {
    /// 无法读取的原因
    pub message: String,
    /// The reader's diagnostics, when it gave any.
    pub diagnostics: Vec<Diagnostic>,
    /// The text the diagnostics quote (empty when none).
    pub text: String,
}

impl Failure {
    fn said(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            diagnostics: Vec::new(),
            text: String::new(),
        }
    }
}

/// The message for a file type yusuan does not read.
pub fn unsupported(name: &str) -> String {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    format!(
        "{name}：不支持的文件类型“{ext}”。目前可读取预算源文件（.toml）、预算填报表（.xlsx，yusuan init --xlsx 的格式）、公开表长表（.csv，yusuan tables --format csv 的格式）、公开表工作簿（.xlsx，yusuan render --to xlsx 的版式）、公开文件的 PDF（.pdf，读取其文字层）和文本（.txt，PDF 转出的文字）"
    )
}

/// A prepared document: the budget derived, with the 尾差 footnote on each table whose printed
/// parts do not add up (figures rounded separately, the official way).
pub fn prepared(budget: Budget) -> (Disclosure, Budget) {
    let mut disclosure = yusuan_core::derive(&budget);
    yusuan_check::add_rounding_notes(&mut disclosure);
    (disclosure, budget)
}

/// A PDF read: a failure when the file itself could not be read (I4xx errors: not a PDF,
/// encrypted, damaged), else the document.
fn pdf_read(
    name: &str,
    disclosure: Disclosure,
    diagnostics: Vec<Diagnostic>,
    text: String,
) -> Result<Read, Failure> {
    if let Some(fatal) = diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error && d.code.starts_with("I4"))
    {
        return Err(Failure {
            message: format!("{name}：{}", fatal.message),
            diagnostics,
            text,
        });
    }
    Ok(Read {
        format: Format::Pdf,
        disclosure,
        budget: None,
        text,
        diagnostics,
        encoding: None,
    })
}

/// Reads a file's bytes by its name's extension. Never panics on any bytes: what cannot be
/// read is a `Failure` saying why.
pub fn read(name: &str, bytes: &[u8]) -> Result<Read, Failure> {
    let Some(format) = Format::of_name(name) else {
        return Err(Failure::said(unsupported(name)));
    };
    let text_of = |bytes: &[u8]| -> Result<(String, Option<&'static str>), Failure> {
        match source::decode_text(bytes) {
            Ok((t, "UTF-8")) => Ok((t.into_owned(), None)),
            Ok((t, encoding)) => Ok((t.into_owned(), Some(encoding))),
            Err(d) => Err(Failure {
                message: format!("{name}：{}", d.message),
                diagnostics: vec![d],
                text: String::new(),
            }),
        }
    };
    let published = |format, disclosure, diagnostics, text, encoding| Read {
        format,
        disclosure,
        budget: None,
        text,
        diagnostics,
        encoding,
    };
    // A document of several files (see [`crate::parts`]): read as one, pages numbered on.
    if let Some(parts) = crate::parts::unpack(bytes) {
        return match format {
            Format::Pdf => {
                let (disclosure, diags, text, _) = yusuan_import::import_pdfs(&parts);
                pdf_read(name, disclosure, diags, text)
            }
            Format::Text => {
                let mut texts = Vec::new();
                let mut encoding = None;
                for p in parts {
                    let (t, e) = text_of(p)?;
                    encoding = encoding.or(e);
                    texts.push(t);
                }
                // Each file starts a new page.
                let text = texts.join("\n\u{c}");
                let (disclosure, diags) = yusuan_import::import_text(&text);
                Ok(published(format, disclosure, diags, text, encoding))
            }
            _ => Err(Failure::said(format!(
                "{name}：只有 PDF 或文本（.txt）的分册文件能合并为一份读入"
            ))),
        };
    }
    match format {
        Format::Source => {
            let (text, encoding) = text_of(bytes)?;
            let parsed = source::parse(&text);
            match parsed.budget {
                Some(budget) => {
                    let (disclosure, budget) = prepared(budget);
                    Ok(Read {
                        format,
                        disclosure,
                        budget: Some(budget),
                        text,
                        diagnostics: parsed.diagnostics,
                        encoding,
                    })
                }
                None => Err(Failure {
                    message: format!(
                        "{name}：发现 {} 处错误，未生成公开表。",
                        parsed.diagnostics.len()
                    ),
                    diagnostics: parsed.diagnostics,
                    text,
                }),
            }
        }
        Format::LongTable => {
            let (text, encoding) = text_of(bytes)?;
            let (disclosure, diags) = tables::csv::read(&text);
            Ok(published(format, disclosure, diags, text, encoding))
        }
        Format::Text => {
            let (text, encoding) = text_of(bytes)?;
            let (disclosure, diags) = yusuan_import::import_text(&text);
            Ok(published(format, disclosure, diags, text, encoding))
        }
        Format::Pdf => {
            let (disclosure, diags, text) = yusuan_import::import_pdf(bytes);
            pdf_read(name, disclosure, diags, text)
        }
        Format::Workbook | Format::FillIn => {
            if let Some(parsed) = source::workbook::read_fill_in(bytes) {
                return match parsed.budget {
                    Some(budget) => {
                        let (disclosure, budget) = prepared(budget);
                        Ok(Read {
                            format: Format::FillIn,
                            disclosure,
                            budget: Some(budget),
                            text: String::new(),
                            diagnostics: parsed.diagnostics,
                            encoding: None,
                        })
                    }
                    None => Err(Failure {
                        message: format!(
                            "{name}：发现 {} 处错误，未生成公开表。",
                            parsed.diagnostics.len()
                        ),
                        diagnostics: parsed.diagnostics,
                        text: String::new(),
                    }),
                };
            }
            let (disclosure, diags) = yusuan_formats::xlsx_read::read(bytes);
            if let Some(fatal) = diags
                .iter()
                .find(|d| d.code == yusuan_formats::xlsx_read::codes::UNREADABLE)
            {
                return Err(Failure {
                    message: format!("{name}：{}", fatal.message),
                    diagnostics: diags,
                    text: String::new(),
                });
            }
            Ok(published(
                Format::Workbook,
                disclosure,
                diags,
                String::new(),
                None,
            ))
        }
    }
}
