//! yusuan-store — many documents: any supported file read without printing (`read`), audited
//! (`audit`: read and checked, keyed by content hash), and kept in an embedded SQLite store
//! (`db`, schema in `schema`) for browsing, comparison and export.

pub mod audit;
pub mod batch;
pub mod db;
pub mod export;
pub mod parts;
pub mod read;
pub mod schema;

pub use audit::{Audit, audit};
pub use db::{Store, StoreError};
