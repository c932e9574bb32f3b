//! Parse + derive of the reference example, and the CSV rendering of its tables.
//! Run: `cargo bench -p yusuan-formats --bench parse_derive`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use yusuan_formats::{source, tables};

const EXAMPLE: &str = include_str!("../../../examples/changji-sme-center-2025.toml");

fn bench(c: &mut Criterion) {
    c.bench_function("parse example", |b| {
        b.iter(|| source::parse(black_box(EXAMPLE)))
    });
    let budget = source::parse(EXAMPLE).budget.expect("example parses");
    c.bench_function("derive 11 tables", |b| {
        b.iter(|| yusuan_core::derive(black_box(&budget)))
    });
    c.bench_function("parse + derive", |b| {
        b.iter(|| {
            let budget = source::parse(black_box(EXAMPLE))
                .budget
                .expect("example parses");
            yusuan_core::derive(&budget)
        })
    });
    let d = yusuan_core::derive(&budget);
    c.bench_function("render csv", |b| {
        b.iter(|| tables::csv::render(black_box(&d)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
