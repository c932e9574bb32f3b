//! A stored PDF's page drawn as PNG on the server, by hayro (a PDF rasterizer in pure Rust: no
//! external program), for the report's page view. Never panics on a hostile file: a page that
//! cannot be drawn is `None`, and the view says so.

use std::sync::Arc;

/// The longest side of a drawn page, in pixels: a page of any declared size stays a picture of
/// reasonable size.
const MAX_SIDE: f32 = 1800.0;

/// Pixels per point for an ordinary page (A4 portrait is 893 × 1263).
const SCALE: f32 = 1.5;

/// Page `number` (1-based) of the PDF `bytes` as PNG.
pub(crate) fn png(bytes: Vec<u8>, number: usize) -> Option<Vec<u8>> {
    std::panic::catch_unwind(move || {
        let pdf = hayro::hayro_syntax::Pdf::new(Arc::new(bytes)).ok()?;
        let pages = pdf.pages();
        let page = pages.get(number.checked_sub(1)?)?;
        let (w, h) = page.render_dimensions();
        let longest = w.max(h).max(1.0);
        let scale = SCALE.min(MAX_SIDE / longest);
        let settings = hayro::RenderSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
            ..Default::default()
        };
        let cache = hayro::RenderCache::new();
        let interpreter = hayro::hayro_interpret::InterpreterSettings::default();
        hayro::render(page, &cache, &interpreter, &settings)
            .into_png()
            .ok()
    })
    .ok()
    .flatten()
}
