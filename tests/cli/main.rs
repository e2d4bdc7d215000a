//! Integration tests for `cpor`: one binary over the real executable, a module per theme.
//!
//! Every test runs `cpor` in a hermetic [`harness::Env`]: a temporary home, a database path
//! that does not exist yet, a cleared environment and a fixed clock.

mod calendars;
mod concurrency;
mod config;
mod dry_run;
mod harness;
mod json_fields;
mod lifecycle;
mod list_order;
mod malformed;
mod output;
mod rules;
#[path = "../support/seed.rs"]
mod seed;
mod storage;
mod terminal;
mod troubleshoot;
