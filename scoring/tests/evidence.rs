//! The evidence rules (docs/evidence.md) on the current model: every source classed and named
//! by its outlet, no fact resting only on weak sources without a caution, every inline
//! citation resolving, neutral labels and verbs.

use scoring::Scenario;

#[test]
fn the_current_model_passes_the_evidence_rules() {
    let scenario = Scenario::builtin().expect("valid");
    let problems = scenario.evidence_problems();
    assert!(
        problems.is_empty(),
        "{} evidence problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
