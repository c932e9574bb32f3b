//! G — “三公”经费与运行经费.

pub mod g001;
pub mod g002;
pub mod g003;
pub mod g004;
pub mod g005;
