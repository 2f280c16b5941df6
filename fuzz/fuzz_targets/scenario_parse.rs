//! Fuzz target: `Scenario::parse` on any text, then scoring what it accepted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scoring::Scenario;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    // A scenario that parses is valid: its opening package scores without a panic.
    if let Ok(scenario) = Scenario::parse(text) {
        let _ = scenario.score(&scenario.opening_package());
    }
});
