//! The page's components, one per file.

pub mod analysis;
pub mod assumptions;
pub mod balance;
pub mod details;
pub mod disclosure;
pub mod footer;
pub mod header;
pub mod notice;
pub mod provisions;
pub mod sources;
