//! Validates the scenario file with the core's own parser when the crate is built, and embeds
//! the validated scenario as compact postcard bytes. A broken scenario fails the build with
//! every problem named; the browser never ships a TOML parser (it would double the wasm size).

#[path = "src/file.rs"]
#[allow(dead_code)]
mod file;
#[path = "src/model.rs"]
#[allow(dead_code)]
mod model;

use std::path::PathBuf;

const SCENARIO: &str = "scenario/ru-ua-2025.toml";

fn main() {
    println!("cargo:rerun-if-changed={SCENARIO}");
    println!("cargo:rerun-if-changed=src/file.rs");
    println!("cargo:rerun-if-changed=src/model.rs");
    let text = std::fs::read_to_string(SCENARIO)
        .unwrap_or_else(|error| panic!("cannot read {SCENARIO}: {error}"));
    let scenario = match model::Scenario::parse(&text) {
        Ok(scenario) => scenario,
        Err(error) => {
            for problem in &error.problems {
                println!("cargo:warning={SCENARIO}: {problem}");
            }
            panic!("{SCENARIO}: {error}");
        }
    };
    let bytes = postcard::to_allocvec(&scenario).expect("the validated scenario serialises");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("scenario.postcard");
    std::fs::write(&out, bytes)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", out.display()));
}
