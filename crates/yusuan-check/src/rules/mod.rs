//! Rules, one per file, grouped by family.
#![allow(missing_docs)]

pub mod cross;
pub mod table;
