//! The published models: every version of the scenario that a link may name, as a table of
//! files (written by the build script, named by a hash of their bytes) and, with the
//! `embedded` feature (the CLI and the tests), their bytes. The page fetches a model's file
//! from its own origin when it needs it, so its wasm carries no scenario at all.

use crate::model::{Scenario, ScenarioError};

/// One published model: the file the build writes for it, and what its bytes hash to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelFile {
    /// The scenario id (`ru-ua-2025`).
    pub id: &'static str,
    /// The model version a link names (`m=2026.12.01`).
    pub version: &'static str,
    /// The file name, `<id>@<version>.<hash>.bin`, served from `models/` beside the page.
    pub file: &'static str,
    /// FNV-1a of the bytes ([`fnv1a`]).
    pub hash: u64,
}

include!(concat!(env!("OUT_DIR"), "/models.rs"));

/// The version links made before link format 2 were made with.
pub const FIRST_VERSION: &str = "2026.11.26";

/// The current model: the newest published one.
pub fn current() -> &'static ModelFile {
    MODELS
        .last()
        .expect("the build publishes at least the current model")
}

/// The published model with `version`, if there is one.
pub fn find(version: &str) -> Option<&'static ModelFile> {
    MODELS.iter().find(|model| model.version == version)
}

/// FNV-1a, 64 bits (the build script names and checks model files with it).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Scenario {
    /// Reads a model file's bytes. They were validated when the build wrote them; a file that
    /// does not hash to what the build recorded (a stale cache, a damaged download) is refused
    /// with a message instead of being half-read.
    pub fn from_model_file(model: &ModelFile, bytes: &[u8]) -> Result<Scenario, ScenarioError> {
        if fnv1a(bytes) != model.hash {
            return Err(ScenarioError {
                problems: vec![format!(
                    "the file of model {} is not the one this version of the sandbox was built with",
                    model.version
                )],
            });
        }
        let mut scenario: Scenario =
            postcard::from_bytes(bytes).map_err(|error| ScenarioError {
                problems: vec![format!(
                    "the file of model {} is corrupt: {error}",
                    model.version
                )],
            })?;
        scenario.derive_tables();
        Ok(scenario)
    }
}

/// The scenario file of the current model as written, for tools that show or re-check it.
#[cfg(feature = "embedded")]
pub const SCENARIO_TOML: &str = include_str!("../scenario/ru-ua-2025.toml");

#[cfg(feature = "embedded")]
impl Scenario {
    /// The current model, from the bytes built into this binary.
    pub fn builtin() -> Result<Scenario, ScenarioError> {
        Scenario::published(current().version).expect("the current model is published")
    }

    /// A published model by version, from the bytes built into this binary.
    pub fn published(version: &str) -> Option<Result<Scenario, ScenarioError>> {
        let index = MODELS.iter().position(|model| model.version == version)?;
        Some(Scenario::from_model_file(
            &MODELS[index],
            MODEL_BYTES[index],
        ))
    }
}

/// The bytes of a published model, as the page fetches them (the CLI writes them out).
#[cfg(feature = "embedded")]
pub fn model_bytes(model: &ModelFile) -> Option<&'static [u8]> {
    MODELS
        .iter()
        .position(|candidate| candidate == model)
        .map(|index| MODEL_BYTES[index])
}
