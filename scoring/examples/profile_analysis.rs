//! Times the parts of the analysis natively. `--parts` prints the medians for the opening
//! state as `name=microseconds` lines, the same parts and format as the page's
//! `?bench-analysis`, so `tests/e2e/bench.mjs` can compare wasm with native in one run.
//! Without it, prints time and search nodes per part for every preset (for tuning).

use std::time::Instant;

use scoring::Scenario;
use scoring::analysis::{Analyzer, Coalition};

fn median_us(runs: usize, mut part: impl FnMut()) -> i64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            part();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2].round() as i64
}

fn main() {
    let scenario = Scenario::builtin().expect("valid");
    if std::env::args().any(|argument| argument == "--parts") {
        let package = scenario.v1_default_package();
        let analyzer = Analyzer::new(&scenario, &package);
        // 1,000 calls per sample: one call is below the browser clock's resolution.
        println!(
            "score_1000_us={}",
            median_us(51, || (0..1000)
                .for_each(|_| drop(scenario.score(&package))))
        );
        println!(
            "zopa_all_us={}",
            median_us(5, || drop(analyzer.zopa(Coalition::All)))
        );
        println!(
            "zopa_ratification_us={}",
            median_us(5, || drop(analyzer.zopa(Coalition::Ratification)))
        );
        println!(
            "nearest_us={}",
            median_us(5, || drop(analyzer.nearest_acceptable()))
        );
        println!("pareto_us={}", median_us(5, || drop(analyzer.pareto())));
        println!(
            "references_belligerents_us={}",
            median_us(5, || drop(analyzer.references(Coalition::Belligerents)))
        );
        println!(
            "references_all_us={}",
            median_us(3, || drop(analyzer.references(Coalition::All)))
        );
        println!("frontier_us={}", median_us(5, || drop(analyzer.frontier())));
        println!(
            "robustness_10k_us={}",
            median_us(5, || drop(scenario.robustness(&package, 50.0, 10_000, 1)))
        );
        return;
    }
    for document in 0..scenario.documents.len() {
        let package = scenario.document_package(document);
        let analyzer = Analyzer::new(&scenario, &package);
        let mut line = format!("{:<20}", scenario.documents[document].id);
        let mut time = |name: &str, run: &mut dyn FnMut() -> u64| {
            let start = Instant::now();
            let nodes = run();
            line.push_str(&format!(
                " {name} {:.1}ms/{}k",
                start.elapsed().as_secs_f64() * 1e3,
                nodes / 1000
            ));
        };
        time("zopa2", &mut || analyzer.zopa(Coalition::Belligerents).1);
        time("zopa4", &mut || analyzer.zopa(Coalition::All).1);
        time("zopaR", &mut || analyzer.zopa(Coalition::Ratification).1);
        time("open", &mut || analyzer.opening().1);
        time("near", &mut || analyzer.nearest_acceptable().1);
        time("pareto", &mut || analyzer.pareto().1);
        time("ref2", &mut || {
            analyzer.references(Coalition::Belligerents).1
        });
        time("ref4", &mut || analyzer.references(Coalition::All).1);
        time("front", &mut || analyzer.frontier().len() as u64 * 1000);
        time("trades", &mut || analyzer.trades().len() as u64 * 1000);
        println!("{line}");
    }
}
