//! The page's reducer, natively: each action gives the expected state, URL write and
//! announcement, with no browser.

use std::rc::Rc;

use peace_plan_sandbox::state::{Action, AppState, UrlWrite};
use scoring::{Choice, Scenario, decode};
use yew::Reducible;

fn opened(link: &str) -> Rc<AppState> {
    let scenario = Rc::new(Scenario::builtin().expect("valid"));
    let decoded = decode(&scenario, link);
    Rc::new(AppState::open(scenario, decoded))
}

fn issue(state: &AppState, id: &str) -> usize {
    state.scenario.issue_index(id).expect("issue")
}

fn option(state: &AppState, issue: usize, id: &str) -> usize {
    state.scenario.issues[issue]
        .option_index(id)
        .expect("option")
}

#[test]
fn opening_the_empty_link_is_the_28_point_plan_with_nothing_to_write() {
    let state = opened("");
    assert_eq!(state.url_write, UrlWrite::None);
    assert_eq!(state.revision, 0);
    assert!(state.link_problems.is_empty());
    let us28 = state
        .scenario
        .document_index("us28_nov2025")
        .expect("preset");
    assert_eq!(state.base_document, Some(us28));
    assert!(
        state.announcement.is_empty(),
        "nothing is announced before a change"
    );
}

#[test]
fn choosing_an_option_replaces_the_url_and_announces() {
    let state = opened("");
    let donetsk = issue(&state, "territory_donetsk");
    let hold = option(&state, donetsk, "hold_current_line");
    let next = state.clone().reduce(Action::ChooseOption {
        issue: donetsk,
        option: hold,
    });
    assert_eq!(next.package.choice(donetsk), Choice::Option(hold));
    assert_eq!(
        next.previous, state.package,
        "the previous package is kept for the highlight"
    );
    assert_eq!(next.revision, 1);
    assert_eq!(next.url_write, UrlWrite::Replace);
    assert!(next.announcement.starts_with("Tilts toward") || next.announcement.starts_with("Even"));
    assert!(next.announcement.contains("Ukraine concedes"));
    // Choosing what is already chosen changes nothing, not even the Rc.
    let same = next.clone().reduce(Action::ChooseOption {
        issue: donetsk,
        option: hold,
    });
    assert!(Rc::ptr_eq(&same, &next));
}

#[test]
fn dragging_updates_the_package_but_announces_only_on_commit() {
    let state = opened("");
    let years = issue(&state, "guarantee_duration");
    let dragging = state.clone().reduce(Action::SetAmount {
        issue: years,
        amount: 7,
        commit: false,
    });
    assert_eq!(dragging.package.choice(years), Choice::Amount(7));
    assert_eq!(
        dragging.announcement, state.announcement,
        "no announcement mid-drag"
    );
    let committed = dragging.clone().reduce(Action::SetAmount {
        issue: years,
        amount: 7,
        commit: true,
    });
    assert!(
        !committed.announcement.is_empty(),
        "the drag's end is announced even without a new value"
    );
    let out_of_range = committed.clone().reduce(Action::SetAmount {
        issue: years,
        amount: 999,
        commit: true,
    });
    assert!(
        Rc::ptr_eq(&out_of_range, &committed),
        "an amount outside the scale is refused"
    );
}

#[test]
fn changes_that_keep_the_package_do_not_cancel_a_pending_url_write() {
    // A key press on a slider fires input and change in one task; while Yew's scheduler is busy
    // both reach the reducer before the render, and the render must still write the URL.
    let state = opened("");
    let years = issue(&state, "guarantee_duration");
    let moved = state.clone().reduce(Action::SetAmount {
        issue: years,
        amount: 48,
        commit: false,
    });
    assert_eq!(moved.url_write, UrlWrite::Replace);
    let ended = moved.clone().reduce(Action::SetAmount {
        issue: years,
        amount: 48,
        commit: true,
    });
    assert_eq!(ended.revision, moved.revision);
    assert_eq!(
        ended.url_write,
        UrlWrite::Replace,
        "the drag's end keeps the write"
    );
    let party = (ended.breakdown_party + 1) % ended.scenario.parties.len();
    let shown = ended.clone().reduce(Action::ShowBreakdownFor { party });
    assert_eq!(shown.url_write, UrlWrite::Replace);
    let explained = shown
        .clone()
        .reduce(Action::ExplainValue { party: Some(party) });
    assert_eq!(explained.url_write, UrlWrite::Replace);
    assert_eq!(explained.revision, moved.revision);
    assert_eq!(explained.package, moved.package);
}

#[test]
fn a_preset_is_a_new_history_entry_and_becomes_the_base() {
    let state = opened("");
    let e3 = state.scenario.document_index("e3_nov2025").expect("preset");
    let next = state.clone().reduce(Action::LoadPreset { document: e3 });
    assert_eq!(next.url_write, UrlWrite::Push);
    assert_eq!(next.base_document, Some(e3));
    assert_eq!(next.package, next.scenario.document_package(e3));
    let nonsense = next.clone().reduce(Action::LoadPreset { document: 999 });
    assert!(Rc::ptr_eq(&nonsense, &next));
}

#[test]
fn opening_a_link_lists_its_problems_until_dismissed() {
    let state = opened("");
    let scenario = state.scenario.rc().clone();
    let next = state.reduce(Action::OpenLink {
        decoded: decode(&scenario, "#v=1&bogus=1&army_cap=x"),
    });
    assert_eq!(next.link_problems.len(), 2);
    assert_eq!(
        next.url_write,
        UrlWrite::None,
        "a state read from the URL is not written back"
    );
    let dismissed = next.clone().reduce(Action::DismissLinkProblems);
    assert!(dismissed.link_problems.is_empty());
    assert_eq!(dismissed.package, next.package);
    let again = dismissed.clone().reduce(Action::DismissLinkProblems);
    assert!(Rc::ptr_eq(&again, &dismissed));
}

#[test]
fn the_breakdown_party_can_be_chosen() {
    let state = opened("");
    let next = state.clone().reduce(Action::ShowBreakdownFor { party: 1 });
    assert_eq!(next.breakdown_party, 1);
    assert_eq!(next.package, state.package);
    let invalid = next.clone().reduce(Action::ShowBreakdownFor { party: 9 });
    assert!(Rc::ptr_eq(&invalid, &next));
}

#[test]
fn applying_a_suggestion_is_a_new_history_entry() {
    let state = opened("");
    let e3 = state.scenario.document_index("e3_nov2025").expect("preset");
    let package = state.scenario.document_package(e3);
    let next = state.clone().reduce(Action::ApplySuggestion {
        package: package.clone(),
    });
    assert_eq!(next.package, package);
    assert_eq!(next.url_write, UrlWrite::Push);
    assert_eq!(
        next.base_document,
        Some(e3),
        "a suggestion equal to a document shows it"
    );
    let same = next.clone().reduce(Action::ApplySuggestion { package });
    assert!(Rc::ptr_eq(&same, &next));
}

#[test]
fn a_change_makes_the_provision_the_users_choice() {
    let state = opened("");
    let donetsk = issue(&state, "territory_donetsk");
    assert!(state.origins[donetsk].is_stated());
    let hold = option(&state, donetsk, "hold_current_line");
    let next = state.clone().reduce(Action::ChooseOption {
        issue: donetsk,
        option: hold,
    });
    assert_eq!(next.origins[donetsk], scoring::provenance::Origin::Chosen);
    let army = issue(&state, "army_cap");
    assert_eq!(
        next.origins[army], state.origins[army],
        "the others keep their origin"
    );
}

#[test]
fn a_partial_text_applied_on_top_is_a_new_history_entry() {
    let state = opened("");
    let usg = state.scenario.document_index("usg_nov2025").expect("draft");
    let next = state
        .clone()
        .reduce(Action::ApplyDocument { document: usg });
    assert_eq!(next.url_write, UrlWrite::Push);
    assert_eq!(next.revision, state.revision + 1);
    let strength = issue(&state, "guarantee_strength");
    assert_eq!(
        next.origins[strength],
        scoring::provenance::Origin::Stated { document: usg }
    );
    // The plan with the draft on top is the combination preset, which the page then shows.
    let combination = state
        .scenario
        .document_index("us28_usg_nov2025")
        .expect("preset");
    assert_eq!(next.base_document, Some(combination));
    assert!(next.applied.is_empty());
    assert_eq!(next.package, state.scenario.document_package(combination));
    // A whole settlement text cannot be applied on top, and applying the draft twice is a no-op.
    let us28 = state.scenario.document_index("us28_nov2025").expect("plan");
    let ignored = next
        .clone()
        .reduce(Action::ApplyDocument { document: us28 });
    assert!(Rc::ptr_eq(&ignored, &next));
    let again = next.clone().reduce(Action::ApplyDocument { document: usg });
    assert!(Rc::ptr_eq(&again, &next));
}

#[test]
fn a_partial_text_on_a_custom_package_keeps_the_base_and_lists_it() {
    let state = opened("");
    let donetsk = issue(&state, "territory_donetsk");
    let hold = option(&state, donetsk, "hold_current_line");
    let custom = state.reduce(Action::ChooseOption {
        issue: donetsk,
        option: hold,
    });
    let usg = custom
        .scenario
        .document_index("usg_nov2025")
        .expect("draft");
    let next = custom
        .clone()
        .reduce(Action::ApplyDocument { document: usg });
    assert_eq!(next.applied, vec![usg]);
    assert_eq!(next.base_document, custom.base_document);
    assert_eq!(
        next.origins[donetsk],
        scoring::provenance::Origin::Chosen,
        "the user's change stays"
    );
}

#[test]
fn a_value_explanation_opens_and_closes() {
    let state = opened("");
    let next = state
        .clone()
        .reduce(Action::ExplainValue { party: Some(1) });
    assert_eq!(next.explained_party, Some(1));
    assert_eq!(next.url_write, UrlWrite::None);
    let closed = next.reduce(Action::ExplainValue { party: None });
    assert_eq!(closed.explained_party, None);
    let out_of_range = state
        .clone()
        .reduce(Action::ExplainValue { party: Some(9) });
    assert!(Rc::ptr_eq(&out_of_range, &state));
}

#[test]
fn a_link_made_after_changing_a_plan_reopens_as_that_plan_with_its_changes() {
    let state = opened("");
    let plan20 = state
        .scenario
        .document_index("plan20_dec2025")
        .expect("preset");
    let loaded = state.reduce(Action::LoadPreset { document: plan20 });
    let donetsk = issue(&loaded, "territory_donetsk");
    let option = (0..loaded.scenario.issues[donetsk].options.len())
        .find(|&option| loaded.package.choice(donetsk) != Choice::Option(option))
        .expect("another option");
    let changed = loaded.reduce(Action::ChooseOption {
        issue: donetsk,
        option,
    });
    // The link the page writes names the plan; opened afresh, it is the plan with one change.
    let link = changed
        .scenario
        .link(&changed.package, changed.base_document, &changed.compare);
    assert!(link.contains("&from=plan20_dec2025"), "{link}");
    let reopened = opened(&link);
    assert_eq!(reopened.base_document, Some(plan20));
    assert_eq!(reopened.package, changed.package);
    assert_eq!(reopened.origins, changed.origins);
    assert_eq!(
        reopened.origins[donetsk],
        scoring::provenance::Origin::Chosen
    );
    // Without the part, the same package is a custom one.
    let plain = opened(&scoring::encode(&changed.scenario, &changed.package));
    assert_eq!(plain.base_document, None);
}

#[test]
fn a_rehearsal_draws_a_change_to_write_and_announce_nothing_then_gives_back_the_state() {
    // From the opening page, and from a page already changed (its write still pending).
    let army = |state: &AppState| issue(state, "army_cap");
    let opening = opened("");
    let changed = opening.clone().reduce(Action::ChooseOption {
        issue: army(&opening),
        option: 1,
    });
    for before in [opening, changed] {
        let rehearsed = before.clone().reduce(Action::Rehearse);
        assert_ne!(rehearsed.package, before.package, "a change is drawn");
        assert_eq!(rehearsed.previous, before.package);
        assert_eq!(
            rehearsed.package.choices()[1..],
            before.package.choices()[1..]
        );
        assert_eq!(rehearsed.url_write, UrlWrite::None, "nothing to write");
        assert_eq!(
            rehearsed.announcement, before.announcement,
            "nothing to announce"
        );
        let after = rehearsed.reduce(Action::EndRehearsal);
        assert!(Rc::ptr_eq(&after, &before), "the very state before");
        assert_eq!(after.rehearsed, None);
    }
    // An end with no rehearsal changes nothing.
    let state = opened("");
    assert!(Rc::ptr_eq(
        &state.clone().reduce(Action::EndRehearsal),
        &state
    ));
}
