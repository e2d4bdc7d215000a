//! cpor — the system of record for Claiming Partner of Record (CPOR) customer associations.
//!
//! Layers (data flows one way): [`cli`] parses and asks [`storage`] for a transaction, asks
//! [`rules`] to decide, tells [`storage`] to apply the decision, and hands the result to
//! [`output`]. [`rules`] is pure; only [`storage`] speaks SQL, behind one backend-neutral
//! interface; [`error`] alone maps errors to exit codes.

pub mod cli;
pub mod config;
pub mod error;
pub mod holiday_file;
pub mod model;
pub mod output;
pub mod poe_file;
pub mod rules;
pub mod storage;

pub use cli::Cli;
