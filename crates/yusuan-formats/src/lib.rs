//! # yusuan-formats — the formats at the edge
//!
//! - [`source`]: the TOML budget source format (read), and the `init` template.
//! - [`tables`]: the derived tables as text (East-Asian width aligned), Markdown, CSV (the
//!   stable open-data long form) and JSON.
//! - [`document`]: the whole disclosure (概况, tables, 情况说明) as text or Markdown.
//! - [`docx`]: the whole disclosure as an editable DOCX (heading styles, real tables).
//! - [`html`]: the whole disclosure as one self-contained HTML file (inline CSS, SVG charts).
//! - [`xlsx`]: the tables as an XLSX workbook laid out like the official tables; [`xlsx_read`]
//!   reads such a workbook back.
//! - [`narrative`]: the 情况说明 written back as text (reading it is `yusuan_import`'s).
//! - [`diag_text`]: diagnostics rendered rustc-style with the source excerpt.
//!
//! Readers are pure functions of text; the caller attaches file names.

#![deny(missing_docs)]

pub mod diag_json;
pub mod diag_text;
pub mod document;
pub mod docx;
pub mod html;
pub mod narrative;
pub mod pdf;
pub mod sheet;
pub mod source;
pub mod tables;
pub mod xlsx;
pub mod xlsx_read;
