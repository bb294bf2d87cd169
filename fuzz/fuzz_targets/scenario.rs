//! Arbitrary bytes as a scenario file: parse, validate, set up, run one iteration. Every
//! outcome but a panic (or a hang, or memory beyond the documented limits) is a pass; errors
//! are rendered as the user would read them. Run by hand: see README, "Fuzzing".

#![no_main]

use std::path::Path;

use backstep::scenario::Scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Data files are looked for beside the built-in scenarios (`../assets/iris.csv`).
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let scenario = match Scenario::parse(text, "fuzz.toml", Some(&folder)) {
        Ok(scenario) => scenario,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    match scenario.setup() {
        Ok(setup) => {
            let mut stepper = setup.stepper();
            if let Err(d) = stepper.finish_iteration() {
                let _ = backstep::text::divergence::describe(&d);
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
