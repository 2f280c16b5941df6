//! Runs the real `peaceplan` binary: scoring links and presets, listing, exporting, and the
//! messages and exit codes for bad input.

use std::process::{Command, Output};

use scoring::{Scenario, encode};
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peaceplan"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
}

fn scenario() -> Scenario {
    Scenario::builtin().expect("valid")
}

#[test]
fn presets_lists_every_document_with_date_and_nature() {
    let scenario = scenario();
    let output = run(&["presets"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for document in &scenario.documents {
        let line = text
            .lines()
            .find(|line| line.starts_with(&format!("{} ", document.id)))
            .unwrap_or_else(|| panic!("no line for {}", document.id));
        assert!(
            line.contains(&document.date) && line.contains(document.nature.label()),
            "{line}"
        );
    }
    let listed = json(&run(&["presets", "--json"]));
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(scenario.documents.len())
    );
}

#[test]
fn score_preset_json_equals_the_core() {
    let scenario = scenario();
    for (index, document) in scenario.documents.iter().enumerate() {
        let report = json(&run(&["score", "--preset", &document.id, "--json"]));
        let scores = scenario.score(&scenario.document_package(index));
        for (party, expected) in scores.parties.iter().enumerate() {
            let got = &report["parties"][party];
            assert_eq!(
                got["value"].as_f64(),
                Some(expected.value),
                "{} party {party}",
                document.id
            );
            assert_eq!(got["concession"].as_f64(), Some(expected.concession));
            assert_eq!(got["accepts"].as_bool(), Some(expected.accepts));
        }
        assert_eq!(report["ratified"].as_bool(), Some(scores.ratified));
        assert_eq!(
            report["balance"]["points"].as_f64(),
            Some(scores.balance.points)
        );
        assert!(
            report["matches_document"].as_str().is_some(),
            "{}",
            document.id
        );
        // The preset's link scores the same as the preset.
        let link = report["link"].as_str().expect("link").to_string();
        assert_eq!(
            link,
            format!("#{}", encode(&scenario, &scenario.document_package(index)))
        );
        let by_link = json(&run(&["score", &link, "--json"]));
        assert_eq!(by_link["parties"], report["parties"]);
    }
}

#[test]
fn score_table_is_readable() {
    let scenario = scenario();
    let output = run(&["score", "--by-issue"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(&format!("Link: #v=2&m={}", scenario.meta.version)),
        "{text}"
    );
    assert!(text.contains("model assumptions"), "{text}");
    for party in &scenario.parties {
        assert!(
            text.lines().any(|line| line.starts_with(&party.name)),
            "{text}"
        );
    }
    assert!(
        text.contains("Passes the model's ratification test: "),
        "{text}"
    );
    assert!(text.contains("Balance: "), "{text}");
    for issue in &scenario.issues {
        assert!(text.contains(&issue.id), "by-issue row for {}", issue.id);
    }
}

/// A link made with an older model is scored with that model, and the CLI says so and gives
/// the same package under the current model; `--current-model` scores that instead.
#[test]
fn an_old_link_is_scored_with_its_own_model() {
    let current = scenario();
    let output = run(&["score", "#v=1", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["model_version"], scoring::models::FIRST_VERSION);
    assert_eq!(
        report["current_model"].as_str(),
        Some(current.meta.version.as_str())
    );
    let old = Scenario::published(scoring::models::FIRST_VERSION)
        .expect("published")
        .expect("loads");
    let expected = old.score(&old.v1_default_package());
    assert_eq!(
        report["balance"]["points"].as_f64(),
        Some(expected.balance.points)
    );
    let note = stderr(&output);
    assert!(
        note.contains("made with model 2026.11.26") && note.contains("#v=2&m="),
        "{note}"
    );
    let translated = json(&run(&["score", "#v=1", "--json", "--current-model"]));
    assert_eq!(
        translated["model_version"].as_str(),
        Some(current.meta.version.as_str())
    );
}

/// A partial text's scores say how many provisions it settles, the balance over those alone
/// and the full-package balance; `--apply` puts it on top of another package.
#[test]
fn partial_texts_show_what_they_settle_and_apply_on_top() {
    let scenario = scenario();
    let partial = scenario
        .document_index("usg_nov2025")
        .expect("the US guarantee draft");
    assert_eq!(
        scenario.documents[partial].kind,
        scoring::DocumentKind::Partial
    );
    let id = &scenario.documents[partial].id;
    let text = stdout(&run(&["score", "--preset", id]));
    assert!(text.contains("The texts settle "), "{text}");
    assert!(
        text.contains("Balance over the settled provisions alone"),
        "{text}"
    );
    let report = json(&run(&["score", "--preset", id, "--json"]));
    let coverage = &report["coverage"];
    let own = scenario.documents[partial]
        .positions
        .iter()
        .filter(|position| position.is_some())
        .count();
    assert_eq!(coverage["settled"].as_u64(), Some(own as u64));
    let applied = json(&run(&["score", "--apply", id, "--json"]));
    let base = scenario.opening_package();
    let on_top = scenario.apply_document(
        &scenario.resolve(scenario.meta.opening.expect("opening")),
        partial,
    );
    assert_ne!(on_top.package, base);
    assert_eq!(
        applied["balance"]["points"].as_f64(),
        Some(scenario.score(&on_top.package).balance.points)
    );
    // The plan with the draft applied is the combination preset, and says so.
    assert_eq!(applied["matches_document"], "us28_usg_nov2025");
    let refused = run(&["score", "--apply", "us28_nov2025"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("only partial documents"));
}

/// The page's model files, as the build writes them, read back to the built-in models.
#[test]
fn site_files_write_every_published_model() {
    let dir = std::env::temp_dir().join(format!("peaceplan-site-{}", std::process::id()));
    let output = run(&["site-files", dir.to_str().expect("utf-8 path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    for model in scoring::models::MODELS {
        let bytes = std::fs::read(dir.join("models").join(model.file)).expect("model file");
        let read = Scenario::from_model_file(model, &bytes).expect("reads back");
        assert_eq!(read.meta.version, model.version);
        let mut damaged = bytes.clone();
        damaged[bytes.len() / 2] ^= 1;
        assert!(Scenario::from_model_file(model, &damaged).is_err());
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_bad_link_prints_problems_and_still_scores() {
    let output = run(&["score", "#v=1&no_such_issue=3&<script>"]);
    assert!(output.status.success(), "a link with problems still scores");
    let text = stdout(&output);
    assert!(text.contains("Link problems (2)"), "{text}");
    assert!(
        text.contains("Unknown provision “no_such_issue” was ignored."),
        "{text}"
    );
    assert!(
        text.contains("Passes the model's ratification test: "),
        "{text}"
    );
    let output = run(&["score", "#v=1&no_such_issue=3", "--json"]);
    assert!(output.status.success());
    let report = json(&output);
    assert_eq!(report["problems"].as_array().map(Vec::len), Some(1));
    assert!(stderr(&output).contains("link problem: Unknown provision"));
}

#[test]
fn bad_arguments_get_a_message_and_a_non_zero_exit() {
    let output = run(&["score", "--preset", "no_such_plan"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown preset \"no_such_plan\"; known presets:"),
        "{}",
        stderr(&output)
    );
    let output = run(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unrecognized subcommand"),
        "{}",
        stderr(&output)
    );
    let output = run(&["score", "#v=1", "--preset", "x"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a link and a preset together are refused"
    );
}

#[test]
fn export_keeps_facts_and_assumptions_apart() {
    let scenario = scenario();
    let output = run(&["export"]);
    assert!(output.status.success());
    let exported = json(&output);
    assert_eq!(
        exported["scenario"]["version"].as_str(),
        Some(scenario.meta.version.as_str())
    );
    assert_eq!(
        exported["facts"]["issues"].as_array().map(Vec::len),
        Some(scenario.issues.len())
    );
    assert_eq!(
        exported["facts"]["documents"].as_array().map(Vec::len),
        Some(scenario.documents.len())
    );
    assert!(
        exported["facts"]["issues"][0].get("values").is_none(),
        "values are not facts"
    );
    assert_eq!(
        exported["assumptions"]["parties"].as_array().map(Vec::len),
        Some(scenario.parties.len())
    );
    let silent = exported["facts"]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .flat_map(|document| document["positions"].as_array().expect("positions").iter())
        .filter(|position| position["option"] == "silent")
        .count();
    let expected_silent: usize = scenario
        .documents
        .iter()
        .map(|document| {
            document
                .positions
                .iter()
                .filter(|position| position.is_none())
                .count()
        })
        .sum();
    assert_eq!(silent, expected_silent);
}

/// The analysis of the 28-point plan as JSON, with a small fixed Monte-Carlo.
const US28_ANALYSIS_JSON: [&str; 8] = [
    "analyze",
    "--preset",
    "us28_nov2025",
    "--json",
    "--samples",
    "2000",
    "--seed",
    "3",
];

#[test]
fn analyze_reports_every_part_and_its_json_agrees_with_the_core() {
    let scenario = scenario();
    let output = run(&[
        "analyze",
        "--preset",
        "us28_nov2025",
        "--samples",
        "2000",
        "--seed",
        "3",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for heading in [
        "Zone of possible agreement",
        "Warnings",
        "Nearest package that passes the model's tests",
        "Better for every party",
        "Nash",
        "Kalai–Smorodinsky",
        "Frontier of Ukraine's value against Russia's",
        "Trades that raise both",
        "Robustness: 2000 weight samples",
        "every amount their scales allow",
        "listed, the others on the straight line",
    ] {
        assert!(text.contains(heading), "missing {heading:?} in\n{text}");
    }
    let report = json(&run(&US28_ANALYSIS_JSON));
    let document = scenario.document_index("us28_nov2025").expect("preset");
    let package = scenario.document_package(document);
    let analysis = scenario.analyze(&package);
    assert_eq!(
        report["frontier"].as_array().map(Vec::len),
        Some(analysis.frontier.len())
    );
    assert_eq!(
        report["warnings"].as_array().map(Vec::len),
        Some(analysis.warnings.len())
    );
    // A suggested package's link scores, through `score`, exactly as the analysis says.
    let nearest = &report["nearest_acceptable"];
    let link = nearest["link"]
        .as_str()
        .expect("a nearest acceptable package");
    let scored = json(&run(&["score", link, "--json"]));
    assert_eq!(scored["ratified"], nearest["ratified"]);
    for (party, value) in nearest["values"]
        .as_array()
        .expect("values")
        .iter()
        .enumerate()
    {
        assert_eq!(
            scored["parties"][party]["value"].as_f64(),
            value[1].as_f64()
        );
    }
    // The same seed gives the same robustness figures.
    let again = json(&run(&US28_ANALYSIS_JSON));
    assert_eq!(again["robustness"], report["robustness"]);
}

#[test]
fn analyze_refuses_bad_sampling_arguments() {
    let output = run(&["analyze", "--samples", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--samples must be from 1 to 100000"));
    let output = run(&["analyze", "--concentration", "0.5"]);
    assert_eq!(output.status.code(), Some(2));
}

/// A file in the test's own temporary directory (the target dir), removed when dropped.
struct TempFile(std::path::PathBuf);
impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        std::fs::write(&path, text).expect("writable target dir");
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 path")
    }
}
impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn assumptions_travel_by_link_and_by_file_with_the_same_numbers() {
    let scenario = scenario();
    let mut edits = scoring::Edits::none();
    edits
        .set_weight(&scenario, 0, 8, 20)
        .expect("Ukraine weighs Donetsk");
    edits.set_reservation(&scenario, 1, 30);
    edits.set_red_line(&scenario, 0, 0, false);
    let edited = scenario.edited(&edits);
    let package = scenario.opening_package();
    let link = format!("#{}", scoring::encode(&edited, &package));

    // The link: its numbers are the core's under the edited assumptions, and it names them.
    let by_link = run(&["score", &link, "--json"]);
    assert!(by_link.status.success(), "{}", stderr(&by_link));
    let by_link = json(&by_link);
    let scores = edited.score(&package);
    for (party, score) in scores.parties.iter().enumerate() {
        assert_eq!(by_link["parties"][party]["value"], score.value);
    }
    assert_eq!(by_link["link"], link.as_str());
    assert_eq!(
        by_link["assumption_edits"]
            .as_array()
            .expect("a list")
            .len(),
        edits.describe(&scenario).len()
    );
    assert_eq!(by_link["flips"].as_array().expect("a list").len(), 4);

    // export --assumptions writes the link's whole set; --assumptions reads it back.
    let exported = run(&["export", "--assumptions", &link]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let file = TempFile::new("edits.json", &stdout(&exported));
    let by_file = run(&["score", "--json", "--assumptions", file.path()]);
    assert!(by_file.status.success(), "{}", stderr(&by_file));
    assert_eq!(json(&by_file)["parties"], by_link["parties"]);
    assert_eq!(json(&by_file)["link"], link.as_str());

    // analyze takes them too: its report is the core's under the edited assumptions (the
    // robustness samples drawn around the edited weights), and differs from the model's.
    let analysis = run(&[
        "analyze",
        &link,
        "--json",
        "--samples",
        "200",
        "--seed",
        "5",
    ]);
    assert!(analysis.status.success(), "{}", stderr(&analysis));
    let expected = {
        let analysis = edited.analyze(&package);
        let robustness = edited.robustness(&package, 50.0, 200, 5);
        serde_json::to_value(edited.analysis_report(&package, &analysis, &robustness))
            .expect("serialisable")
    };
    assert_eq!(json(&analysis), expected);
    let unedited = run(&["analyze", "--json", "--samples", "200", "--seed", "5"]);
    assert_ne!(json(&unedited)["robustness"], expected["robustness"]);
}

#[test]
fn a_bad_assumptions_file_names_each_place_and_applies_nothing() {
    let exported = stdout(&run(&["export", "--assumptions"]));
    let bad = exported
        .replacen("\"reservation\": 40", "\"reservation\": -3", 1)
        .replacen("\"army_cap\": 9", "\"army_cap\": \"nine\"", 1)
        .replacen("\"foreign_troops\": 6", "\"foreign_trooops\": 6", 1);
    let file = TempFile::new("bad-edits.json", &bad);
    let output = run(&["score", "--assumptions", file.path()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let text = stderr(&output);
    assert!(
        text.contains("has 3 problems; no assumption was applied"),
        "{text}"
    );
    assert!(
        text.contains("parties.ua.reservation: must be a whole number from 0 to 100"),
        "{text}"
    );
    assert!(
        text.contains("parties.ua.weights.army_cap: must be a whole number from 0 to 100"),
        "{text}"
    );
    assert!(
        text.contains("parties.ua.weights.foreign_trooops: no such provision"),
        "{text}"
    );
    let missing = run(&["score", "--assumptions", "/nonexistent/edits.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read /nonexistent/edits.json"));
}

/// Every link a teacher copies from `docs/classroom.md` opens with no problem, under the model it
/// names, and the ones it says are a plan are that plan.
#[test]
fn the_classroom_links_open_cleanly() {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/classroom.md"))
            .expect("docs/classroom.md is readable");
    let links: Vec<&str> = guide
        .split('`')
        .filter_map(|quoted| quoted.strip_prefix("https://HOST/"))
        .filter_map(|rest| rest.find('#').map(|at| &rest[at..]))
        .collect();
    assert!(links.len() >= 4, "links found: {links:?}");
    for link in &links {
        let output = run(&["score", link, "--json"]);
        assert!(output.status.success(), "{link}: {}", stderr(&output));
        let report = json(&output);
        assert_eq!(report["problems"], serde_json::json!([]), "{link}");
        assert_eq!(report["model_version"], report["current_model"], "{link}");
    }
    let geneva = links
        .iter()
        .find(|link| link.contains("amnesty_accountability=no_amnesty_clause"))
        .expect("the Geneva link");
    assert_eq!(
        json(&run(&["score", geneva, "--json"]))["matches_document"],
        "geneva_nov2025"
    );
    assert_eq!(
        json(&run(&["score", "#v=2&m=2026.12.01", "--json"]))["matches_document"],
        "us28_nov2025"
    );
}

/// A link that names the plan its package started from (`from=`) is reported with it, and its
/// canonical link keeps the part; a package that is a plan's own is that plan.
#[test]
fn score_reports_the_plan_a_package_started_from() {
    let scenario = scenario();
    let model = &scenario.meta.version;
    let link = format!("#v=2&m={model}&territory_donetsk=hold_current_line&from=plan20_dec2025");
    let report = json(&run(&["score", &link, "--json"]));
    assert_eq!(report["problems"], serde_json::json!([]));
    assert_eq!(report["changed_from"], "plan20_dec2025");
    assert_eq!(report["matches_document"], Value::Null);
    assert_eq!(report["link"], link);
    let own = json(&run(&[
        "score",
        &format!("#v=2&m={model}&from=plan20_dec2025"),
        "--json",
    ]));
    assert_eq!(own["matches_document"], "us28_nov2025");
    assert!(own.get("changed_from").is_none());
    assert_eq!(own["link"], format!("#v=2&m={model}"));
}

#[test]
fn compare_reads_the_pages_comparison_link_and_adds_columns() {
    let scenario = scenario();
    let model = &scenario.meta.version;
    let link = format!("#v=2&m={model}&army_cap=no_cap&from=us28_nov2025&c=here&c=plan20_dec2025");
    let output = run(&["compare", &link, "--with", "ist_2022", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = json(&output);
    let decoded = scoring::decode(&scenario, &link);
    let slots = scoring::share::read_slots(&scenario, &decoded.compare).0;
    let core = scenario.compare(&scenario.columns(&slots, &decoded.package));
    let heads = report["provisions"]["head"].as_array().unwrap();
    assert_eq!(heads.len(), 4, "{heads:?}");
    assert_eq!(heads[1], "This package");
    assert_eq!(
        heads[3],
        "Istanbul communiqué and draft treaty, Ukraine's brackets"
    );
    // The first two columns are the core's comparison of the link's own columns.
    for (row, expected) in report["parties"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&core.parties.rows)
    {
        assert_eq!(row["head"], expected.head.as_str());
        for (cell, want) in row["cells"].as_array().unwrap().iter().zip(&expected.cells) {
            assert_eq!(cell["text"], want.text.as_str());
        }
    }
    let csv = run(&["compare", &link, "--csv"]);
    assert!(stdout(&csv).starts_with(
        "\"Provision\",\"This package\",\"This package (note)\",\"20-point framework\""
    ));
    // Fewer than two packages, or an unknown column, is refused with a message.
    let lonely = run(&["compare", &format!("#v=2&m={model}&c=here")]);
    assert_eq!(lonely.status.code(), Some(2));
    assert!(
        stderr(&lonely).contains("at least two packages"),
        "{}",
        stderr(&lonely)
    );
    let unknown = run(&["compare", "--with", "us28_nov2025", "--with", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("--with nope"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn matrix_and_term_sheet_csv_are_the_cores() {
    let scenario = scenario();
    let matrix = run(&["matrix"]);
    assert!(matrix.status.success());
    assert_eq!(stdout(&matrix), scenario.matrix_csv());
    let table = json(&run(&["matrix", "--json"]));
    assert_eq!(
        table["rows"].as_array().unwrap().len(),
        scenario.documents.len()
    );
    let sheet = run(&["score", "--preset", "plan20_dec2025", "--csv"]);
    assert!(sheet.status.success());
    let document = scenario.document_index("plan20_dec2025").unwrap();
    assert_eq!(
        stdout(&sheet),
        scenario.term_sheet(&scenario.resolve(document)).to_csv()
    );
}
