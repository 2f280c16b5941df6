//! Documents scored as what they are: revisions load as their base plus their changes,
//! combinations as their base with partial texts applied, and every document's balance over
//! the provisions its text settles (weights renormalised) agrees with an independent
//! computation from the raw tables. Red lines crossed only through assumed provisions are
//! never attributed to a text.

use scoring::provenance::Origin;
use scoring::{Choice, DocumentKind, Scenario, Stance};

fn scenario() -> Scenario {
    Scenario::builtin().expect("built-in scenario is valid")
}

/// The options a document's own text takes, by issue (independently of `resolve`).
fn own_options(scenario: &Scenario, document: usize) -> Vec<Option<usize>> {
    scenario.documents[document]
        .positions
        .iter()
        .map(
            |position| match position.as_ref().map(|position| position.stance) {
                Some(Stance::Takes(option)) => Some(option),
                _ => None,
            },
        )
        .collect()
}

/// The balance over `issues` with each belligerent's weights renormalised, from the raw
/// weights and values: `Σ w (100 − v) / Σ w` for Ukraine minus the same for Russia.
fn renormalised_balance(scenario: &Scenario, choices: &[usize], issues: &[usize]) -> Option<f64> {
    let concession = |party: usize| {
        let weights = &scenario.assumptions.parties[party].weights;
        let total: u32 = issues.iter().map(|&issue| weights[issue]).sum();
        (total > 0).then(|| {
            issues
                .iter()
                .map(|&issue| {
                    let value = scenario.assumptions.values[issue][choices[issue]].values[party];
                    f64::from(weights[issue]) * (100.0 - f64::from(value))
                })
                .sum::<f64>()
                / f64::from(total)
        })
    };
    Some(concession(0)? - concession(1)?)
}

#[test]
fn every_document_is_scored_on_what_its_text_settles() {
    let scenario = scenario();
    for (index, document) in scenario.documents.iter().enumerate() {
        let resolved = scenario.resolve(index);
        let coverage = scenario.coverage(&resolved);
        let choices: Vec<usize> = resolved
            .package
            .choices()
            .iter()
            .map(|choice| match choice {
                Choice::Option(option) => *option,
                Choice::Amount(_) => panic!("{}: presets take options", document.id),
            })
            .collect();
        let expected = renormalised_balance(&scenario, &choices, &coverage.stated);
        match (coverage.balance, expected) {
            (Some(got), Some(want)) => assert!(
                (got - want).abs() < 1e-9,
                "{}: settled balance {got} != {want}",
                document.id
            ),
            (got, want) => assert_eq!(got, want, "{}", document.id),
        }
        if document.kind == DocumentKind::Partial {
            // A partial text settles exactly the provisions it takes, and nothing else.
            let own = own_options(&scenario, index);
            let settled: Vec<usize> = (0..scenario.issues.len())
                .filter(|&issue| own[issue].is_some())
                .collect();
            assert_eq!(coverage.stated, settled, "{}", document.id);
            assert_eq!(
                coverage.assumed.len(),
                scenario.issues.len() - settled.len(),
                "{}",
                document.id
            );
            // The sign its own positions give: the balance over them alone.
            let own_balance = renormalised_balance(&scenario, &choices, &settled);
            assert_eq!(
                coverage.balance.map(f64::signum),
                own_balance.map(f64::signum),
                "{}",
                document.id
            );
        }
    }
}

#[test]
fn revisions_and_combinations_load_as_their_base_plus_their_own_text() {
    let scenario = scenario();
    for (index, document) in scenario.documents.iter().enumerate() {
        let resolved = scenario.resolve(index);
        match document.kind {
            DocumentKind::Revision => {
                let base = scenario.resolve(document.based_on.expect("a revision has a base"));
                for issue in 0..scenario.issues.len() {
                    let position = document.positions[issue].as_ref();
                    let (choice, origin) =
                        (resolved.package.choice(issue), resolved.origins[issue]);
                    match position.map(|position| position.stance) {
                        None => {
                            assert_eq!(
                                choice,
                                base.package.choice(issue),
                                "{} {issue}",
                                document.id
                            );
                            assert_eq!(origin, base.origins[issue], "{} {issue}", document.id);
                        }
                        Some(Stance::Takes(option)) => {
                            assert_eq!(choice, Choice::Option(option));
                            assert_eq!(origin, Origin::Stated { document: index });
                        }
                        Some(Stance::Removed) => {
                            let silent = scenario.assumptions.when_silent[issue].option;
                            assert_eq!(choice, Choice::Option(silent));
                            assert_eq!(origin, Origin::Removed { document: index });
                        }
                        Some(Stance::Open) => {
                            assert_eq!(choice, base.package.choice(issue));
                            assert_eq!(origin, Origin::Open { document: index });
                        }
                    }
                }
            }
            DocumentKind::Combination => {
                let mut expected = scenario.resolve(document.based_on.expect("a base"));
                for &part in &document.applies {
                    for (issue, option) in own_options(&scenario, part).into_iter().enumerate() {
                        if let Some(option) = option {
                            expected.package = scenario
                                .with_option(&expected.package, issue, option)
                                .expect("exists");
                            expected.origins[issue] = Origin::Stated { document: part };
                        }
                    }
                }
                assert_eq!(resolved, expected, "{}", document.id);
            }
            DocumentKind::Settlement | DocumentKind::Partial => {
                for (issue, option) in own_options(&scenario, index).into_iter().enumerate() {
                    match option {
                        Some(option) => {
                            assert_eq!(resolved.package.choice(issue), Choice::Option(option));
                            assert!(resolved.origins[issue].is_stated());
                        }
                        None => {
                            let silent = scenario.assumptions.when_silent[issue].option;
                            assert_eq!(resolved.package.choice(issue), Choice::Option(silent));
                            assert_eq!(resolved.origins[issue], Origin::Silent);
                        }
                    }
                }
            }
        }
    }
}

/// A partial text applied on a package changes exactly the provisions the text takes.
#[test]
fn a_partial_text_applied_on_top_changes_only_what_it_says() {
    let scenario = scenario();
    let base = scenario.resolve(scenario.meta.opening.expect("an opening document"));
    for (index, document) in scenario.documents.iter().enumerate() {
        if document.kind != DocumentKind::Partial {
            continue;
        }
        let applied = scenario.apply_document(&base, index);
        for (issue, option) in own_options(&scenario, index).into_iter().enumerate() {
            match option {
                Some(option) => {
                    assert_eq!(applied.package.choice(issue), Choice::Option(option));
                    assert_eq!(applied.origins[issue], Origin::Stated { document: index });
                }
                None => {
                    assert_eq!(applied.package.choice(issue), base.package.choice(issue));
                    assert_eq!(applied.origins[issue], base.origins[issue]);
                }
            }
        }
    }
}

/// A red line that a document's package crosses is crossed by its text only where the text
/// settles that provision; the report keeps the two apart.
#[test]
fn crossings_through_assumed_provisions_are_reported_as_such() {
    let scenario = scenario();
    for (index, document) in scenario.documents.iter().enumerate() {
        let resolved = scenario.resolve(index);
        let report = scenario.report_with(&resolved, Some(index), &[]);
        let coverage = report
            .coverage
            .expect("a document's report has its coverage");
        let scores = scenario.score(&resolved.package);
        for (party, score) in scores.parties.iter().enumerate() {
            for &line in &score.red_lines_crossed {
                let red_line = &scenario.parties[party].red_lines[line];
                let name = format!("{}: {}", scenario.parties[party].id, red_line.id);
                assert_eq!(
                    coverage.red_lines_through_assumed.contains(&name),
                    resolved.origins[red_line.issue].is_assumed(),
                    "{}: {name}",
                    document.id
                );
            }
        }
    }
}
