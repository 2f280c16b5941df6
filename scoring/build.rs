//! Validates every model with the core's own parser when the crate is built, and writes each
//! as compact postcard bytes with a table of the published models. The current model is
//! `scenario/ru-ua-2025.toml`; every earlier published model is kept verbatim in
//! `scenario/models/`. A broken file fails the build with every problem named. The browser
//! fetches a model's bytes as a same-origin file, so it never ships a TOML parser.

#[path = "src/file.rs"]
#[allow(dead_code)]
mod file;
#[path = "src/model.rs"]
#[allow(dead_code)]
mod model;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const CURRENT: &str = "scenario/ru-ua-2025.toml";
const PUBLISHED: &str = "scenario/models";

/// FNV-1a, 64 bits: names each model file by its bytes (and lets the page check what it got).
/// Kept in step with `scoring::models::fnv1a`, which a test compares.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn load(path: &Path) -> model::Scenario {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    match model::Scenario::parse(&text) {
        Ok(scenario) => scenario,
        Err(error) => {
            for problem in &error.problems {
                println!("cargo:warning={}: {problem}", path.display());
            }
            panic!("{}: {error}", path.display());
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed={CURRENT}");
    println!("cargo:rerun-if-changed={PUBLISHED}");
    println!("cargo:rerun-if-changed=src/file.rs");
    println!("cargo:rerun-if-changed=src/model.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let mut paths: Vec<PathBuf> = std::fs::read_dir(PUBLISHED)
        .unwrap_or_else(|error| panic!("cannot read {PUBLISHED}: {error}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .collect();
    paths.sort();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    paths.push(PathBuf::from(CURRENT));

    let mut table = String::from(
        "/// Every published model, oldest first; the last is the current one.\n\
         pub const MODELS: &[ModelFile] = &[\n",
    );
    let mut bytes_table = String::from(
        "/// The bytes of each model in `MODELS`, in the same order.\n\
         #[cfg(feature = \"embedded\")]\nstatic MODEL_BYTES: &[&[u8]] = &[\n",
    );
    let mut previous: Option<String> = None;
    for (index, path) in paths.iter().enumerate() {
        let scenario = load(path);
        let version = scenario.meta.version.clone();
        let is_current = index == paths.len() - 1;
        if !is_current {
            let expected = format!("{}@{version}.toml", scenario.meta.id);
            assert!(
                path.file_name()
                    .is_some_and(|name| name == expected.as_str()),
                "{}: a published model's file is named <id>@<version>.toml ({expected})",
                path.display()
            );
        }
        if let Some(previous) = &previous {
            assert!(
                version > *previous,
                "{}: model version {version} must be later than {previous}",
                path.display()
            );
        }
        let bytes = postcard::to_allocvec(&scenario).expect("the validated scenario serialises");
        let hash = fnv1a(&bytes);
        let name = format!("{}@{version}.{hash:016x}.bin", scenario.meta.id);
        std::fs::write(out.join(&name), &bytes)
            .unwrap_or_else(|error| panic!("cannot write {name}: {error}"));
        writeln!(
            table,
            "    ModelFile {{ id: {:?}, version: {version:?}, file: {name:?}, hash: 0x{hash:016x} }},",
            scenario.meta.id
        )
        .expect("write to string");
        writeln!(
            bytes_table,
            "    include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\")),"
        )
        .expect("write to string");
        previous = Some(version);
    }
    table.push_str("];\n");
    bytes_table.push_str("];\n");
    std::fs::write(out.join("models.rs"), table + &bytes_table)
        .unwrap_or_else(|error| panic!("cannot write models.rs: {error}"));
}
