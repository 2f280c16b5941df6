//! The golden corpus of share links (`tests/links/v<format>/*.json`): each file pins a link to
//! the state it decodes to and the scores of the model it was made with, which stays
//! published, so every file is checked in full whatever the current model is. Files are
//! append-only (CI fails on any edit or deletion); a new model version gets new files via
//! `GOLDEN_BLESS=1`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use scoring::share::encode_v1;
use scoring::{Package, Scenario, decode, encode, link_model};
use serde_json::{Value, json};

/// Links beyond the presets that the corpus must also pin for each new model: damaged and
/// hostile ones. `{m}` stands for the model version. (The empty link is not pinned: it means
/// the current model's opening package, whichever model is current.)
const EXTRA_LINKS: [(&str, &str); 4] = [
    ("opening-state", "#v=2&m={m}"),
    (
        "corrupt-unknown-ids",
        "#v=2&m={m}&no_such_issue=1&army_cap=cap_1m&nato_membership=permanent_neutrality",
    ),
    (
        "corrupt-version-and-garbage",
        "#v=99&m={m}&&&army_cap=-5&foreign_troops&guarantee_duration=12&m=1999.01.01",
    ),
    (
        "hostile-markup",
        "#v=2&m={m}&<script>alert(1)</script>=1&territory_donetsk=\"><img src=x onerror=alert(1)>",
    ),
];

/// The corpus of one link format.
fn corpus_dir(format: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/links/v{format}"))
}

/// The canonical form a link of `format` re-encodes to.
fn canonical(scenario: &Scenario, format: u32, package: &Package) -> String {
    format!(
        "#{}",
        if format == 1 {
            encode_v1(scenario, package)
        } else {
            encode(scenario, package)
        }
    )
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

fn record(scenario: &Scenario, format: u32, name: &str, link: &str) -> Value {
    let decoded = decode(scenario, link);
    let scores = scenario.score(&decoded.package);
    json!({
        "name": name,
        "link": link,
        "canonical": canonical(scenario, format, &decoded.package),
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

fn load_corpus() -> Vec<(u32, PathBuf, Value)> {
    let mut corpus = Vec::new();
    for format in 1..=scoring::share::CURRENT_VERSION {
        let mut files: Vec<PathBuf> = fs::read_dir(corpus_dir(format))
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
        for path in files {
            let text = fs::read_to_string(&path).expect("readable golden file");
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            corpus.push((format, path, value));
        }
    }
    corpus
}

/// Writes a golden file for every preset and extra link that lacks one for the current model
/// version, in the current format's corpus. Existing files are never touched.
fn bless(scenario: &Scenario) {
    let format = scoring::share::CURRENT_VERSION;
    let dir = corpus_dir(format);
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
    wanted.extend(EXTRA_LINKS.iter().map(|(name, link)| {
        (
            name.to_string(),
            link.replace("{m}", &scenario.meta.version),
        )
    }));
    for (name, link) in wanted {
        let path = dir.join(format!("{name}@{}.json", scenario.meta.version));
        if path.exists() {
            continue;
        }
        let text = serde_json::to_string_pretty(&record(scenario, format, &name, &link))
            .expect("json")
            + "\n";
        fs::write(&path, text).expect("write golden file");
        eprintln!("wrote {}", path.display());
    }
}

/// Every file, under the model its link names (still published), decodes to the recorded
/// state, problems and canonical form, and scores exactly as recorded.
#[test]
fn golden_links_decode_to_their_state_and_scores() {
    let scenario = Scenario::builtin().expect("valid");
    if std::env::var_os("GOLDEN_BLESS").is_some() {
        bless(&scenario);
    }
    let corpus = load_corpus();
    assert!(
        !corpus.is_empty(),
        "no golden files; run GOLDEN_BLESS=1 cargo test -p scoring --test golden"
    );
    let mut current = 0;
    for (format, path, golden) in &corpus {
        let name = path.display();
        let link = golden["link"].as_str().expect("link");
        let version = golden["model_version"].as_str().expect("model_version");
        assert_eq!(
            link_model(link).model.version,
            version,
            "{name}: the link is read with the model it was made with"
        );
        let model = Scenario::published(version)
            .unwrap_or_else(|| panic!("{name}: model {version} is no longer published"))
            .expect("a published model loads");
        let expected = record(
            &model,
            *format,
            golden["name"].as_str().expect("name"),
            link,
        );
        assert_eq!(expected["state"], golden["state"], "{name}: state");
        assert_eq!(expected["problems"], golden["problems"], "{name}: problems");
        assert_eq!(
            expected["canonical"], golden["canonical"],
            "{name}: canonical"
        );
        if version == scenario.meta.version {
            current += 1;
        }
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
        for field in ["balance", "spread"] {
            assert!(
                (expected[field].as_f64().expect("number")
                    - golden[field].as_f64().expect("number"))
                .abs()
                    < 1e-9,
                "{name}: {field}"
            );
        }
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
                .any(|(_, _, golden)| golden["model_version"].as_str()
                    == Some(scenario.meta.version.as_str())
                    && golden["state"] == state),
            "preset {} has no golden link for model {}; run GOLDEN_BLESS=1 cargo test -p scoring --test golden",
            document.id,
            scenario.meta.version
        );
    }
}

/// A link made before link format 2 names no model: it opens with model 2026.11.26 and that
/// model's numbers, and its package carries over to the current model by ids.
#[test]
fn an_old_link_keeps_its_old_numbers() {
    let link = "#v=1&army_cap=cap_800k_peacetime";
    let read = link_model(link);
    assert_eq!(read.model.version, scoring::models::FIRST_VERSION);
    assert!(!read.unknown);
    let old = Scenario::published(read.model.version)
        .expect("published")
        .expect("loads");
    let decoded = decode(&old, link);
    assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
    let golden: Value = serde_json::from_str(
        &fs::read_to_string(corpus_dir(1).join("preset-us28_nov2025@2026.11.26.json"))
            .expect("golden file"),
    )
    .expect("json");
    // The 28-point plan with one change, scored with the old model: the plan's recorded
    // value for Ukraine plus the army-cap change (55 → 85 at weight 9: +2.7 points).
    let ukraine = old.score(&decoded.package).parties[0].value;
    let recorded = golden["parties"][0]["value"].as_f64().expect("value");
    assert!(
        (ukraine - (recorded + 2.7)).abs() < 1e-9,
        "{ukraine} vs {recorded}"
    );

    let current = Scenario::builtin().expect("valid");
    let translated = scoring::share::translate(&old, &current, &decoded.package);
    assert!(translated.problems.is_empty(), "{:?}", translated.problems);
    let relinked = format!("#{}", encode(&current, &translated.package));
    assert!(relinked.starts_with(&format!("#v=2&m={}", current.meta.version)));
    assert_eq!(link_model(&relinked).model.version, current.meta.version);
    assert_eq!(decode(&current, &relinked).package, translated.package);
}

/// The empty link is the current model's opening package; a link naming a model this build
/// does not have is read with the current model, and says so.
#[test]
fn links_pick_their_model() {
    let current = scoring::models::current();
    assert_eq!(link_model("").model, current);
    assert_eq!(link_model("#").model, current);
    let unknown = link_model("#v=2&m=2999.01.01&army_cap=no_cap");
    assert!(unknown.unknown);
    assert_eq!(unknown.model, current);
    let scenario = Scenario::builtin().expect("valid");
    let decoded = decode(&scenario, "#v=2&m=2999.01.01&army_cap=no_cap");
    assert_eq!(decoded.problems.len(), 1, "{:?}", decoded.problems);
    assert!(decoded.problems[0].message.contains("2999.01.01"));
    let missing = decode(&scenario, "#v=2&army_cap=no_cap");
    assert!(
        missing.problems[0].message.contains("no model version"),
        "{:?}",
        missing.problems
    );
    assert_eq!(decode(&scenario, "").package, scenario.opening_package());
}
