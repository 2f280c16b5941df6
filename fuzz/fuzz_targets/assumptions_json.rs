//! Fuzz target: reading an assumptions file (the JSON the page downloads and the CLI takes).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scoring::Scenario;
use scoring::edits::{from_json, to_json};
use std::sync::LazyLock;

static SCENARIO: LazyLock<Scenario> =
    LazyLock::new(|| Scenario::builtin().expect("the built-in scenario is valid"));

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let scenario = &*SCENARIO;
    match from_json(scenario, text) {
        // A file that is read is applied whole: it writes back to a file that reads the same.
        Ok(edits) => {
            let written = to_json(scenario, &edits);
            assert_eq!(
                from_json(scenario, &written).as_ref(),
                Ok(&edits),
                "{written}"
            );
        }
        // A file that is refused says why, in at least one message.
        Err(messages) => assert!(!messages.is_empty(), "refused without a message"),
    }
});
