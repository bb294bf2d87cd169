//! Training speed: nanoseconds per iteration of the fast path (what `train` runs), on the
//! scenarios the README's comparison with the NumPy reference uses.

use backstep::scenario::Scenario;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

fn iterations(c: &mut Criterion) {
    let mut group = c.benchmark_group("train");
    for (label, scenario, n) in [
        ("two-two-two (2-2-2 sgd)", "two-two-two", 10_000u64),
        ("xor (2-2-1 sgd)", "xor", 10_000),
        (
            "64-32-10 softmax, mini-batch 32",
            "bench/scenarios/mlp-64-32-10.toml",
            100,
        ),
    ] {
        let setup = Scenario::load(scenario).unwrap().setup().unwrap();
        group.throughput(Throughput::Elements(n));
        group.bench_function(label, |b| {
            b.iter_batched_ref(
                || setup.trainer(),
                |trainer| trainer.run(&setup.splits.train, n).unwrap(),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn stepping(c: &mut Criterion) {
    let setup = Scenario::load("two-two-two").unwrap().setup().unwrap();
    c.bench_function("stepper: one two-two-two iteration, phase by phase", |b| {
        b.iter_batched_ref(
            || setup.stepper(),
            |stepper| stepper.finish_iteration().unwrap(),
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(benches, iterations, stepping);
criterion_main!(benches);
