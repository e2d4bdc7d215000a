//! Integration tests for `cpor`: one binary over the real executable, a module per theme.
//!
//! Every test runs `cpor` in a hermetic [`harness::Env`]: a temporary home, a database path
//! that does not exist yet, a cleared environment and a fixed clock.

mod bulk;
mod calendars;
mod concurrency;
mod config;
mod dry_run;
mod due_report;
mod edit;
mod fuzz_args;
mod harness;
mod history_chain;
mod json_fields;
mod lifecycle;
mod list_order;
mod malformed;
mod output;
mod pins;
mod poe;
mod postgres;
mod postgres_troubleshoot;
mod rules;
#[path = "../support/seed.rs"]
mod seed;
mod snapshots;
mod storage;
mod stress;
mod terminal;
mod terminal_v2;
mod troubleshoot;
mod trust_input;
mod trust_output;
mod trust_troubleshoot;
