//! The built-in scenario. The build script validates `scenario/ru-ua-2025.toml` with
//! `Scenario::parse` and embeds the result as postcard bytes, so binaries start from a scenario
//! that has already passed every check, and the browser carries no TOML parser.

use crate::model::{Scenario, ScenarioError};

/// The scenario file as written, for tools that show or re-check the source text.
pub const SCENARIO_TOML: &str = include_str!("../scenario/ru-ua-2025.toml");

static VALIDATED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/scenario.postcard"));

impl Scenario {
    /// The embedded, already validated scenario. Decoding bytes written by this very build
    /// cannot fail unless the binary is corrupt; the error says so rather than panicking.
    pub fn builtin() -> Result<Scenario, ScenarioError> {
        let mut scenario: Scenario =
            postcard::from_bytes(VALIDATED).map_err(|error| ScenarioError {
                problems: vec![format!("the embedded scenario is corrupt: {error}")],
            })?;
        scenario.derive_tables();
        Ok(scenario)
    }
}
