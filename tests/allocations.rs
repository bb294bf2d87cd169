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
//! Products of more than 4 096 multiply-adds (`digits`, 64-32-10) go to matrixmultiply,
//! which allocates its packing buffer on every call; our own register-blocked kernels that
//! would avoid it ran 1.8× slower (issue 15 is open on it). For those networks the test
//! asserts that the allocations do not grow: every epoch allocates the same number.

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

/// Networks whose products all stay below matrixmultiply's threshold.
const SMALL: [&str; 2] = ["two-two-two", "xor"];

/// Networks with products for matrixmultiply.
const LARGE: [&str; 2] = ["digits", "bench/scenarios/mlp-64-32-10.toml"];

#[test]
fn an_iteration_allocates_nothing() {
    // The counter does count: a vector is an allocation.
    assert_eq!(allocations(|| drop(std::hint::black_box(vec![1u8; 3]))), 1);
    for name in SMALL {
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

#[test]
fn with_matrixmultiply_every_epoch_allocates_the_same() {
    for name in LARGE {
        let setup = Scenario::load(name).unwrap().setup().unwrap();
        let data = &setup.splits.train;
        let mut trainer = setup.trainer();
        let epochs: Vec<usize> = (0..3)
            .map(|_| allocations(|| trainer.run_epochs(data, 1).unwrap()))
            .collect();
        assert!(
            epochs[0] > 0,
            "{name}: matrixmultiply's packing buffers are counted"
        );
        assert_eq!(epochs[1], epochs[0], "{name}: fast path");
        assert_eq!(epochs[2], epochs[0], "{name}: fast path");
        let mut stepper = setup.stepper();
        stepper.set_history_limits(50, 1 << 24);
        let per_epoch = stepper.iterations_per_epoch();
        for _ in 0..2 * per_epoch + 60 {
            stepper.finish_iteration().unwrap();
        }
        let mut epoch = || {
            allocations(|| {
                for _ in 0..per_epoch {
                    stepper.finish_iteration().unwrap();
                }
            })
        };
        let (first, second) = (epoch(), epoch());
        assert_eq!(first, second, "{name}: stepper");
    }
}
