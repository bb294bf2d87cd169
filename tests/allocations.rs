//! No allocation per iteration: a counting global allocator around the system one, counting
//! only on this test's thread while a flag is set. The flag is per thread, so the tests
//! may run side by side.
//!
//! Allowed warm-up: the fast path none at all (a fresh trainer's iterations allocate
//! nothing from the first one). The stepper is measured once its history is full and
//! recycles its checkpoints: the history is limited to 50 iterations back
//! ([`Stepper::set_history_limits`]), and two epochs and 60 iterations are stepped first.
//! After that every phase of every iteration, the whole-set costs at its end, the
//! checkpoints and each new epoch's shuffle allocate nothing.
//!
//! Every product of these networks runs in the register-blocked kernels of
//! `src/nn/product.rs`, which neither pack nor allocate (matrixmultiply, which allocates its
//! packing buffer on every call, is left for left operands over 256 KiB).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use backstep::scenario::Scenario;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

fn count() {
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `work` makes on this thread.
fn allocations(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    COUNTING.with(|c| c.set(true));
    work();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

/// Tiny networks (plain loops) and the benchmarks' larger ones (register-blocked products).
const NETWORKS: [&str; 4] = [
    "two-two-two",
    "xor",
    "digits",
    "bench/scenarios/mlp-64-32-10.toml",
];

#[test]
fn an_iteration_allocates_nothing() {
    // The counter does count: a vector is an allocation.
    assert_eq!(allocations(|| drop(std::hint::black_box(vec![1u8; 3]))), 1);
    for name in NETWORKS {
        let setup = Scenario::load(name).unwrap().setup().unwrap();
        let data = &setup.splits.train;

        let mut trainer = setup.trainer();
        let per_epoch = trainer.schedule.iterations_per_epoch();
        let fast = allocations(|| trainer.run_epochs(data, 3).unwrap());
        let message = format!("{name}: fast path, 3 epochs of {per_epoch} iterations");
        assert_eq!(fast, 0, "{message}");
        let fast = allocations(|| trainer.run(data, 7).unwrap());
        assert_eq!(fast, 0, "{name}: fast path, 7 iterations");

        let mut stepper = setup.stepper();
        stepper.set_history_limits(50, 1 << 24);
        for _ in 0..2 * per_epoch + 60 {
            stepper.finish_iteration().unwrap();
        }
        let iterations = 2 * per_epoch + 3;
        let stepped = allocations(|| {
            for _ in 0..iterations {
                stepper.finish_iteration().unwrap();
            }
        });
        assert_eq!(stepped, 0, "{name}: stepper, {iterations} iterations");
    }
}
