//! Diagnostics are data: a code, a severity, a Chinese message, where, and help. Rendering
//! (terminal, JSON) lives at the edge.

use crate::source::SourceRef;
use serde::Serialize;

/// 严重程度
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 提示
    Info,
    /// 警告
    Warning,
    /// 错误
    Error,
}

impl Severity {
    /// 错误 / 警告 / 提示
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// A cell of a standard table: table number, row (code and label) and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellPos {
    /// 表号
    pub table: u8,
    /// The row's code, if any.
    pub row_code: Option<String>,
    /// The row's label.
    pub row_label: String,
    /// The column key; `None` for a whole row or table.
    pub column: Option<String>,
}

impl std::fmt::Display for CellPos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "表{}", self.table)?;
        let row = match &self.row_code {
            Some(c) => format!("{c} {}", self.row_label),
            None => self.row_label.clone(),
        };
        if !row.is_empty() {
            write!(f, "「{row}」行")?;
        }
        if let Some(c) = &self.column {
            write!(f, "「{c}」列")?;
        }
        Ok(())
    }
}

/// A place a diagnostic points at, with a short label shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where in the input.
    pub at: SourceRef,
    /// The table cell, when the place is one.
    pub cell: Option<CellPos>,
    /// What is there (may be empty).
    pub text: String,
}

impl Label {
    /// A label at a source place.
    pub fn at(at: SourceRef, text: impl Into<String>) -> Label {
        Label {
            at,
            cell: None,
            text: text.into(),
        }
    }

    /// A label at a table cell.
    pub fn cell(at: SourceRef, cell: CellPos, text: impl Into<String>) -> Label {
        Label {
            at,
            cell: Some(cell),
            text: text.into(),
        }
    }
}

/// The numbers behind a finding, as printed strings (never floats).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// What the identity requires (e.g. the sum of the parts).
    pub expected: String,
    /// What the document prints.
    pub found: String,
    /// found − expected.
    pub difference: String,
    /// The range of true values the printed figures allow, when rounding is involved.
    pub allowed: Option<String>,
}

/// 诊断 — one finding about an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `S008`.
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The message, in Chinese, saying what is wrong.
    pub message: String,
    /// The primary place.
    pub primary: Label,
    /// Other places involved.
    pub secondary: Vec<Label>,
    /// How to fix it, in Chinese.
    pub help: Option<String>,
    /// The numbers involved.
    pub figures: Option<Figures>,
}

impl Diagnostic {
    /// A finding of `severity` at `primary`.
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
        primary: Label,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            help: None,
            figures: None,
        }
    }

    /// An error at `at`.
    pub fn error(code: &'static str, message: impl Into<String>, at: SourceRef) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, message, Label::at(at, ""))
    }

    /// Adds help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary place.
    pub fn with_secondary(mut self, at: SourceRef, text: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label::at(at, text));
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, label: Label) -> Diagnostic {
        self.secondary.push(label);
        self
    }

    /// Adds the figures involved.
    pub fn with_figures(mut self, figures: Figures) -> Diagnostic {
        self.figures = Some(figures);
        self
    }
}
