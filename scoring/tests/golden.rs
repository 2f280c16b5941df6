//! The golden corpus of share links (`tests/links/v1/*.json`): each file pins a link to the
//! state it decodes to and, for its model version, the scores. Files are append-only (CI fails
//! on any edit or deletion); a new model version gets new files via `GOLDEN_BLESS=1`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use scoring::{Package, Scenario, decode, encode};
use serde_json::{Value, json};

/// Links beyond the presets that the corpus must also pin: damaged and hostile ones.
const EXTRA_LINKS: [(&str, &str); 4] = [
    ("opening-state", "#v=1"),
    (
        "corrupt-unknown-ids",
        "#v=1&no_such_issue=1&army_cap=cap_1m&nato_membership=permanent_neutrality",
    ),
    (
        "corrupt-version-and-garbage",
        "#v=99&&&army_cap=-5&foreign_troops&guarantee_duration=12",
    ),
    (
        "hostile-markup",
        "#v=1&<script>alert(1)</script>=1&territory_donetsk=\"><img src=x onerror=alert(1)>",
    ),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/links/v1")
}

fn state_of(scenario: &Scenario, package: &Package) -> BTreeMap<String, Value> {
    scenario
        .issues
        .iter()
        .enumerate()
        .map(|(issue, spec)| {
            let value = match package.choice(issue) {
                scoring::Choice::Option(option) => json!(spec.options[option].id),
                scoring::Choice::Amount(amount) => json!(amount),
            };
            (spec.id.clone(), value)
        })
        .collect()
}

fn record(scenario: &Scenario, name: &str, link: &str) -> Value {
    let decoded = decode(scenario, link);
    let scores = scenario.score(&decoded.package);
    json!({
        "name": name,
        "link": link,
        "canonical": format!("#{}", encode(scenario, &decoded.package)),
        "model_version": scenario.meta.version,
        "problems": decoded.problems.len(),
        "state": state_of(scenario, &decoded.package),
        "parties": scenario.parties.iter().zip(&scores.parties).map(|(party, score)| json!({
            "party": party.id,
            "value": score.value,
            "concession": score.concession,
            "gain": score.gain,
            "accepts": score.accepts,
            "red_lines_crossed": score.red_lines_crossed.iter().map(|&line| party.red_lines[line].id.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "ratified": scores.ratified,
        "balance": scores.balance.points,
        "spread": scores.spread.points,
    })
}

fn load_corpus() -> Vec<(PathBuf, Value)> {
    let mut files: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .collect()
        })
        .unwrap_or_default();
    files.retain(|path| {
        path.extension()
            .is_some_and(|extension| extension == "json")
    });
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).expect("readable golden file");
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (path, value)
        })
        .collect()
}

/// Writes a golden file for every preset and extra link that lacks one for the current model
/// version. Existing files are never touched.
fn bless(scenario: &Scenario) {
    let dir = corpus_dir();
    fs::create_dir_all(&dir).expect("corpus dir");
    let mut wanted: Vec<(String, String)> = scenario
        .documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            (
                format!("preset-{}", document.id),
                format!("#{}", encode(scenario, &scenario.document_package(index))),
            )
        })
        .collect();
    wanted.extend(
        EXTRA_LINKS
            .iter()
            .map(|(name, link)| (name.to_string(), link.to_string())),
    );
    for (name, link) in wanted {
        let path = dir.join(format!("{name}@{}.json", scenario.meta.version));
        if path.exists() {
            continue;
        }
        let text =
            serde_json::to_string_pretty(&record(scenario, &name, &link)).expect("json") + "\n";
        fs::write(&path, text).expect("write golden file");
        eprintln!("wrote {}", path.display());
    }
}

#[test]
fn golden_links_decode_to_their_state_and_scores() {
    let scenario = Scenario::builtin().expect("valid");
    if std::env::var_os("GOLDEN_BLESS").is_some() {
        bless(&scenario);
    }
    let corpus = load_corpus();
    assert!(
        !corpus.is_empty(),
        "no golden files in {}; run GOLDEN_BLESS=1 cargo test -p scoring --test golden",
        corpus_dir().display()
    );
    let mut current = 0;
    for (path, golden) in &corpus {
        let name = path.display();
        let link = golden["link"].as_str().expect("link");
        let decoded = decode(&scenario, link);
        // The state a link stands for never changes, whatever the model version.
        assert_eq!(
            serde_json::to_value(state_of(&scenario, &decoded.package)).expect("json"),
            golden["state"],
            "{name}: state"
        );
        assert_eq!(
            decoded.problems.len() as u64,
            golden["problems"].as_u64().expect("problems"),
            "{name}: problems"
        );
        assert_eq!(
            format!("#{}", encode(&scenario, &decoded.package)),
            golden["canonical"].as_str().expect("canonical"),
            "{name}: canonical"
        );
        if golden["model_version"].as_str() != Some(scenario.meta.version.as_str()) {
            continue;
        }
        current += 1;
        let expected = record(&scenario, golden["name"].as_str().expect("name"), link);
        for (got, want) in expected["parties"]
            .as_array()
            .expect("parties")
            .iter()
            .zip(golden["parties"].as_array().expect("parties"))
        {
            for field in ["value", "concession", "gain"] {
                let got = got[field].as_f64().expect("number");
                let want = want[field].as_f64().expect("number");
                assert!(
                    (got - want).abs() < 1e-9,
                    "{name}: {} {field} {got} != {want}",
                    want
                );
            }
            assert_eq!(got["accepts"], want["accepts"], "{name}");
            assert_eq!(
                got["red_lines_crossed"], want["red_lines_crossed"],
                "{name}"
            );
        }
        assert_eq!(expected["ratified"], golden["ratified"], "{name}");
        assert!(
            (expected["balance"].as_f64().expect("b") - golden["balance"].as_f64().expect("b"))
                .abs()
                < 1e-9,
            "{name}"
        );
    }
    assert!(
        current > 0,
        "no golden file for model {}",
        scenario.meta.version
    );
    // Every preset is pinned for the current model.
    for (index, document) in scenario.documents.iter().enumerate() {
        let state = serde_json::to_value(state_of(&scenario, &scenario.document_package(index)))
            .expect("json");
        assert!(
            corpus
                .iter()
                .any(|(_, golden)| golden["model_version"].as_str()
                    == Some(scenario.meta.version.as_str())
                    && golden["state"] == state),
            "preset {} has no golden link for model {}; run GOLDEN_BLESS=1 cargo test -p scoring --test golden",
            document.id,
            scenario.meta.version
        );
    }
}
