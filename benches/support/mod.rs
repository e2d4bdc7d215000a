//! What every benchmark needs: the binary to run, and how to print a time.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// The cpor binary: `$CPOR_BIN` if set, else the one cargo built for this bench, else the
/// release build.
pub fn cpor_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("CPOR_BIN") {
        return PathBuf::from(p);
    }
    if let Some(p) = option_env!("CARGO_BIN_EXE_cpor") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/cpor")
}

/// A duration in milliseconds, one decimal.
#[allow(dead_code)] // scale.rs prints its own units
pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
