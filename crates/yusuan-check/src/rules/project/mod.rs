//! P — 项目与绩效目标.

pub mod p001;
pub mod p002;
pub mod p003;
pub mod p004;
pub mod p005;
pub mod p006;
pub mod p007;
pub mod p008;
pub mod p009;
pub mod p010;
pub mod p011;

use yusuan_core::budget::Indicator;

/// The sum of the weights of `indicators` in hundredths, when every one has a weight.
pub(crate) fn weight_sum(indicators: &[Indicator]) -> Option<i64> {
    indicators.iter().map(|i| i.weight).sum()
}

/// A weight in hundredths as printed (`90`, `87.5`).
pub(crate) fn points(h: i64) -> String {
    if h % 100 == 0 {
        format!("{}", h / 100)
    } else {
        format!("{}.{:02}", h / 100, h % 100)
            .trim_end_matches('0')
            .to_string()
    }
}
