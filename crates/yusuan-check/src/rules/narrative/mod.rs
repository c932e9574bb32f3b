//! N — 情况说明（文字）: wording the department writes. On a budget source these rules read
//! the free texts (reasons, descriptions, goals); the narrative rules on published documents
//! come with the importer.

pub mod n001;
pub mod n002;
pub mod n003;
pub mod n004;
pub mod n005;
