//! C — 公开完整性: the explanations a disclosure must carry (《地方预决算公开操作规程》).

pub mod c001;
pub mod c002;
pub mod c003;
pub mod c004;
pub mod c005;
pub mod c006;
pub mod c007;
pub mod c008;
pub mod c009;
pub mod c010;
pub mod c011;
pub mod c012;
pub mod c013;
pub mod c1001;
