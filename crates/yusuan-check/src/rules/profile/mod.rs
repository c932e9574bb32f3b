//! D — 部门概况与人员.

pub mod d001;
pub mod d002;
pub mod d003;
pub mod d004;
pub mod d005;
