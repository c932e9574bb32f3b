//! # yusuan-core — the domain core of yusuan (预算)
//!
//! - [`money`]: exact amounts in fen ([`money::Fen`]) and printed figures that carry their
//!   precision ([`money::Printed`]).
//! - [`codes`]: 支出功能分类 and 部门预算支出经济分类 codes as validated types.
//! - [`catalog`]: the classification catalogue, compiled in, versioned by year.
//! - [`budget`]: the Budget — a department-year as a ledger of allocation facts plus the rest.
//! - [`disclosure`]: the Disclosure — the document as a reader sees it.
//! - [`facts`]: every printed figure with its dimensions (measure, fund, code, part, period).
//! - [`derive`]: every standard table as a pivot of the ledger.
//!
//! The core does no I/O, no async, and knows no file format.

#![deny(missing_docs)]

pub mod budget;
pub mod catalog;
pub mod claims;
pub mod codes;
pub mod derive;
pub mod diag;
pub mod disclosure;
pub mod facts;
pub mod glossary;
pub mod money;
pub mod rounding;
pub mod sheet;
pub mod source;
pub mod template;

pub use budget::Budget;
pub use derive::derive;
pub use disclosure::Disclosure;
