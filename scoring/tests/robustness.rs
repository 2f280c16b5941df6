//! Monte-Carlo robustness: reproducible from the seed, consistent probabilities, bands that
//! narrow as the concentration grows and contain the stated-weights figure.

use scoring::Scenario;

fn scenario() -> Scenario {
    Scenario::builtin().expect("valid")
}

#[test]
fn the_same_seed_gives_the_same_result_and_another_seed_differs() {
    let scenario = scenario();
    let package = scenario.v1_default_package();
    let one = scenario.robustness(&package, 50.0, 2_000, 7);
    let again = scenario.robustness(&package, 50.0, 2_000, 7);
    let other = scenario.robustness(&package, 50.0, 2_000, 8);
    assert_eq!(one, again);
    assert_ne!(one.balance, other.balance);
    assert!((one.toward_first + one.toward_second + one.even - 1.0).abs() < 1e-12);
}

#[test]
fn bands_contain_the_stated_figure_and_narrow_with_concentration() {
    let scenario = scenario();
    for document in 0..scenario.documents.len() {
        let package = scenario.document_package(document);
        let scores = scenario.score(&package);
        let loose = scenario.robustness(&package, 20.0, 4_000, 1);
        let tight = scenario.robustness(&package, 2_000.0, 4_000, 1);
        for (party, score) in scores.parties.iter().enumerate() {
            let band = tight.concession[party];
            assert!(band.p5 <= band.p50 && band.p50 <= band.p95);
            // Dirichlet draws centred on the stated weights: the stated figure sits inside.
            assert!(
                loose.concession[party].p5 - 1e-9 <= score.concession
                    && score.concession <= loose.concession[party].p95 + 1e-9,
                "{} party {party}: {} outside {:?}",
                scenario.documents[document].id,
                score.concession,
                loose.concession[party]
            );
            assert!(
                band.p95 - band.p5
                    <= loose.concession[party].p95 - loose.concession[party].p5 + 1e-9,
                "higher concentration, narrower band"
            );
        }
        assert!(
            (tight.balance.p50 - scores.balance.points).abs() < 2.0,
            "{}",
            scenario.documents[document].id
        );
    }
}

#[test]
fn inputs_are_clamped_so_any_request_does_bounded_work() {
    let scenario = scenario();
    let package = scenario.v1_default_package();
    let result = scenario.robustness(&package, f64::NAN, 0, 1);
    assert_eq!(result.samples, 1);
    assert_eq!(
        result.concentration,
        scoring::analysis::robustness::MIN_CONCENTRATION
    );
    let result = scenario.robustness(&package, 1e12, 10, 1);
    assert_eq!(
        result.concentration,
        scoring::analysis::robustness::MAX_CONCENTRATION
    );
}

#[test]
fn the_influential_weights_are_the_strongest_correlations() {
    let scenario = scenario();
    let package = scenario.v1_default_package();
    let result = scenario.robustness(&package, 30.0, 5_000, 3);
    assert_eq!(result.influential.len(), 5);
    for pair in result.influential.windows(2) {
        assert!(pair[0].correlation.abs() >= pair[1].correlation.abs());
    }
    for influence in &result.influential {
        assert!(
            influence.party <= 1,
            "only the belligerents' weights move their balance"
        );
        assert!(scenario.assumptions.parties[influence.party].weights[influence.issue] > 0);
        assert!(influence.correlation.abs() <= 1.0);
    }
}
