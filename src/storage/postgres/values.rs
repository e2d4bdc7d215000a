//! Stored text back into the domain's values (the same encodings as the SQLite backend).

use anyhow::anyhow;
use std::str::FromStr;

/// A stored enum key (status, program, action…), checked.
pub(super) fn en<T: FromStr<Err = String>>(s: impl AsRef<str>) -> anyhow::Result<T> {
    s.as_ref()
        .parse()
        .map_err(|e: String| anyhow!("malformed stored value: {e}"))
}

pub(super) use crate::storage::stored::{date, instant, poe_from_json, poe_json, poe_versions};
