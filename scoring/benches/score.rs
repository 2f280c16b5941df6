//! Benchmarks of the scoring core (divan): one package scored for all parties, and a share link
//! decoded and scored. Run with `cargo bench -p scoring`; the medians go in the README.

use divan::{Bencher, black_box};
use scoring::{Scenario, decode, encode};

fn main() {
    divan::main();
}

/// A link that sets every issue away from its default, the longest ordinary case.
fn busy_link(scenario: &Scenario) -> String {
    let mut package = scenario.v1_default_package();
    for (issue, spec) in scenario.issues.iter().enumerate() {
        package = match &spec.scale {
            Some(scale) => scenario
                .with_amount(&package, issue, scale.min + scale.step)
                .expect("amount in range"),
            None => {
                let option = (0..spec.options.len())
                    .find(|&option| scoring::Choice::Option(option) != package.choice(issue))
                    .expect("two options");
                scenario
                    .with_option(&package, issue, option)
                    .expect("option exists")
            }
        };
    }
    format!("#{}", encode(scenario, &package))
}

#[divan::bench]
fn score_one_package_all_parties(bencher: Bencher) {
    let scenario = Scenario::builtin().expect("valid");
    let package = scenario.document_package(0);
    bencher.bench_local(|| black_box(&scenario).score(black_box(&package)));
}

#[divan::bench]
fn decode_and_score_link(bencher: Bencher) {
    let scenario = Scenario::builtin().expect("valid");
    let link = busy_link(&scenario);
    bencher.bench_local(|| {
        let decoded = decode(black_box(&scenario), black_box(&link));
        scenario.score(&decoded.package)
    });
}

#[divan::bench]
fn encode_link(bencher: Bencher) {
    let scenario = Scenario::builtin().expect("valid");
    let package = decode(&scenario, &busy_link(&scenario)).package;
    bencher.bench_local(|| encode(black_box(&scenario), black_box(&package)));
}

#[divan::bench]
fn decode_64_kib_of_garbage(bencher: Bencher) {
    let scenario = Scenario::builtin().expect("valid");
    let garbage: String = (0..65_536u32)
        .map(|index| char::from(b'a' + (index % 26) as u8))
        .collect();
    let garbage = format!("#v=1&{}", garbage.replace('q', "=").replace('x', "&"));
    bencher.bench_local(|| decode(black_box(&scenario), black_box(&garbage)));
}

#[divan::bench]
fn load_embedded_scenario() -> Scenario {
    Scenario::builtin().expect("valid")
}

#[divan::bench]
fn parse_and_validate_scenario_toml() -> Scenario {
    Scenario::parse(scoring::models::SCENARIO_TOML).expect("valid")
}

#[divan::bench(sample_count = 10)]
fn analyze_us28(bencher: Bencher) {
    let scenario = Scenario::builtin().expect("valid");
    let package = scenario.v1_default_package();
    bencher.bench_local(|| black_box(&scenario).analyze(black_box(&package)));
}

#[divan::bench(sample_count = 10)]
fn analyze_us28_edited_assumptions(bencher: Bencher) {
    let model = Scenario::builtin().expect("valid");
    let scenario = model.edited(&scoring::edits::benchmark_edits(&model));
    let package = scenario.v1_default_package();
    bencher.bench_local(|| black_box(&scenario).analyze(black_box(&package)));
}

#[divan::bench(sample_count = 10)]
fn flip_points_us28(bencher: Bencher) {
    let scenario = Scenario::builtin().expect("valid");
    let package = scenario.v1_default_package();
    bencher.bench_local(|| black_box(&scenario).flip_points(black_box(&package)));
}

#[divan::bench(sample_count = 10)]
fn robustness_10k_samples(bencher: Bencher) {
    let scenario = Scenario::builtin().expect("valid");
    let package = scenario.v1_default_package();
    bencher.bench_local(|| black_box(&scenario).robustness(black_box(&package), 50.0, 10_000, 7));
}
