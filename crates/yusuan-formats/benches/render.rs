//! Rendering the reference example's whole document in each publishing format.
//! Run: `cargo bench -p yusuan-formats --bench render`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use yusuan_formats::{document, docx, html, pdf, source, xlsx};

const EXAMPLE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");

fn bench(c: &mut Criterion) {
    let budget = source::parse(EXAMPLE).budget.expect("example parses");
    let d = yusuan_core::derive(&budget);
    c.bench_function("render md", |b| {
        b.iter(|| document::markdown(black_box(&d)))
    });
    c.bench_function("render text", |b| b.iter(|| document::text(black_box(&d))));
    c.bench_function("render html", |b| b.iter(|| html::render(black_box(&d))));
    c.bench_function("render xlsx", |b| b.iter(|| xlsx::render(black_box(&d))));
    c.bench_function("render docx", |b| b.iter(|| docx::render(black_box(&d))));
    // Fonts are read once per process (the CLI reads them once per run; see `load fonts`).
    let fonts = pdf::Fonts::locate(None, None).expect("a CJK font (fonts-noto-cjk)");
    c.bench_function("load fonts", |b| {
        b.iter(|| pdf::Fonts::locate(None, None).expect("fonts"))
    });
    c.bench_function("render pdf", |b| {
        b.iter(|| pdf::render(black_box(&d), &fonts))
    });
    c.bench_function("parse + derive + all formats", |b| {
        b.iter(|| {
            let budget = source::parse(black_box(EXAMPLE))
                .budget
                .expect("example parses");
            let d = yusuan_core::derive(&budget);
            (
                document::markdown(&d),
                document::text(&d),
                html::render(&d),
                xlsx::render(&d),
                docx::render(&d),
                pdf::render(&d, &fonts),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
