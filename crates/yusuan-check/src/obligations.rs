//! 公开义务台账 — placeholder replaced below.
