//! Scores of every preset against expectations computed independently of this crate (a Python
//! reading of the scenario file), plus two presets checked by hand term by term.

use scoring::Scenario;

/// (document, values for ua/ru/us/eu in points, accepts for ua/ru/us/eu). Values are exact to
/// two decimals because weights are integer points and option values integers. Computed by a
/// Python reading of the scenario file (tomllib) that resolves revisions and combinations on
/// its own.
type Expected = (&'static str, [f64; 4], [bool; 4]);

/// The current model.
const PRESETS: [Expected; 27] = [
    (
        "budapest_1994",
        [57.10, 23.95, 50.50, 69.55],
        [false, false, true, true],
    ),
    (
        "minsk2_2015",
        [59.80, 23.85, 52.15, 71.20],
        [false, false, true, true],
    ),
    (
        "ru_dec2021",
        [47.40, 45.55, 49.05, 49.60],
        [false, false, false, false],
    ),
    (
        "ist_mar2022_ru",
        [49.50, 31.75, 49.75, 63.70],
        [false, false, false, false],
    ),
    (
        "ist_2022",
        [50.80, 43.80, 48.50, 62.70],
        [false, false, false, false],
    ),
    (
        "ist_2022_ru",
        [39.25, 61.00, 48.35, 46.05],
        [false, false, false, false],
    ),
    (
        "ru_jun2024",
        [20.95, 75.55, 48.15, 37.75],
        [false, false, false, false],
    ),
    (
        "us_apr2025",
        [51.85, 39.35, 72.45, 60.75],
        [false, false, true, false],
    ),
    (
        "ua_eu_apr2025",
        [83.25, 9.50, 53.50, 93.65],
        [true, false, true, true],
    ),
    (
        "ru_memo_jun2025",
        [7.25, 91.30, 47.55, 18.00],
        [false, true, false, false],
    ),
    (
        "alaska_aug2025",
        [46.50, 36.75, 52.05, 66.90],
        [false, false, true, true],
    ),
    (
        "cotw_sep2025",
        [57.60, 24.75, 53.50, 71.80],
        [false, false, true, true],
    ),
    (
        "us28_nov2025",
        [32.55, 65.90, 96.90, 43.00],
        [false, true, true, false],
    ),
    (
        "usg_nov2025",
        [61.90, 22.60, 56.30, 74.45],
        [false, false, true, true],
    ),
    (
        "us28_usg_nov2025",
        [31.15, 66.15, 99.40, 42.65],
        [false, true, true, false],
    ),
    (
        "eu24_nov2025",
        [83.35, 9.50, 46.50, 93.75],
        [true, false, false, true],
    ),
    (
        "e3_nov2025",
        [74.50, 23.35, 68.60, 95.20],
        [true, false, true, true],
    ),
    (
        "geneva_nov2025",
        [38.75, 62.50, 96.55, 47.90],
        [false, true, true, false],
    ),
    (
        "us_dec2025_zn",
        [46.05, 46.10, 67.65, 55.90],
        [false, false, true, true],
    ),
    (
        "berlin_dec2025",
        [66.45, 22.95, 55.70, 83.65],
        [false, false, true, true],
    ),
    (
        "plan20_dec2025",
        [74.25, 29.70, 68.60, 77.60],
        [true, false, true, true],
    ),
    (
        "maralago_dec2025",
        [69.70, 20.45, 52.70, 82.70],
        [false, false, true, true],
    ),
    (
        "paris_jan2026",
        [66.45, 22.95, 55.70, 83.65],
        [false, false, true, true],
    ),
    (
        "talks_2026",
        [54.90, 27.00, 51.80, 70.10],
        [false, false, true, true],
    ),
    (
        "us_proposals_2026",
        [54.65, 27.00, 55.15, 70.70],
        [false, false, true, true],
    ),
    (
        "ru_stated_2025_26",
        [43.40, 39.95, 48.55, 64.30],
        [false, false, false, true],
    ),
    (
        "ua_stated_2025_26",
        [77.25, 16.05, 52.25, 88.30],
        [true, false, true, true],
    ),
];

/// The model of 2026.11.26, kept published: its presets score exactly as they did.
const PRESETS_2026_11_26: [Expected; 23] = [
    (
        "budapest_1994",
        [56.60, 24.55, 50.90, 69.55],
        [false, false, true, true],
    ),
    (
        "minsk2_2015",
        [57.90, 24.65, 52.25, 69.85],
        [false, false, true, true],
    ),
    (
        "ru_dec2021",
        [45.50, 46.35, 49.15, 48.25],
        [false, false, false, false],
    ),
    (
        "ist_mar2022_ru",
        [47.60, 32.55, 49.85, 62.35],
        [false, false, false, false],
    ),
    (
        "ist_2022",
        [45.90, 57.60, 49.70, 51.35],
        [false, false, false, false],
    ),
    (
        "ru_jun2024",
        [25.40, 70.55, 47.70, 41.20],
        [false, false, false, false],
    ),
    (
        "us_apr2025",
        [50.45, 39.55, 72.15, 59.80],
        [false, false, true, false],
    ),
    (
        "ua_eu_apr2025",
        [81.35, 10.30, 53.60, 92.30],
        [true, false, true, true],
    ),
    (
        "ru_memo_jun2025",
        [3.15, 93.90, 46.20, 14.65],
        [false, true, false, false],
    ),
    (
        "alaska_aug2025",
        [42.05, 40.35, 47.35, 63.00],
        [false, false, false, true],
    ),
    (
        "cotw_sep2025",
        [55.70, 25.55, 53.60, 70.45],
        [false, false, true, true],
    ),
    (
        "us28_nov2025",
        [27.55, 67.10, 96.60, 39.45],
        [false, true, true, false],
    ),
    (
        "usg_nov2025",
        [61.40, 23.20, 56.70, 74.45],
        [false, false, true, true],
    ),
    (
        "eu24_nov2025",
        [81.45, 10.30, 46.60, 92.40],
        [true, false, false, true],
    ),
    (
        "e3_nov2025",
        [73.00, 22.15, 68.40, 94.10],
        [true, false, true, true],
    ),
    (
        "geneva_nov2025",
        [55.25, 25.75, 52.10, 70.35],
        [false, false, true, true],
    ),
    (
        "us_dec2025_zn",
        [44.65, 46.30, 67.35, 54.95],
        [false, false, true, true],
    ),
    (
        "berlin_dec2025",
        [63.95, 24.65, 58.20, 78.80],
        [false, false, true, true],
    ),
    (
        "plan20_dec2025",
        [74.05, 24.50, 61.80, 81.60],
        [true, false, true, true],
    ),
    (
        "maralago_dec2025",
        [69.20, 21.05, 53.10, 82.70],
        [false, false, true, true],
    ),
    (
        "paris_jan2026",
        [64.55, 23.75, 55.80, 82.30],
        [false, false, true, true],
    ),
    (
        "talks_2026",
        [52.50, 28.40, 52.80, 68.85],
        [false, false, true, true],
    ),
    (
        "ua_stated_2025_26",
        [83.85, 10.65, 48.75, 85.75],
        [true, false, false, true],
    ),
];

fn scenario() -> Scenario {
    Scenario::builtin().expect("valid")
}

fn check_presets(scenario: &Scenario, presets: &[Expected]) {
    assert_eq!(
        scenario.documents.len(),
        presets.len(),
        "one row per document"
    );
    for &(document_id, values, accepts) in presets {
        let document = scenario
            .document_index(document_id)
            .unwrap_or_else(|| panic!("no document {document_id}"));
        let scores = scenario.score(&scenario.document_package(document));
        for (party, score) in scores.parties.iter().enumerate() {
            assert!(
                (score.value - values[party]).abs() < 1e-9,
                "{document_id} party {party}: {} != {}",
                score.value,
                values[party]
            );
            assert!((score.concession - (100.0 - values[party])).abs() < 1e-9);
            let split: f64 = score.concession_by_issue.iter().sum();
            assert!(
                (split - score.concession).abs() < 1e-9,
                "{document_id}: the per-issue split adds up"
            );
            assert_eq!(
                score.accepts, accepts[party],
                "{document_id} party {party} acceptance"
            );
        }
        let ratified = accepts[0] && accepts[1] && (accepts[2] || accepts[3]);
        assert_eq!(scores.ratified, ratified, "{document_id} ratification");
        assert!(
            (scores.balance.points - (values[1] - values[0])).abs() < 1e-9,
            "{document_id}: B = C_ua − C_ru = V_ru − V_ua"
        );
    }
}

#[test]
fn every_preset_scores_as_expected() {
    check_presets(&scenario(), &PRESETS);
}

#[test]
fn every_preset_of_the_previous_model_scores_as_it_did() {
    let old = Scenario::published("2026.11.26")
        .expect("still published")
        .expect("loads");
    check_presets(&old, &PRESETS_2026_11_26);
}

#[test]
fn us28_by_hand() {
    // Ukraine's value of the 28-point plan, weight × value per issue in catalogue order:
    // 9*55 + 6*40 + 6*15 + 1*55 + 12*45 + 4*35 + 3*40 + 12*15 + 12*5 + 5*45 + 5*0 + 2*40 + 3*35
    // + 1*0 + 2*40 + 4*75 + 5*20 + 1*60 + 3*35 + 4*70 = 3255, so V = 32.55, C = 67.45, and with a
    // walk-away value of 40 the gain is −7.45. Point 10's pledged military response is valued 45
    // (guarantee strength), and the term the plan does not state is assumed (35).
    let scenario = scenario();
    let document = scenario.document_index("us28_nov2025").expect("preset");
    let resolved = scenario.resolve(document);
    let duration = scenario.issue_index("guarantee_duration").expect("issue");
    assert!(
        resolved.origins[duration].is_assumed(),
        "the plan states no term"
    );
    let scores = scenario.score(&resolved.package);
    let ukraine = &scores.parties[0];
    assert!((ukraine.value - 32.55).abs() < 1e-9);
    assert!((ukraine.gain - (-7.45)).abs() < 1e-9);
    assert!(!ukraine.accepts);
    let crossed: Vec<&str> = ukraine
        .red_lines_crossed
        .iter()
        .map(|&line| scenario.parties[0].red_lines[line].id.as_str())
        .collect();
    assert_eq!(
        crossed,
        [
            "no_recognition",
            "no_unilateral_donbas_exit",
            "binding_guarantees",
            "accountability"
        ]
    );
    // army_cap: weight 9, value 55 → concession 9 × 45 / 100 = 4.05 points.
    assert!((ukraine.concession_by_issue[0] - 4.05).abs() < 1e-9);
    // Russia 65.90 > 40 and crosses nothing; the US passes; so not ratified only because Ukraine does not.
    assert!(scores.parties[1].accepts && scores.parties[2].accepts && !scores.ratified);
    // B = 67.45 − 34.10 = 33.35: Ukraine concedes more, the package tilts toward Russia.
    assert!((scores.balance.points - 33.35).abs() < 1e-9);
    assert_eq!(
        scenario.balance_words(&scores.balance),
        "Tilts toward Russia by 33.4 points: Ukraine concedes 33.4 points more."
    );
}

#[test]
fn e3_by_hand() {
    // The E3 rewrite is a revision of the 28 points: Ukraine 74.50, Russia 23.35, US 68.60,
    // Europe 95.20. B = (100 − 74.50) − (100 − 23.35) = −51.15: Russia concedes more.
    let scenario = scenario();
    let document = scenario.document_index("e3_nov2025").expect("preset");
    let scores = scenario.score(&scenario.document_package(document));
    assert!((scores.balance.points - (-51.15)).abs() < 1e-9);
    assert_eq!(
        scenario.balance_words(&scores.balance),
        "Tilts toward Ukraine by 51.2 points: Russia concedes 51.2 points more."
    );
    assert!((scores.spread.points - (76.65 - 4.80)).abs() < 1e-9);
    assert_eq!(scenario.parties[scores.spread.most].id, "ru");
    assert_eq!(scenario.parties[scores.spread.least].id, "eu");
    assert!(
        !scores.ratified,
        "Russia crosses red lines (NATO door, Donetsk)"
    );
}

#[test]
fn amounts_interpolate_between_reference_points() {
    let scenario = scenario();
    let issue = scenario.issue_index("army_cap").expect("army_cap");
    let package = scenario.v1_default_package();
    let low = scenario
        .with_option(
            &package,
            issue,
            scenario.issues[issue]
                .option_index("cap_600k")
                .expect("600k"),
        )
        .expect("ok");
    let high = scenario
        .with_option(
            &package,
            issue,
            scenario.issues[issue]
                .option_index("cap_800k_peacetime")
                .expect("800k"),
        )
        .expect("ok");
    let middle = scenario.with_amount(&package, issue, 700_000).expect("ok");
    for party in 0..4 {
        let expected = (scenario.score(&low).parties[party].value
            + scenario.score(&high).parties[party].value)
            / 2.0;
        assert!(
            (scenario.score(&middle).parties[party].value - expected).abs() < 1e-9,
            "party {party}"
        );
    }
}

#[test]
fn the_embedded_scenario_is_the_file_parsed_now() {
    let parsed = Scenario::parse(scoring::models::SCENARIO_TOML).expect("the file is valid");
    assert_eq!(parsed, scenario(), "the build embedded the current file");
    assert_eq!(parsed.issues.len(), 20);
    assert_eq!(
        parsed
            .parties
            .iter()
            .map(|party| party.id.as_str())
            .collect::<Vec<_>>(),
        ["ua", "ru", "us", "eu"]
    );
}
