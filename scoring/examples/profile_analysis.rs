//! Prints the time and search nodes of each part of the analysis on every preset (a developer
//! aid for tuning the searches; the figures that count come from `cargo bench`).

use std::time::Instant;

use scoring::Scenario;
use scoring::analysis::{Analyzer, Coalition};

fn main() {
    let scenario = Scenario::builtin().expect("valid");
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
        if document == 0 {
            let members: Vec<usize> = (0..4).collect();
            let start = Instant::now();
            let (references, nodes) = analyzer.references(Coalition::All);
            println!(
                "  ref4 total {:.1}ms {}k nodes; nash {:?} ks {:?} egal {:?}",
                start.elapsed().as_secs_f64() * 1e3,
                nodes / 1000,
                references.nash.as_ref().map(|s| s.proven),
                references.kalai_smorodinsky.as_ref().map(|s| s.proven),
                references.egalitarian.as_ref().map(|s| s.proven)
            );
            let _ = members;
        }
    }
}
