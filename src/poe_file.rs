//! Proof-of-execution files (SPEC §6 `claim --poe`): a URL is recorded as given; a local file
//! by absolute path, size and SHA-256, so `troubleshoot` can later tell whether it is still
//! there and unchanged.

use crate::model::Poe;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a PoE is: a URL, or a file that was read when it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoeSource {
    /// The URL as given, or the file's absolute path.
    pub location: String,
    /// Size and SHA-256 of a local file; `None` for a URL.
    pub file: Option<(u64, String)>,
}

/// Why a PoE value cannot be recorded.
#[derive(Debug, thiserror::Error)]
pub enum PoeFileError {
    #[error("the PoE location must not be empty")]
    Empty,
    #[error("PoE file '{value}' cannot be used: {source}")]
    Unusable {
        value: String,
        source: std::io::Error,
    },
    #[error("PoE URL '{value}' cannot be used: {reason}")]
    BadUrl { value: String, reason: String },
    #[error("PoE '{value}' is not a file")]
    NotAFile { value: String },
    #[error("could not read the PoE file {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Resolve a `--poe` value: a URL is kept as given; a file is recorded by absolute path, size
/// and SHA-256.
pub fn resolve(value: &str) -> Result<PoeSource, PoeFileError> {
    let value = value.trim();
    if Poe::is_url(value) {
        check_url(value)?;
        return Ok(PoeSource {
            location: value.to_string(),
            file: None,
        });
    }
    if value.is_empty() {
        return Err(PoeFileError::Empty);
    }
    let absolute = std::fs::canonicalize(value).map_err(|source| PoeFileError::Unusable {
        value: value.to_string(),
        source,
    })?;
    if !absolute.is_file() {
        return Err(PoeFileError::NotAFile {
            value: value.to_string(),
        });
    }
    let file = hash_file(&absolute).map_err(|source| PoeFileError::Unreadable {
        path: absolute.clone(),
        source,
    })?;
    Ok(PoeSource {
        location: absolute.display().to_string(),
        file: Some(file),
    })
}

/// A PoE URL must parse and name a host: `https://` alone points nowhere.
fn check_url(value: &str) -> Result<(), PoeFileError> {
    let bad = |reason: String| PoeFileError::BadUrl {
        value: value.to_string(),
        reason,
    };
    let url = url::Url::parse(value).map_err(|e| bad(e.to_string()))?;
    match url.host_str() {
        Some(h) if !h.is_empty() => Ok(()),
        _ => Err(bad("it names no host".into())),
    }
}

/// Size and SHA-256 (lower-case hex) of a file, read in blocks.
pub fn hash_file(path: &Path) -> std::io::Result<(u64, String)> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((size, hex))
}

/// A PoE typed at a prompt must be a URL or an existing file (checked again when filed).
pub fn check_answer(s: &str) -> Result<String, String> {
    let t = s.trim();
    if Poe::is_url(t) {
        return Ok(t.to_string());
    }
    if t.is_empty() {
        return Err("give a file path or an https:// URL".into());
    }
    if Path::new(t).is_file() {
        Ok(t.to_string())
    } else {
        Err(format!(
            "'{t}' is not a file; give the signed PoE's path or an https:// URL"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_recorded_by_absolute_path_size_and_sha256() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sow.pdf");
        std::fs::write(&path, "abc").unwrap();
        let got = resolve(path.to_str().unwrap()).unwrap();
        assert!(Path::new(&got.location).is_absolute());
        assert_eq!(
            got.file,
            Some((
                3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".into()
            ))
        );
    }

    #[test]
    fn a_url_is_kept_and_a_directory_or_nothing_refused() {
        let url = resolve(" https://contoso.example/sow.pdf ").unwrap();
        assert_eq!(url.location, "https://contoso.example/sow.pdf");
        assert_eq!(url.file, None);
        assert!(matches!(resolve("  "), Err(PoeFileError::Empty)));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            resolve(dir.path().to_str().unwrap()),
            Err(PoeFileError::NotAFile { .. })
        ));
        assert!(matches!(
            resolve(dir.path().join("missing.pdf").to_str().unwrap()),
            Err(PoeFileError::Unusable { .. })
        ));
    }
}
