//! Import (and import + check) of the reference example's published text.
//! Run: `cargo bench -p yusuan-import --bench import`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const TEXT: &str = include_str!("../../../examples/changji-sme-center-2025-budget.published.txt");

fn bench(c: &mut Criterion) {
    c.bench_function("import reference text", |b| {
        b.iter(|| yusuan_import::import_text(black_box(TEXT)))
    });
    c.bench_function("import + check reference text", |b| {
        b.iter(|| {
            let (d, _) = yusuan_import::import_text(black_box(TEXT));
            yusuan_check::check(&yusuan_check::engine::Cx {
                disclosure: &d,
                budget: None,
            })
            .len()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
