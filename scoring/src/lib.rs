//! Pure scoring core of Peace Plan Sandbox: the scenario model, package scores and share links.
//!
//! It knows nothing about the browser or the terminal: no web crates, no I/O, no clock and no
//! randomness of its own. The page, the command-line tool and the tests all call it, so the
//! numbers are the same everywhere. User input (links, scenario text) never makes it panic.
//!
//! Units: every value, concession and gain is in *points* on a 0–100 scale, where 100 is a
//! party's ideal package; see [`score::Scores`] for the formulas.

pub mod analysis;
pub mod compare;
pub mod edits;
pub mod evidence;
pub mod export;
mod file;
pub mod model;
pub mod models;
pub mod provenance;
pub mod score;
pub mod share;

pub use edits::{Edits, Flip, PartyFlips};
pub use model::{
    Assumptions, Document, DocumentKind, Issue, IssueOption, Meta, Nature, Party, Position,
    RedLine, Role, Scale, Scenario, ScenarioError, Source, SourceClass, Stance, Theme,
};
pub use score::{Balance, Choice, ChoiceError, Package, PartyScore, Scores, Spread};
pub use share::{
    Decoded, LinkModel, Problem, decode, encode, encode_from, encode_with, link_model,
};
