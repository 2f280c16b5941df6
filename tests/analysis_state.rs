//! The analysis results' reducer, natively: the parts of the newest request are held without a
//! new state (so the page is not drawn again for each), shown together when it is done, and the
//! parts of a request that a newer one replaced are dropped.

use std::rc::Rc;

use peace_plan_sandbox::components::analysis::{AnalysisAction, AnalysisState};
use peace_plan_sandbox::protocol::{Output, Part};
use scoring::{Scenario, decode};
use yew::Reducible;

fn part(id: u64, part: Part) -> AnalysisAction {
    AnalysisAction::Received(Output::Part { id, part })
}

#[test]
fn the_parts_of_a_request_are_shown_together_when_it_is_done() {
    let scenario = Scenario::builtin().expect("valid");
    let package = decode(&scenario, "").package;
    let state = Rc::new(AnalysisState::default()).reduce(AnalysisAction::Requested {
        id: 1,
        package: package.clone(),
    });
    assert!(state.package_level.updating);

    let before = state.clone();
    let state = state.reduce(part(1, Part::Nearest(None)));
    let state = state.reduce(part(1, Part::Flips(Vec::new())));
    assert!(Rc::ptr_eq(&before, &state), "a part is not a new state");
    assert_eq!(
        state.package_level.nearest, None,
        "not shown before the end"
    );

    let state = state.reduce(AnalysisAction::Received(Output::Done { id: 1 }));
    assert!(!Rc::ptr_eq(&before, &state));
    let level = &state.package_level;
    assert!(!level.updating);
    assert_eq!(level.package.as_ref(), Some(&package));
    assert_eq!(level.nearest, Some(None));
    assert_eq!(level.flips, Some(Vec::new()));
}

#[test]
fn a_newer_request_drops_what_the_older_one_sent() {
    let scenario = Scenario::builtin().expect("valid");
    let package = decode(&scenario, "").package;
    let state = Rc::new(AnalysisState::default())
        .reduce(AnalysisAction::Requested {
            id: 1,
            package: package.clone(),
        })
        .reduce(part(1, Part::Nearest(None)))
        .reduce(AnalysisAction::Requested {
            id: 2,
            package: package.clone(),
        });
    // A late part and the end of the replaced request change nothing.
    let before = state.clone();
    let state = state
        .reduce(part(1, Part::Flips(Vec::new())))
        .reduce(AnalysisAction::Received(Output::Done { id: 1 }));
    assert!(Rc::ptr_eq(&before, &state));
    assert!(state.package_level.updating);

    let state = state
        .reduce(part(2, Part::Flips(Vec::new())))
        .reduce(AnalysisAction::Received(Output::Done { id: 2 }));
    let level = &state.package_level;
    assert!(!level.updating);
    assert_eq!(level.flips, Some(Vec::new()));
    assert_eq!(level.nearest, None, "request 1's part is not request 2's");
}
