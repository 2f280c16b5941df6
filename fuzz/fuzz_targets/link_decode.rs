//! Fuzz target: the share-link decoder (assumption parts included) on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scoring::{Scenario, decode, encode_with};
use std::sync::LazyLock;

static SCENARIO: LazyLock<Scenario> =
    LazyLock::new(|| Scenario::builtin().expect("the built-in scenario is valid"));

fuzz_target!(|bytes: &[u8]| {
    // A link reaches the decoder as text; invalid UTF-8 is what a browser would have replaced.
    let input = String::from_utf8_lossy(bytes);
    let scenario = &*SCENARIO;
    let decoded = decode(scenario, &input);
    // Whatever the input, what came out is a usable state whose canonical link reads back to
    // the same state with no problem, and re-encodes to itself.
    let link = encode_with(scenario, &decoded.package, &decoded.edits);
    let again = decode(scenario, &link);
    assert!(
        again.problems.is_empty(),
        "canonical link {link:?} has problems: {:?}",
        again.problems
    );
    assert_eq!(again.package, decoded.package, "package of {link:?}");
    assert_eq!(again.edits, decoded.edits, "edits of {link:?}");
    assert_eq!(encode_with(scenario, &again.package, &again.edits), link);
    // Scoring it never panics either (under its edits, when it has any: building the edited
    // scenario copies the model, so the common case skips it to keep the executions fast).
    if decoded.edits.is_empty() {
        let _ = scenario.score(&decoded.package);
    } else {
        let _ = scenario.edited(&decoded.edits).score(&decoded.package);
    }
});
