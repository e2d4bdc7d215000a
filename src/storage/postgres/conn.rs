//! Connecting to PostgreSQL the way libpq users expect (SPEC §9): the password from the URL,
//! `PGPASSWORD` or the password file, and `sslmode` with its five levels, all over rustls.
//!
//! The `postgres` crate reads neither `PGPASSWORD` nor `~/.pgpass`, and its URL parser rejects
//! `sslmode=verify-ca|verify-full` and does not know `sslrootcert`, so those are taken out of
//! the URL here and applied by hand. A password never appears in anything this module words:
//! [`redact`] is the only way a URL is shown.

use anyhow::{Context, anyhow, bail};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The URL with its password (user-info or `password=` parameter) replaced by `***`.
pub fn redact(raw: &str) -> String {
    let Ok(mut url) = url::Url::parse(raw) else {
        // Unparsable: show nothing that could hold the password.
        return match raw.find('@') {
            Some(at) => format!(
                "{}***{}",
                &raw[..raw.find("://").map_or(0, |i| i + 3)],
                &raw[at..]
            ),
            None => raw.to_string(),
        };
    };
    if url.password().is_some() {
        let _ = url.set_password(Some("***"));
    }
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "password" {
                "***".to_string()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    if !pairs.is_empty() {
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    url.to_string()
}

/// `sslmode` as libpq defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl std::str::FromStr for SslMode {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> anyhow::Result<Self> {
        Ok(match s {
            "disable" => SslMode::Disable,
            // libpq's `allow` tries plain first; TLS when offered is no worse.
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => bail!(
                "unknown sslmode '{other}'; expected disable, prefer, require, verify-ca or verify-full"
            ),
        })
    }
}

/// Everything needed to connect, with the password resolved.
#[derive(Clone)]
pub struct Target {
    pub config: postgres::Config,
    pub ssl: SslMode,
    pub root_cert: Option<PathBuf>,
    /// The URL as shown to users (password redacted).
    pub shown: String,
}

impl Target {
    /// Parse `raw` and resolve the user name and the password as libpq would.
    pub fn parse(raw: &str) -> anyhow::Result<Target> {
        let shown = redact(raw);
        let mut url =
            url::Url::parse(raw).with_context(|| format!("malformed database URL {shown}"))?;
        let mut ssl = SslMode::Prefer;
        let mut root_cert = None;
        let mut kept: Vec<(String, String)> = Vec::new();
        for (k, v) in url.query_pairs() {
            match k.as_ref() {
                "sslmode" => ssl = v.parse()?,
                "sslrootcert" => root_cert = Some(PathBuf::from(v.as_ref())),
                _ => kept.push((k.into_owned(), v.into_owned())),
            }
        }
        if let Ok(mode) = std::env::var("PGSSLMODE")
            && !raw.contains("sslmode=")
        {
            ssl = mode.parse()?;
        }
        if root_cert.is_none() {
            root_cert = std::env::var_os("PGSSLROOTCERT").map(PathBuf::from);
        }
        url.set_query(None);
        if !kept.is_empty() {
            url.query_pairs_mut().extend_pairs(kept);
        }
        let mut config: postgres::Config = url
            .as_str()
            .parse()
            .map_err(|e| anyhow!("malformed database URL {shown}: {e}"))?;
        config.ssl_mode(match ssl {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            _ => postgres::config::SslMode::Require,
        });
        if config.get_hosts().is_empty() {
            config.host(std::env::var("PGHOST").as_deref().unwrap_or("localhost"));
        }
        if config.get_user().is_none() {
            let user = std::env::var("PGUSER")
                .ok()
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "postgres".into());
            config.user(&user);
        }
        if config.get_dbname().is_none()
            && let Some(user) = config.get_user()
        {
            let db = std::env::var("PGDATABASE").unwrap_or_else(|_| user.to_string());
            config.dbname(&db);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.application_name("cpor");
        if config.get_password().is_none() {
            if let Some(pw) = std::env::var_os("PGPASSWORD") {
                config.password(pw.to_string_lossy().as_bytes());
            } else if let Some(pw) = pgpass_lookup(&config)? {
                config.password(pw);
            }
        }
        Ok(Target {
            config,
            ssl,
            root_cert,
            shown,
        })
    }

    /// The login role.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or("")
    }

    /// Open a connection; failures say why, never with the password.
    pub fn connect(&self) -> Result<postgres::Client, postgres::Error> {
        match self.ssl {
            SslMode::Disable => self.config.connect(postgres::NoTls),
            mode => self.config.connect(tls(mode, self.root_cert.as_deref())),
        }
    }
}

/// The rustls connector for `mode`: `prefer` and `require` encrypt without checking the
/// server (as libpq does), `verify-ca` checks the chain, `verify-full` the chain and the name.
fn tls(mode: SslMode, root_cert: Option<&Path>) -> tokio_postgres_rustls::MakeRustlsConnect {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .expect("ring supports the default protocol versions");
    let config = match mode {
        SslMode::VerifyCa | SslMode::VerifyFull => {
            let roots = Arc::new(root_store(root_cert));
            let webpki =
                rustls::client::WebPkiServerVerifier::builder_with_provider(roots, provider);
            match webpki.build() {
                Ok(inner) if mode == SslMode::VerifyCa => builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(ChainOnly(inner)))
                    .with_no_client_auth(),
                Ok(inner) => builder.with_webpki_verifier(inner).with_no_client_auth(),
                // No usable root: nothing verifies, so every server is refused.
                Err(_) => builder
                    .with_root_certificates(RootCertStore::empty())
                    .with_no_client_auth(),
            }
        }
        _ => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Unverified(provider)))
            .with_no_client_auth(),
    };
    tokio_postgres_rustls::MakeRustlsConnect::new(config)
}

/// `sslrootcert`, else `~/.postgresql/root.crt` as libpq, else the Mozilla roots.
fn root_store(root_cert: Option<&Path>) -> RootCertStore {
    let default = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".postgresql/root.crt"));
    let path = root_cert
        .map(Path::to_path_buf)
        .or(default.filter(|p| p.exists()));
    let mut store = RootCertStore::empty();
    match path {
        Some(p) if p.as_os_str() != "system" => {
            if let Ok(pem) = std::fs::read(&p) {
                let mut reader = pem.as_slice();
                let certs = rustls_pemfile::certs(&mut reader).filter_map(Result::ok);
                store.add_parsable_certificates(certs);
            }
        }
        _ => store.roots = webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    }
    store
}

/// `verify-ca`: the chain must lead to a trusted root; the host name is not checked.
#[derive(Debug)]
struct ChainOnly(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` / `require`: encrypted, the server not authenticated (libpq's meaning).
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// The password for `config` from `PGPASSFILE` or `~/.pgpass`, as libpq reads it: the first
/// line `host:port:database:username:password` whose fields match (`*` matches anything, `\`
/// escapes `:` and `\`). Like libpq, a file readable by group or others is ignored.
fn pgpass_lookup(config: &postgres::Config) -> anyhow::Result<Option<String>> {
    let path = match std::env::var_os("PGPASSFILE") {
        Some(p) => PathBuf::from(p),
        None => match std::env::var_os("HOME") {
            Some(h) => PathBuf::from(h).join(".pgpass"),
            None => return Ok(None),
        },
    };
    let Ok(meta) = std::fs::metadata(&path) else {
        return Ok(None);
    };
    {
        use std::os::unix::fs::PermissionsExt;
        if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
            return Ok(None);
        }
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read the password file {}", path.display()))?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        // libpq matches a socket directory as `localhost`.
        _ => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or("");
    let user = config.get_user().unwrap_or("");
    Ok(pgpass_find(&text, &host, &port, db, user))
}

/// The password of the first matching line of a password file's `text`.
pub fn pgpass_find(text: &str, host: &str, port: &str, db: &str, user: &str) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = split_pgpass(line);
            let [h, p, d, u, pw] = <[String; 5]>::try_from(fields).ok()?;
            let ok = |pat: &str, v: &str| pat == "*" || pat == v;
            (ok(&h, host) && ok(&p, port) && ok(&d, db) && ok(&u, user)).then_some(pw)
        })
}

/// Split a password-file line on unescaped `:`; `\:` and `\\` stand for `:` and `\`. The
/// password is the rest of the line (it may contain `:` only escaped, as in libpq).
fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    fields.last_mut().expect("one field").push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::is_postgres_url as is_url;

    #[test]
    fn urls_are_recognised_and_redacted() {
        assert!(is_url("postgres://a@h/db"));
        assert!(is_url("PostgreSQL://a@h/db"));
        assert!(!is_url("./postgres.db"));
        assert_eq!(
            redact("postgres://ann:s3cret@h:5432/db"),
            "postgres://ann:***@h:5432/db"
        );
        assert_eq!(
            redact("postgres://ann@h/db?password=s3cret&sslmode=require"),
            "postgres://ann@h/db?password=***&sslmode=require"
        );
        assert!(!redact("postgres://ann:s3cret@[bad/db").contains("s3cret"));
    }

    #[test]
    fn pgpass_matches_fields_with_wildcards_and_escapes() {
        let text = "# comment\nother:5432:*:ann:nope\nh:*:db:ann:p\\:w\\\\d\n*:*:*:*:fallback\n";
        assert_eq!(
            pgpass_find(text, "h", "5433", "db", "ann").as_deref(),
            Some("p:w\\d")
        );
        assert_eq!(
            pgpass_find(text, "x", "1", "y", "bob").as_deref(),
            Some("fallback")
        );
        assert_eq!(pgpass_find("h:1:d:u", "h", "1", "d", "u"), None);
    }

    #[test]
    fn sslmode_and_rootcert_are_taken_out_of_the_url() {
        let t = Target::parse(
            "postgres://ann:pw@db.example:6543/cpor?sslmode=verify-full&sslrootcert=/ca.pem",
        )
        .unwrap();
        assert_eq!(t.ssl, SslMode::VerifyFull);
        assert_eq!(t.root_cert.as_deref(), Some(Path::new("/ca.pem")));
        assert_eq!(t.user(), "ann");
        assert_eq!(t.config.get_password(), Some(&b"pw"[..]));
        assert_eq!(t.config.get_ports(), &[6543]);
        assert!(!t.shown.contains("pw@"));
        assert!(Target::parse("postgres://a@h/d?sslmode=bogus").is_err());
    }
}
