//! Scenario validation: broken files are rejected whole, each problem named by its place.
//! Each case edits the small valid fixture in one way and asserts the exact message.

use scoring::Scenario;

const MINI: &str = include_str!("fixtures/mini.toml");

/// Applies `edit` (a pair of exact texts: what to find once, what to put instead) to the fixture.
fn broken(find: &str, replace: &str) -> String {
    assert_eq!(
        MINI.matches(find).count(),
        1,
        "fixture text {find:?} must occur exactly once"
    );
    MINI.replacen(find, replace, 1)
}

/// Parses `text`, asserts it is rejected, and returns the problems.
fn problems(text: &str) -> Vec<String> {
    match Scenario::parse(text) {
        Ok(_) => panic!("a broken scenario was accepted"),
        Err(error) => error.problems,
    }
}

fn assert_problem(text: &str, expected: &str) {
    let problems = problems(text);
    assert!(
        problems.iter().any(|problem| problem == expected),
        "expected problem {expected:?}, got {problems:#?}"
    );
}

#[test]
fn the_fixture_is_valid() {
    let scenario = Scenario::parse(MINI).expect("fixture parses");
    assert_eq!(scenario.issues.len(), 2);
    assert_eq!(scenario.documents.len(), 2);
    assert_eq!(
        scenario.issues[0]
            .scale
            .as_ref()
            .map(|scale| scale.points.len()),
        Some(3)
    );
}

#[test]
fn missing_party_value_names_issue_option_and_party() {
    let text = broken(
        "  [assumptions.values.army_cap.cap_300]\n  ua = 40\n  ru = 60\n",
        "  [assumptions.values.army_cap.cap_300]\n  ua = 40\n",
    );
    assert_problem(
        &text,
        "issue army_cap, option cap_300: no value for party ru",
    );
}

#[test]
fn value_out_of_range() {
    let text = broken("  ua = 80\n  ru = 20\n", "  ua = 180\n  ru = 20\n");
    assert_problem(
        &text,
        "issue army_cap, option cap_500: value for party ua must be an integer from 0 to 100",
    );
}

#[test]
fn weights_must_sum_to_100() {
    let text = broken(
        "weights = { army_cap = 50, troops = 50 }",
        "weights = { army_cap = 50, troops = 40 }",
    );
    assert_problem(
        &text,
        "assumptions for party ru: weights sum to 90, not 100",
    );
}

#[test]
fn missing_weight_and_unknown_weight() {
    let text = broken(
        "weights = { army_cap = 70, troops = 30 }",
        "weights = { army_cap = 70, tropps = 30 }",
    );
    let found = problems(&text);
    assert!(
        found.contains(&"assumptions for party eu: no weight for issue troops".to_string()),
        "{found:#?}"
    );
    assert!(
        found.contains(&"assumptions for party eu: weight for unknown issue tropps".to_string()),
        "{found:#?}"
    );
}

#[test]
fn unknown_source_key() {
    let text = broken(
        "  troops = { option = \"welcome\", sources = [\"src-b\"] }",
        "  troops = { option = \"welcome\", sources = [\"src-zz\"] }",
    );
    assert_problem(
        &text,
        "document plan_b, position on troops: unknown source [src-zz]",
    );
}

#[test]
fn position_on_unknown_option() {
    let text = broken(
        "troops = { option = \"banned\", sources = [\"src-a\"] }",
        "troops = { option = \"forbidden\", sources = [\"src-a\"] }",
    );
    assert_problem(
        &text,
        "document plan_a, position on troops: issue troops has no option forbidden",
    );
}

#[test]
fn red_line_on_unknown_option() {
    let text = broken("options = [\"welcome\"]", "options = [\"welcom\"]");
    assert_problem(
        &text,
        "party ru, red line no_troops: issue troops has no option welcom",
    );
}

#[test]
fn scale_ends_must_be_reference_points() {
    let text = broken("  max = 500\n", "  max = 600\n");
    assert_problem(
        &text,
        "issue army_cap, scale: max = 600 but the highest option `at` is 500",
    );
}

#[test]
fn reference_points_on_the_step_grid() {
    let text = broken("  at = 300\n", "  at = 305\n");
    assert_problem(
        &text,
        "issue army_cap, option cap_300: at = 305 is not on the step grid (100 + k × 10)",
    );
}

#[test]
fn best_option_must_be_100_where_weighted() {
    let text = broken(
        "  [assumptions.values.troops.banned]\n  ua = 20\n  ru = 100\n",
        "  [assumptions.values.troops.banned]\n  ua = 20\n  ru = 90\n",
    );
    assert_problem(
        &text,
        "issue troops: party ru has weight 50 but its best option is valued 90, not 100",
    );
}

#[test]
fn unknown_theme_and_nature() {
    let text = broken(
        "theme = \"security\"\ndescription = \"Foreign forces.\"",
        "theme = \"defence\"\ndescription = \"Foreign forces.\"",
    );
    assert_problem(
        &text,
        "issue troops: unknown theme \"defence\" (expected one of security, territory, justice_money, politics, humanitarian)",
    );
    let text = broken("nature = \"counter_proposal\"", "nature = \"rumour\"");
    assert_problem(&text, "document plan_b: unknown nature \"rumour\"");
}

#[test]
fn bad_date() {
    let text = broken("date = \"2025-11-20\"", "date = \"20 Nov 2025\"");
    assert_problem(
        &text,
        "document plan_a: date \"20 Nov 2025\" is not YYYY, YYYY-MM, YYYY-MM-DD or a range a/b of those",
    );
}

#[test]
fn missing_when_silent() {
    let text = broken(
        "  troops = { option = \"welcome\", rationale = \"Silent means allowed.\" }\n",
        "",
    );
    assert_problem(&text, "assumptions.when_silent, issue troops: missing");
}

#[test]
fn parties_must_be_the_four() {
    let text = broken(
        "id = \"eu\"\nname = \"Europe\"",
        "id = \"de\"\nname = \"Germany\"",
    );
    assert_problem(
        &text,
        "parties: expected exactly ua, ru, us, eu in this order, found ua, ru, us, de",
    );
}

#[test]
fn unknown_field_is_a_toml_error_with_its_line() {
    let text = broken(
        "summary = \"Plan A.\"",
        "summary = \"Plan A.\"\nsumary = \"typo\"",
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("TOML: "), "{found:#?}");
    assert!(found[0].contains("unknown field `sumary`"), "{found:#?}");
    assert!(
        found[0].contains("line "),
        "a syntax problem names its line: {found:#?}"
    );
}

#[test]
fn syntax_error_names_the_line() {
    let text = broken("title = \"Plan B\"", "title = \"Plan B");
    let found = problems(&text);
    assert!(found[0].starts_with("TOML: "), "{found:#?}");
    assert!(found[0].contains("line "), "{found:#?}");
}

#[test]
fn several_problems_are_all_reported() {
    let text = broken("  ua = 80\n  ru = 20\n", "  ua = 180\n  ru = 20\n").replacen(
        "weights = { army_cap = 50, troops = 50 }",
        "weights = { army_cap = 50, troops = 40 }",
        1,
    );
    let found = problems(&text);
    assert!(found.len() >= 2, "{found:#?}");
}

#[test]
fn the_builtin_scenario_is_valid() {
    if let Err(error) = Scenario::builtin() {
        panic!("{error}");
    }
}
