//! A reader's edits to the assumptions: the weight rule keeps 100, links with edits round-trip
//! canonically, hostile assumption parts fall back to the model with a problem, the file is
//! all or nothing, and the flip points agree with brute force through the whole pipeline.

mod common;

use common::{Lcg, random_scenario};
use proptest::prelude::*;
use scoring::edits::{self, Flip, MAX_VALUE_EDITS, rebalance};
use scoring::share::MAX_LINK_BYTES;
use scoring::{Edits, Package, Scenario, decode, encode_with};

fn scenario() -> Scenario {
    Scenario::builtin().expect("built-in scenario is valid")
}

/// One editor action, as indices reduced modulo what the scenario has.
#[derive(Debug, Clone)]
enum Step {
    Weight(usize, usize, u32),
    Reservation(usize, u32),
    RedLine(usize, usize, bool),
    Value(usize, usize, usize, u32),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        (0..4usize, 0..64usize, 0..=100u32).prop_map(|(p, i, t)| Step::Weight(p, i, t)),
        (0..4usize, 0..=100u32).prop_map(|(p, t)| Step::Reservation(p, t)),
        (0..4usize, 0..16usize, any::<bool>()).prop_map(|(p, l, on)| Step::RedLine(p, l, on)),
        (0..4usize, 0..64usize, 0..16usize, 0..=100u32)
            .prop_map(|(p, i, o, v)| Step::Value(p, i, o, v)),
    ];
    proptest::collection::vec(step, 0..40)
}

fn apply(scenario: &Scenario, steps: &[Step]) -> Edits {
    let mut edits = Edits::none();
    let issues = scenario.issues.len();
    for step in steps {
        match *step {
            Step::Weight(party, issue, target) => {
                let before = edits.clone();
                if edits
                    .set_weight(scenario, party, issue % issues, target)
                    .is_err()
                {
                    assert_eq!(edits, before, "a refused edit changes nothing");
                }
            }
            Step::Reservation(party, points) => edits.set_reservation(scenario, party, points),
            Step::RedLine(party, line, on) => {
                let lines = scenario.parties[party].red_lines.len();
                if lines > 0 {
                    edits.set_red_line(scenario, party, line % lines, on);
                }
            }
            Step::Value(party, issue, option, value) => {
                let issue = issue % issues;
                let option = option % scenario.issues[issue].options.len();
                // Refusals (the convention, the cap) leave the edits as they were.
                let before = edits.clone();
                if edits
                    .set_value(scenario, party, issue, option, value)
                    .is_err()
                {
                    assert_eq!(edits, before, "a refused edit changes nothing");
                }
            }
        }
    }
    edits
}

fn package_of(scenario: &Scenario, seed: u64) -> Package {
    let mut rng = Lcg(seed);
    let mut package = scenario.opening_package();
    for (issue, spec) in scenario.issues.iter().enumerate() {
        package = match (&spec.scale, rng.below(3)) {
            (Some(scale), 0) => {
                let amount = scale.min + rng.below((scale.max - scale.min + 1) as u64) as i64;
                scenario
                    .with_amount(&package, issue, amount)
                    .expect("in range")
            }
            _ => scenario
                .with_option(
                    &package,
                    issue,
                    rng.below(spec.options.len() as u64) as usize,
                )
                .expect("option exists"),
        };
    }
    package
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn rebalancing_keeps_the_shares_at_100(
        raw in proptest::collection::vec(0..=100u32, 1..24),
        issue in 0..24usize,
        target in 0..=120u32,
    ) {
        // Any starting vector summing to 100: scale the raw draws and put the rest on one.
        let total: u32 = raw.iter().sum::<u32>().max(1);
        let mut weights: Vec<u32> = raw.iter().map(|&w| w * 100 / total).collect();
        let short = 100 - weights.iter().sum::<u32>();
        weights[0] += short;
        let issue = issue % weights.len();
        let next = rebalance(&weights, issue, target);
        prop_assert_eq!(next.iter().sum::<u32>(), 100);
        prop_assert_eq!(next.len(), weights.len());
        if weights.len() > 1 {
            prop_assert_eq!(next[issue], target.min(100));
        }
        // The others keep their proportions to within the one point of rounding.
        let rest_before: u32 = 100 - weights[issue];
        let rest_after: u32 = 100 - next[issue];
        for j in (0..weights.len()).filter(|&j| j != issue) {
            if rest_before > 0 {
                let exact = f64::from(rest_after) * f64::from(weights[j]) / f64::from(rest_before);
                prop_assert!((f64::from(next[j]) - exact).abs() < 1.0, "{j}: {} vs {exact}", next[j]);
            }
        }
    }

    #[test]
    fn links_with_edits_round_trip_canonically(steps in steps(), seed in any::<u64>()) {
        let scenario = scenario();
        let edits = apply(&scenario, &steps);
        prop_assert!(edits.problems(&scenario).is_empty(), "{:?}", edits.problems(&scenario));
        let package = package_of(&scenario, seed);
        let link = encode_with(&scenario, &package, &edits);
        prop_assert!(link.len() < MAX_LINK_BYTES, "{} bytes", link.len());
        prop_assert!(link.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"_=&.".contains(&byte)), "{}", link);
        let decoded = decode(&scenario, &link);
        prop_assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        prop_assert_eq!(&decoded.package, &package);
        prop_assert_eq!(&decoded.edits, &edits);
        prop_assert_eq!(encode_with(&scenario, &decoded.package, &decoded.edits), link);
    }

    #[test]
    fn hostile_assumption_parts_fall_back_and_never_panic(
        parts in proptest::collection::vec(
            "(w|d|r|x|q)\\.(ua|ru|us|eu|zz)(\\.[a-z0-9_]{0,24}){0,3}=[0-9.a-z-]{0,60}", 0..60),
        issue_part in "(army_cap=[0-9a-z_]{0,12})?",
    ) {
        let scenario = scenario();
        let link = format!("v=2&m={}&{}&{}", scenario.meta.version, issue_part, parts.join("&"));
        let decoded = decode(&scenario, &link);
        // A part naming no party, or of a kind no version knows, is never dropped silently
        // (fewer than 64 parts of either sort, so no cap hides one).
        let unusable = parts
            .iter()
            .filter(|part| part.starts_with("q.") || part.split('.').nth(1).is_some_and(|party| party.starts_with("zz")))
            .count();
        prop_assert!(decoded.problems.len() >= unusable, "{} problems for {unusable} unusable parts: {:?}", decoded.problems.len(), decoded.problems);
        // Whatever was read is usable as it stands, and is the canonical form of itself.
        prop_assert!(decoded.edits.problems(&scenario).is_empty(), "{:?}", decoded.edits.problems(&scenario));
        let canonical = encode_with(&scenario, &decoded.package, &decoded.edits);
        let again = decode(&scenario, &canonical);
        prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
        prop_assert_eq!(&again.edits, &decoded.edits);
        prop_assert_eq!(encode_with(&scenario, &again.package, &again.edits), canonical);
    }
}

#[test]
fn inconsistent_or_out_of_range_edits_are_reset_and_listed() {
    let scenario = scenario();
    let version = &scenario.meta.version;
    let ua = &scenario.parties[0].id;
    let issues = scenario.issues.len();
    // Weights that sum to 101, a walk-away of 140, a red line of 2, a value above 100 and a
    // best option moved below 100.
    let mut weights = scenario.assumptions.parties[0].weights.clone();
    weights[0] += 1;
    let joined: Vec<String> = weights.iter().map(u32::to_string).collect();
    let line = &scenario.parties[0].red_lines[0].id;
    let issue = &scenario.issues[0];
    let best = (0..issue.options.len())
        .find(|&o| scenario.assumptions.values[0][o].values[0] == 100)
        .expect("a best option");
    let other = &scenario.issues[1];
    let link = format!(
        "v=2&m={version}&w.{ua}={}&d.{ua}=140&r.{ua}.{line}=2&x.{ua}.{}.{}=101&x.{ua}.{}.{}=50",
        joined.join("."),
        other.id,
        other.options[0].id,
        issue.id,
        issue.options[best].id,
    );
    let decoded = decode(&scenario, &link);
    assert!(decoded.edits.is_empty(), "{:?}", decoded.edits);
    let messages: Vec<&str> = decoded
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    assert!(messages[0].contains(&format!("{issues} whole numbers summing to 100")));
    assert!(messages[1].contains("walk-away value “140”"));
    assert!(messages[2].contains("must be 0 (off) or 1 (on)"));
    assert!(messages[3].contains("“101”"));
    assert!(
        messages[4].contains("best option must stay at 100"),
        "{}",
        messages[4]
    );
}

#[test]
fn an_edited_scenario_scores_as_its_model_would_with_those_numbers() {
    let scenario = scenario();
    let package = scenario.opening_package();
    let mut edits = Edits::none();
    edits.set_reservation(&scenario, 0, 90);
    edits.set_red_line(&scenario, 1, 0, false);
    let edited = scenario.edited(&edits);
    let before = scenario.score(&package);
    let after = edited.score(&package);
    assert_eq!(after.parties[0].value, before.parties[0].value);
    assert!((after.parties[0].gain - (before.parties[0].value - 90.0)).abs() < 1e-9);
    assert!(!after.parties[1].red_lines_crossed.contains(&0));
    // Weights: Ukraine's weight on the first issue to 0 gives its value over the others only.
    let mut edits = Edits::none();
    edits
        .set_weight(&scenario, 0, 0, 0)
        .expect("lowering a weight is always allowed");
    let weights = edits.weights(&scenario, 0).to_vec();
    assert_eq!(weights[0], 0);
    assert_eq!(weights.iter().sum::<u32>(), 100);
    let edited = scenario.edited(&edits);
    let expected: f64 = (0..scenario.issues.len())
        .map(|issue| {
            f64::from(weights[issue]) * scenario.choice_value(0, issue, package.choice(issue))
                / 100.0
        })
        .sum();
    assert!((edited.score(&package).parties[0].value - expected).abs() < 1e-3);
}

#[test]
fn value_edits_are_capped_so_links_stay_readable() {
    let scenario = scenario();
    let mut edits = Edits::none();
    let mut made = 0;
    'outer: for (issue, spec) in scenario.issues.iter().enumerate() {
        for option in 0..spec.options.len() {
            let model = scenario.assumptions.values[issue][option].values[2];
            if model != 100 && model != 0 {
                match edits.set_value(&scenario, 2, issue, option, model - 1) {
                    Ok(()) => made += 1,
                    Err(message) => {
                        assert_eq!(made, MAX_VALUE_EDITS);
                        assert!(message.contains("At most 24"), "{message}");
                        break 'outer;
                    }
                }
            }
        }
    }
    assert_eq!(made, MAX_VALUE_EDITS);
}

#[test]
fn the_assumptions_file_round_trips_and_is_all_or_nothing() {
    let scenario = scenario();
    let mut edits = Edits::none();
    edits
        .set_weight(&scenario, 1, 3, 20)
        .expect("Russia values an option of this issue at 100");
    edits.set_reservation(&scenario, 2, 55);
    edits.set_red_line(&scenario, 0, 0, false);
    let text = edits::to_json(&scenario, &edits);
    assert_eq!(edits::from_json(&scenario, &text), Ok(edits.clone()));
    // The model's own set reads as no edit.
    assert_eq!(
        edits::from_json(&scenario, &edits::to_json(&scenario, &Edits::none())),
        Ok(Edits::none())
    );
    let bad = text
        .replacen("\"reservation\": 40", "\"reservation\": 400", 1)
        .replacen("\"army_cap\": 9", "\"army_cap\": 10", 1)
        .replacen("\"parties\": {", "\"parties\": {\n    \"xx\": {},", 1);
    let problems = edits::from_json(&scenario, &bad).expect_err("three problems");
    assert_eq!(problems.len(), 3, "{problems:#?}");
    let unknown = format!(
        "parties.xx: no such party in model {}",
        scenario.meta.version
    );
    assert!(problems.contains(&unknown), "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p == "parties.ua.reservation: must be a whole number from 0 to 100")
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("parties.ua.weights: the weights sum to 101"))
    );
    assert_eq!(
        edits::from_json(&scenario, "[1, 2"),
        Err(vec![
            "not JSON: EOF while parsing a list at line 1 column 5".to_string()
        ])
    );
}

/// Per party: the (issue, weight) that flips the balance's sign, and the one that flips
/// acceptance, if any.
type Found = Vec<(Option<(usize, u32)>, Option<(usize, u32)>)>;

/// The smallest single-weight edit that flips a verdict, found the slow way: every weight of
/// every issue through `Edits::set_weight`, `Scenario::edited` and `Scenario::score`.
fn brute_flips(scenario: &Scenario, package: &Package) -> Found {
    let base = scenario.score(package);
    let sign = |points: f64| (points * 10_000.0).round() as i64;
    (0..scenario.parties.len())
        .map(|party| {
            let weights = &scenario.assumptions.parties[party].weights;
            let mut balance: Option<(u32, usize, u32)> = None;
            let mut acceptance: Option<(u32, usize, u32)> = None;
            for (issue, &from) in weights.iter().enumerate() {
                for to in 0..=100u32 {
                    if to == from {
                        continue;
                    }
                    let mut edits = Edits::none();
                    if edits.set_weight(scenario, party, issue, to).is_err() {
                        continue;
                    }
                    let scores = scenario.edited(&edits).score(package);
                    let distance = to.abs_diff(from);
                    let better = |found: &Option<(u32, usize, u32)>| {
                        found.is_none_or(|(d, _, _)| distance < d)
                    };
                    if sign(scores.balance.points).signum() != sign(base.balance.points).signum()
                        && better(&balance)
                    {
                        balance = Some((distance, issue, to));
                    }
                    if scores.parties[party].accepts != base.parties[party].accepts
                        && better(&acceptance)
                    {
                        acceptance = Some((distance, issue, to));
                    }
                }
            }
            (
                balance.map(|(_, i, t)| (i, t)),
                acceptance.map(|(_, i, t)| (i, t)),
            )
        })
        .collect()
}

fn check_flips(scenario: &Scenario, package: &Package) {
    let flips = scenario.flip_points(package);
    let brute = brute_flips(scenario, package);
    let (first, second) = scenario.belligerents();
    let scores = scenario.score(package);
    for (party, (flip, (balance, acceptance))) in flips.iter().zip(brute).enumerate() {
        let expect = |found: Option<(usize, u32)>, independent: bool| match found {
            Some((issue, to)) => Flip::At {
                issue,
                from: scenario.assumptions.parties[party].weights[issue],
                to,
            },
            None if independent => Flip::Independent,
            None => Flip::Never,
        };
        let crossed = !scores.parties[party].red_lines_crossed.is_empty();
        assert_eq!(
            flip.balance,
            expect(balance, party != first && party != second),
            "party {party} balance"
        );
        assert_eq!(
            flip.acceptance,
            expect(acceptance, crossed),
            "party {party} acceptance"
        );
    }
}

#[test]
fn flip_points_agree_with_brute_force_on_small_scenarios() {
    let mut flipped = 0;
    for seed in 0..40u64 {
        let scenario = Scenario::parse(&random_scenario(seed, 5)).expect("valid");
        for round in 0..4 {
            let package = package_of(&scenario, seed * 7 + round);
            check_flips(&scenario, &package);
            flipped += scenario
                .flip_points(&package)
                .iter()
                .filter(|flips| matches!(flips.acceptance, Flip::At { .. }))
                .count();
        }
    }
    // The scenarios are varied enough that many verdicts do flip.
    assert!(flipped > 100, "{flipped}");
}

#[test]
fn flip_points_agree_with_brute_force_on_the_model_with_amounts() {
    let scenario = scenario();
    for seed in [1u64, 2, 3] {
        check_flips(&scenario, &package_of(&scenario, seed));
    }
    check_flips(&scenario, &scenario.opening_package());
}

#[test]
fn edits_replace_earlier_edits_and_links_carry_them() {
    let scenario = scenario();
    let mut first = Edits::none();
    first.set_reservation(&scenario, 0, 20);
    first.set_red_line(&scenario, 1, 0, false);
    let once = scenario.edited(&first);
    let mut second = Edits::none();
    second.set_reservation(&once, 2, 70);
    let twice = once.edited(&second);
    assert_eq!(twice, scenario.edited(&second));
    assert_eq!(twice.model_assumptions(), &scenario.assumptions);
    assert_eq!(once.edited(&Edits::none()), scenario);
    let package = scenario.opening_package();
    assert_eq!(
        scoring::encode(&twice, &package),
        encode_with(&scenario, &package, &second)
    );
    assert_eq!(
        twice.edits().describe(&twice),
        vec!["United States: walk-away value 70 (model: 50)".to_string()]
    );
}

#[test]
fn the_benchmark_edits_touch_every_kind_of_assumption() {
    let scenario = scenario();
    let edits = edits::benchmark_edits(&scenario);
    assert!(edits.problems(&scenario).is_empty());
    let lines = edits.describe(&scenario);
    for kind in ["weight on", "walk-away value", "red line on", "value of"] {
        assert!(
            lines.iter().any(|line| line.contains(kind)),
            "{kind}: {lines:#?}"
        );
    }
}
