//! cpor — the system of record for Claiming Partner of Record (CPOR) customer associations.
//!
//! Layers (data flows one way): [`cli`] parses and asks [`repository`] for a transaction, asks
//! [`rules`] to decide, tells [`repository`] to write, and hands the result to [`output`].
//! [`rules`] is pure; only [`repository`] speaks SQL; [`error`] alone maps errors to exit codes.

pub mod cli;
pub mod config;
pub mod error;
pub mod holiday_file;
pub mod model;
pub mod output;
pub mod repository;
pub mod rules;

pub use cli::Cli;
