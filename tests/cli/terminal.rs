//! The terminal experience, on a real pseudo-terminal: interactive `claim` (prompts, selection
//! lists, validation, the enrolment offer, the summary and its confirmation), Ctrl-C, declined
//! confirmations, `--no-input`, `withdraw`'s question, colour and table width.
//!
//! `cpor` runs as a session leader with the pty slave as its controlling terminal and (unless a
//! test redirects one) as its stdin, stdout and stderr, exactly as under a terminal emulator. A background thread copies
//! everything it writes into a buffer; [`Pty::expect`] waits (with a timeout, never forever)
//! until the ANSI-stripped output contains a text, and [`Pty::send`] types keys. Unix only.
#![cfg(unix)]

use crate::harness::{DOMAIN_A, Env, POE_SHA256, SUB_1, TENANT_A, TENANT_B, assert_same_snapshot};
use nix::fcntl::OFlag;
use nix::libc;
use nix::pty::{grantpt, posix_openpt, ptsname_r, unlockpt};
use serde_json::Value as Json;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long any one wait on the terminal may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(10);

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
pub(crate) const CTRL_C: &str = "\x03";

/// Options for one `cpor` process on a pty.
pub(crate) struct Spawn<'a> {
    env: &'a Env,
    args: Vec<String>,
    cols: u16,
    /// Variables set on top of the harness environment.
    vars: Vec<(String, String)>,
    /// stdin from /dev/null instead of the terminal.
    stdin_null: bool,
    /// stdout into a pipe instead of the terminal (read with [`Pty::stdout`]).
    stdout_piped: bool,
}

impl<'a> Spawn<'a> {
    pub(crate) fn new(env: &'a Env, args: &[&str]) -> Spawn<'a> {
        Spawn {
            env,
            args: args.iter().map(|s| s.to_string()).collect(),
            cols: 120,
            vars: Vec::new(),
            stdin_null: false,
            stdout_piped: false,
        }
    }

    pub(crate) fn cols(mut self, cols: u16) -> Self {
        self.cols = cols;
        self
    }

    pub(crate) fn var(mut self, key: &str, value: &str) -> Self {
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    pub(crate) fn stdin_null(mut self) -> Self {
        self.stdin_null = true;
        self
    }

    pub(crate) fn stdout_piped(mut self) -> Self {
        self.stdout_piped = true;
        self
    }

    pub(crate) fn start(self) -> Pty {
        Pty::start(self)
    }
}

/// A running `cpor` on a pseudo-terminal.
pub(crate) struct Pty {
    master: std::fs::File,
    child: Child,
    status: Option<ExitStatus>,
    /// The pipe of a [`Spawn::stdout_piped`] process.
    stdout: Option<std::process::ChildStdout>,
    raw: Arc<Mutex<Vec<u8>>>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    /// How far [`Pty::expect`] has read in the stripped output.
    pos: usize,
    what: String,
}

fn os_error(what: &str) -> std::io::Error {
    let e = std::io::Error::last_os_error();
    std::io::Error::new(e.kind(), format!("{what}: {e}"))
}

impl Pty {
    fn start(spec: Spawn) -> Pty {
        // The master and slave are close-on-exec from the start, so processes that other
        // tests spawn concurrently never inherit them.
        let master = posix_openpt(OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC)
            .expect("open a pty master");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let slave_name = ptsname_r(&master).expect("ptsname");
        // SAFETY: the fd comes from a PtyMaster we own and hand over to the File.
        let master = unsafe { std::fs::File::from_raw_fd(master.into_raw_fd()) };
        let size = libc::winsize {
            ws_row: 40,
            ws_col: spec.cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: a valid fd and a pointer to a live winsize.
        let rc = unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        assert_eq!(rc, 0, "{}", os_error("set the window size"));
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(&slave_name)
            .expect("open the pty slave");

        let mut vars: Vec<(String, OsString)> = spec
            .env
            .vars()
            .into_iter()
            .filter(|(k, _)| *k != "NO_COLOR")
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        vars.push(("TERM".into(), "xterm-256color".into()));
        for (k, v) in &spec.vars {
            vars.retain(|(key, _)| key != k);
            vars.push((k.clone(), v.into()));
        }
        let on_tty = || Stdio::from(slave.try_clone().expect("dup the slave"));

        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("cpor"));
        cmd.env_clear()
            .envs(vars)
            .args(&spec.args)
            .current_dir(spec.env.path(""))
            .stdin(if spec.stdin_null {
                Stdio::null()
            } else {
                on_tty()
            })
            .stdout(if spec.stdout_piped {
                Stdio::piped()
            } else {
                on_tty()
            })
            .stderr(on_tty());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(os_error("setsid"));
                }
                // stderr is always the terminal (stdin may be /dev/null).
                if libc::ioctl(2, libc::TIOCSCTTY, 0) < 0 {
                    return Err(os_error("TIOCSCTTY"));
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().expect("spawn cpor on the pty");
        // `cmd` (and with it the parent's copies of the slave) is dropped here, so the master
        // reports EIO once the child has exited.
        drop(cmd);
        drop(slave);
        let stdout = child.stdout.take();

        // SAFETY: fcntl on an fd we own.
        unsafe {
            let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
            libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let reader = {
            let mut master = master.try_clone().expect("dup the master");
            let raw = Arc::clone(&raw);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                loop {
                    match master.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => raw.lock().unwrap().extend_from_slice(&buf[..n]),
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                            // The child has exited and everything it wrote has been read.
                            if stop.load(Ordering::SeqCst) {
                                break;
                            }
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        // EIO: every slave descriptor is closed.
                        Err(_) => break,
                    }
                }
            })
        };
        Pty {
            master,
            child,
            status: None,
            stdout,
            raw,
            stop,
            reader: Some(reader),
            pos: 0,
            what: format!("cpor {}", spec.args.join(" ")),
        }
    }

    /// Everything written so far, escape sequences included.
    pub(crate) fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Everything written so far, without escape sequences and carriage returns.
    pub(crate) fn text(&self) -> String {
        strip_ansi(&self.raw())
    }

    /// Wait until the output after the previous match contains `needle`; fail after
    /// [`TIMEOUT`].
    #[track_caller]
    pub(crate) fn expect(&mut self, needle: &str) {
        let start = Instant::now();
        loop {
            let text = self.text();
            if let Some(i) = text.get(self.pos..).and_then(|rest| rest.find(needle)) {
                self.pos += i + needle.len();
                return;
            }
            if start.elapsed() > TIMEOUT || self.exited() {
                // One last look: the process may have written it just before exiting. Once it
                // has exited, wait for the reader to reach the end of what it wrote rather than
                // for a fixed time, which a loaded machine may not honour.
                if self.exited() {
                    self.drain();
                } else {
                    std::thread::sleep(Duration::from_millis(50));
                }
                let text = self.text();
                if let Some(i) = text.get(self.pos..).and_then(|rest| rest.find(needle)) {
                    self.pos += i + needle.len();
                    return;
                }
                let why = if self.exited() {
                    format!("but cpor exited ({:?})", self.status)
                } else {
                    format!("for {TIMEOUT:?}")
                };
                panic!(
                    "{}: waited for {needle:?} {why}; the terminal shows (after position {}):\n{}\n--- everything:\n{text}",
                    self.what,
                    self.pos,
                    text.get(self.pos..).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Type `keys`.
    pub(crate) fn send(&mut self, keys: &str) {
        self.master
            .write_all(keys.as_bytes())
            .and_then(|_| self.master.flush())
            .unwrap_or_else(|e| panic!("{}: type {keys:?}: {e}", self.what));
    }

    /// Wait for `prompt`, then type `answer` and Enter.
    #[track_caller]
    fn answer(&mut self, prompt: &str, answer: &str) {
        self.expect(prompt);
        self.send(answer);
        self.send(ENTER);
    }

    fn exited(&mut self) -> bool {
        if self.status.is_none() {
            self.status = self.child.try_wait().expect("poll the child");
        }
        self.status.is_some()
    }

    /// Wait for the process to exit (failing after [`TIMEOUT`]) and for its output to be read.
    #[track_caller]
    pub(crate) fn finish(&mut self) -> ExitStatus {
        let start = Instant::now();
        while !self.exited() {
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!(
                    "{}: still running after {TIMEOUT:?}; the terminal shows:\n{}",
                    self.what,
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.drain();
        self.status.expect("exited")
    }

    /// After the process has exited: wait until the reader has read everything it wrote (the
    /// master reports EIO once the output is drained and no slave descriptor is open).
    fn drain(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            r.join().expect("the pty reader");
        }
    }

    /// What a [`Spawn::stdout_piped`] process wrote to stdout (after [`Pty::finish`]).
    pub(crate) fn stdout(&mut self) -> String {
        let mut out = String::new();
        self.stdout
            .take()
            .expect("stdout is piped and not read yet")
            .read_to_string(&mut out)
            .expect("read stdout");
        out
    }

    /// Wait for exit and require `code` (a normal exit, not a signal).
    #[track_caller]
    pub(crate) fn exit_code(&mut self, code: i32) {
        let status = self.finish();
        assert_eq!(
            (status.code(), status.signal()),
            (Some(code), None),
            "{}: expected exit {code}, got {status:?}; the terminal shows:\n{}",
            self.what,
            self.text()
        );
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if !self.exited() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.stop.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
    }
}

/// Remove CSI, OSC and two-byte escape sequences and carriage returns.
pub(crate) fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&c) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\x07' {
                            break;
                        }
                        if c == '\x1b' && chars.peek() == Some(&'\\') {
                            chars.next();
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn parse(out: &[u8], what: &str) -> Json {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("{what}: not JSON ({e}):\n{}", String::from_utf8_lossy(out)))
}

/// `cpor partner list --json`, parsed (no pty).
fn partners(env: &Env) -> Json {
    let out = env
        .cmd()
        .args(["partner", "list", "--json"])
        .assert()
        .success();
    parse(&out.get_output().stdout, "partner list --json")
}

/// The real path of the default PoE file, as cpor records it.
fn poe_real(env: &Env) -> String {
    std::fs::canonicalize(env.poe_path())
        .expect("canonical PoE path")
        .display()
        .to_string()
}

/// The prompts of an interactive osu-m365 claim, in order.
const M365_PROMPTS: &[&str] = &[
    "PartnerID (formerly MPN ID)",
    "Customer tenant ID",
    "Customer domain",
    "Program",
    "Workloads",
    "Customer contact name",
    "Customer contact title",
    "Customer contact e-mail",
    "Your contact name",
    "Your contact e-mail",
    "Proof of execution",
    "Date the customer signed the PoE",
];

// ---------------------------------------------------------------------------------------------
// 1. A complete interactive claim.

/// `cpor claim` with no flags and no database: every value is asked for in order, an invalid
/// tenant is refused at the prompt and asked again, two workloads are picked in the multi-select
/// list, the unknown PartnerID is offered enrolment, the summary is shown and confirmed — and
/// exactly what was typed is filed.
#[test]
fn interactive_claim_asks_for_everything_and_files_it() {
    let env = Env::new();
    let poe = env.poe_path().display().to_string();
    let mut t = Spawn::new(&env, &["claim"]).start();

    t.answer("PartnerID (formerly MPN ID)", "1234567");
    // A malformed tenant ID is refused by the prompt itself and asked again.
    t.answer("Customer tenant ID", "not-a-guid");
    t.expect("is not a GUID");
    t.answer("Customer tenant ID", TENANT_A);
    t.answer("Customer domain", DOMAIN_A);

    // Program: a selection list; osa-sell first, osu-m365 second.
    t.expect("Program");
    t.expect("osu-bizapps");
    t.send(DOWN);
    t.send(ENTER);

    // Workloads: a multi-select list; space toggles, arrows move, Enter accepts. Accepting
    // nothing is not an answer: the list comes back.
    t.expect("Workloads");
    t.expect("windows-enterprise");
    t.send(ENTER);
    t.expect("pick at least one");
    t.expect("windows-enterprise");
    t.send(" "); // exchange (first)
    t.send(DOWN);
    t.send(DOWN);
    t.send(DOWN);
    t.send(" "); // teams (fourth)
    t.send(ENTER);
    t.expect("exchange — Exchange Online, teams — Microsoft Teams");

    t.answer("Customer contact name", "Ann Lee");
    t.answer("Customer contact title", "CIO");
    // A malformed e-mail is refused at the prompt too.
    t.answer("Customer contact e-mail", "ann-at-contoso");
    t.expect("is not an e-mail address");
    t.expect("Customer contact e-mail");
    t.send("ann@contoso.com");
    t.send(ENTER);
    t.answer("Your contact name", "Pat Kim");
    t.answer("Your contact e-mail", "pat@fabrikam.com");
    t.answer("Proof of execution", &poe);
    t.answer("Date the customer signed the PoE", "2025-05-20");

    // The unknown PartnerID: enrol it, with a name.
    t.expect("PartnerID 1234567 is not known to cpor");
    t.expect("osu-m365?");
    t.send("y");
    t.answer("Name of the partner location", "Fabrikam Ltd");

    // The summary, then the confirmation.
    t.expect("PartnerID");
    t.expect("1234567");
    t.expect("exchange, teams");
    t.expect(TENANT_A);
    t.expect("Ann Lee, CIO <ann@contoso.com>");
    t.expect("Pat Kim <pat@fabrikam.com>");
    t.expect("File 2 claims?");
    t.send("y");
    t.expect("filed claim 1");
    t.exit_code(0);

    let claims = env.list_all();
    assert_eq!(claims.len(), 2, "{claims:#?}");
    let mut workloads: Vec<&str> = claims
        .iter()
        .map(|c| c["workload"].as_str().unwrap())
        .collect();
    workloads.sort();
    assert_eq!(workloads, ["exchange", "teams"]);
    for c in &claims {
        assert_eq!(c["program"], "osu-m365");
        assert_eq!(c["status"], "pending");
        assert_eq!(c["partner_id"], "1234567");
        assert_eq!(c["tenant_id"], TENANT_A);
        assert_eq!(c["domain"], DOMAIN_A);
        assert_eq!(
            c["customer"],
            serde_json::json!({"name": "Ann Lee", "title": "CIO", "email": "ann@contoso.com"})
        );
        assert_eq!(
            c["partner_contact"],
            serde_json::json!({"name": "Pat Kim", "email": "pat@fabrikam.com"})
        );
        assert_eq!(c["poe"]["location"], poe_real(&env).as_str());
        assert_eq!(c["poe"]["sha256"], POE_SHA256);
        assert_eq!(c["poe"]["signed_on"], "2025-05-20");
        assert_eq!(c["filed_by"], "tester");
    }
    let p = partners(&env);
    assert_eq!(
        p,
        serde_json::json!([{"partner_id": "1234567", "name": "Fabrikam Ltd", "programs": ["osu-m365"]}]),
        "the PartnerID was enrolled with the claim"
    );
}

/// A BizApps program offers the products as a single-choice list and asks for the
/// subscription, the channel (CSP is not offered) and the technical contact.
#[test]
fn interactive_bizapps_claim_uses_single_choice_lists() {
    let env = Env::new();
    env.partner("1000", &["osu-bizapps"]);
    let claim = env
        .m365()
        .set("--program", "osu-bizapps")
        .remove("--workload");
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(claim.args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();

    t.expect("Dynamics 365 product");
    t.expect("d365-team-members");
    t.send(DOWN); // d365-customer-service
    t.send(ENTER);
    t.answer("Dynamics 365 subscription ID", SUB_1);
    t.expect("Purchase channel");
    t.expect("web-direct");
    t.send(DOWN);
    t.send(ENTER);
    t.answer("Technical contact name", "Tom Tech");
    t.answer("Technical contact title", "IT Manager");
    t.answer("Technical contact e-mail", "tom@contoso.com");
    t.expect("File 1 claim?");
    t.send("y");
    t.exit_code(0);
    let text = t.text();
    assert!(
        !text.contains("csp"),
        "CSP is excluded from CPOR and must not be offered:\n{text}"
    );

    let claims = env.list_all();
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0]["workload"], "d365-customer-service");
    assert_eq!(claims[0]["channel"], "web-direct");
    assert_eq!(claims[0]["subscription_id"], SUB_1);
    assert_eq!(claims[0]["technical"]["email"], "tom@contoso.com");
}

// ---------------------------------------------------------------------------------------------
// 2. Flags give some values: only the missing ones are asked.

#[test]
fn interactive_claim_asks_only_for_missing_values() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let claim = env.m365().remove("--customer-title");
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(claim.args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();

    t.answer("Customer contact title", "Head of IT");
    t.expect("Ann Lee, Head of IT <ann@contoso.com>");
    t.expect("File 1 claim?");
    t.send("y");
    t.exit_code(0);

    let text = t.text();
    for prompt in M365_PROMPTS
        .iter()
        .filter(|p| **p != "Customer contact title")
    {
        assert!(
            !text.contains(prompt),
            "only the customer title was missing, but cpor asked for {prompt:?}:\n{text}"
        );
    }
    assert!(
        !text.contains("not enrolled") && !text.contains("not known"),
        "the enrolled partner was offered enrolment:\n{text}"
    );
    let claims = env.list_all();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["customer"]["title"], "Head of IT");
    assert_eq!(claims[0]["workload"], "teams");
}

/// The config's `[defaults]` are not asked for: only the customer side is.
#[test]
fn interactive_claim_does_not_ask_for_config_defaults() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let config = env.path("config/cpor/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        "[defaults]\npartner_id = \"1000\"\npartner_contact = \"Cfg Contact\"\npartner_email = \"cfg@partner.example.com\"\n",
    )
    .unwrap();
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(
            env.m365()
                .remove("--partner-id")
                .remove("--partner-contact")
                .remove("--partner-email")
                .remove("--customer-name")
                .args(),
        )
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    t.answer("Customer contact name", "Ann Lee");
    t.expect("Cfg Contact <cfg@partner.example.com>");
    t.expect("File 1 claim?");
    t.send("y");
    t.exit_code(0);
    let text = t.text();
    for prompt in [
        "PartnerID (formerly MPN ID)",
        "Your contact name",
        "Your contact e-mail",
    ] {
        assert!(
            !text.contains(prompt),
            "the config gives it, but cpor asked for {prompt:?}:\n{text}"
        );
    }
    let c = &env.list_all()[0];
    assert_eq!(c["partner_id"], "1000");
    assert_eq!(c["partner_contact"]["email"], "cfg@partner.example.com");
}

/// With every value given on a terminal there is nothing to ask and nothing to confirm.
#[test]
fn complete_flags_on_a_terminal_ask_nothing() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(env.m365().args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    t.exit_code(0);
    let text = t.text();
    assert!(
        !text.contains("claim?"),
        "a complete claim asked something:\n{text}"
    );
    assert_eq!(env.list_all().len(), 1);
}

/// Prompts and the summary go to stderr: with stdout redirected (`cpor claim --json > f`) the
/// user is still asked on the terminal, and stdout holds only the JSON of the filed claim.
#[test]
fn prompts_go_to_stderr_when_stdout_is_redirected() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let args: Vec<String> = ["claim", "--json"]
        .into_iter()
        .map(String::from)
        .chain(env.m365().remove("--customer-title").args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).stdout_piped().start();
    t.answer("Customer contact title", "CIO");
    t.expect("File 1 claim?");
    t.send("y");
    t.exit_code(0);
    let stdout = t.stdout();
    let claims = parse(stdout.as_bytes(), "claim --json on stdout");
    assert_eq!(claims.as_array().map(Vec::len), Some(1), "{stdout}");
    assert_eq!(claims[0]["customer"]["title"], "CIO");
    let text = t.text();
    assert!(
        !text.contains("\"partner_id\""),
        "the JSON went to the terminal, not stdout:\n{text}"
    );
}

/// Without a terminal on stdin there is no one to type answers: no prompt, exit 2 naming the
/// missing flags, even though stderr is a terminal.
#[test]
fn no_prompt_when_stdin_is_not_a_terminal() {
    let env = Env::new();
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(env.m365().remove("--domain").args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).stdin_null().start();
    assert_no_prompt_names_missing(&mut t, &["--domain"]);
    assert!(!env.db.exists(), "a usage error created the database");
}

// ---------------------------------------------------------------------------------------------
// 3. Ctrl-C at a prompt.

#[test]
fn ctrl_c_at_a_prompt_exits_130_and_creates_no_database() {
    let env = Env::new();
    let mut t = Spawn::new(&env, &["claim", "--program", "osu-m365"]).start();
    t.answer("PartnerID (formerly MPN ID)", "1234567");
    t.expect("Customer tenant ID");
    t.send("0f8fad5b");
    t.send(CTRL_C);
    t.exit_code(130);
    t.expect("interrupted");
    assert!(
        !env.db.exists() && !env.db.parent().unwrap().exists(),
        "Ctrl-C at a prompt created {}",
        env.db.display()
    );
}

#[test]
fn ctrl_c_at_a_prompt_leaves_an_existing_database_unchanged() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let before = env.snapshot();
    let mut t = Spawn::new(&env, &["claim"]).start();
    // The known PartnerID is offered as the default.
    t.expect("PartnerID (formerly MPN ID)");
    t.expect("1000");
    t.send(ENTER);
    t.expect("Customer tenant ID");
    t.send(CTRL_C);
    t.exit_code(130);
    assert_same_snapshot(&before, &env.snapshot(), "Ctrl-C at the tenant prompt");
}

/// Ctrl-C at the final confirmation, after the enrolment offer was accepted: neither the
/// enrolment nor the claim is written.
#[test]
fn ctrl_c_at_the_confirmation_writes_nothing() {
    let env = Env::new();
    env.partner("1000", &["osa-sell"]);
    let before = env.snapshot();
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(env.m365().remove("--domain").args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    t.answer("Customer domain", DOMAIN_A);
    t.expect("is not enrolled in osu-m365");
    t.send("y");
    t.expect("File 1 claim?");
    t.send(CTRL_C);
    t.exit_code(130);
    assert_same_snapshot(&before, &env.snapshot(), "Ctrl-C at the confirmation");
}

// ---------------------------------------------------------------------------------------------
// 4. Declining the final confirmation.

#[test]
fn declining_the_confirmation_files_nothing() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    let before = env.snapshot();
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(env.m365().remove("--customer-name").args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    t.answer("Customer contact name", "Ann Lee");
    t.expect("File 1 claim?");
    t.send("n");
    t.exit_code(130);
    let text = t.text();
    assert!(
        text.contains("cancelled") || text.contains("not filed"),
        "declining should say the claim was not filed:\n{text}"
    );
    assert_same_snapshot(&before, &env.snapshot(), "declined claim");
}

/// Declining with no database yet (after accepting the enrolment offer): no database file is
/// left behind, just as with Ctrl-C.
#[test]
fn declining_the_confirmation_creates_no_database() {
    let env = Env::new();
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(env.m365().remove("--customer-email").args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    t.answer("Customer contact e-mail", "ann@contoso.com");
    t.expect("PartnerID 1000 is not known to cpor");
    t.send("y");
    t.answer("Name of the partner location", "Fabrikam");
    t.expect("File 1 claim?");
    t.send("n");
    t.exit_code(130);
    assert!(
        !env.db.exists(),
        "a declined claim left a new database behind at {}",
        env.db.display()
    );
}

/// Declining the enrolment offer still asks to confirm, and filing is then refused with
/// `partner-not-enrolled` (exit 3), writing nothing.
#[test]
fn declining_the_enrolment_offer_is_refused_as_not_enrolled() {
    let env = Env::new();
    env.partner("1000", &["osa-sell"]);
    let before = env.snapshot();
    let args: Vec<String> = std::iter::once("claim".to_string())
        .chain(env.m365().remove("--customer-title").args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    t.answer("Customer contact title", "CIO");
    t.expect("PartnerID 1000 (Partner 1000) is not enrolled in osu-m365");
    t.send("n");
    t.expect("File 1 claim?");
    t.send("y");
    t.exit_code(3);
    t.expect("PartnerID 1000 is not enrolled in osu-m365");
    t.expect("cpor partner add 1000 --program osu-m365");
    assert_same_snapshot(&before, &env.snapshot(), "refused claim");
}

// ---------------------------------------------------------------------------------------------
// 5. --no-input and CPOR_NO_INPUT on a terminal.

const ALL_REQUIRED: &[&str] = &[
    "--partner-id",
    "--tenant",
    "--domain",
    "--program",
    "--workload",
    "--customer-name",
    "--customer-title",
    "--customer-email",
    "--partner-contact",
    "--partner-email",
    "--poe",
    "--poe-signed",
];

#[track_caller]
fn assert_no_prompt_names_missing(t: &mut Pty, missing: &[&str]) {
    t.exit_code(2);
    let text = t.text();
    for prompt in M365_PROMPTS {
        assert!(
            !text.contains(prompt),
            "--no-input asked for {prompt:?}:\n{text}"
        );
    }
    for flag in missing {
        assert!(
            text.contains(flag),
            "the error does not name {flag}:\n{text}"
        );
    }
}

#[test]
fn no_input_flag_on_a_terminal_names_every_missing_flag() {
    let env = Env::new();
    let mut t = Spawn::new(&env, &["claim", "--no-input"]).start();
    assert_no_prompt_names_missing(&mut t, ALL_REQUIRED);
    assert!(!env.db.exists(), "a usage error created the database");
}

#[test]
fn no_input_env_on_a_terminal_names_every_missing_flag() {
    let env = Env::new();
    let mut t = Spawn::new(&env, &["claim"])
        .var("CPOR_NO_INPUT", "1")
        .start();
    assert_no_prompt_names_missing(&mut t, ALL_REQUIRED);
    assert!(!env.db.exists(), "a usage error created the database");
}

/// Only the flags that are actually missing are named.
#[test]
fn no_input_names_only_the_missing_flags() {
    let env = Env::new();
    let args: Vec<String> = ["claim", "--no-input"]
        .into_iter()
        .map(String::from)
        .chain(env.m365().remove("--tenant").remove("--poe-signed").args())
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t = Spawn::new(&env, &args).start();
    assert_no_prompt_names_missing(&mut t, &["--tenant", "--poe-signed"]);
    let text = t.text();
    let line = text
        .lines()
        .find(|l| l.contains("missing"))
        .unwrap_or_else(|| panic!("no 'missing' line:\n{text}"));
    for flag in ALL_REQUIRED
        .iter()
        .filter(|f| !["--tenant", "--poe-signed"].contains(f))
    {
        assert!(
            !line.split([',', ' ']).any(|w| w == *flag),
            "{flag} was given but is named as missing: {line}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 6. withdraw asks on a terminal.

#[test]
fn withdraw_on_a_terminal_asks_and_respects_the_answer() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    env.file(&env.m365().set("--workload", "exchange"));
    let before = env.snapshot();

    // No: nothing changes.
    let mut t = Spawn::new(&env, &["withdraw", "1", "--reason", "x"]).start();
    t.expect("Withdraw claim 1");
    t.send("n");
    t.exit_code(130);
    assert_same_snapshot(&before, &env.snapshot(), "declined withdrawal");
    assert_eq!(env.show(1)["status"], "pending");

    // Yes: withdrawn.
    let mut t = Spawn::new(&env, &["withdraw", "1", "--reason", "x"]).start();
    t.expect("Withdraw claim 1");
    t.send("y");
    t.exit_code(0);
    let c = env.show(1);
    assert_eq!(c["status"], "withdrawn");
    assert_eq!(c["end_reason"], "x");

    // --yes: no question at all.
    let mut t = Spawn::new(&env, &["withdraw", "2", "--reason", "x", "--yes"]).start();
    t.exit_code(0);
    let text = t.text();
    assert!(
        !text.contains("Withdraw claim"),
        "--yes still asked:\n{text}"
    );
    assert_eq!(env.show(2)["status"], "withdrawn");
}

#[test]
fn withdraw_with_no_input_on_a_terminal_does_not_ask() {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    // SPEC v2 §6: a confirmation that cannot be asked is refused unless --yes.
    let mut t = Spawn::new(&env, &["withdraw", "1", "--reason", "x", "--no-input"]).start();
    t.exit_code(2);
    let text = t.text();
    assert!(
        !text.contains("Withdraw claim"),
        "--no-input still asked:\n{text}"
    );
    assert!(text.contains("--yes"), "{text}");
    assert_eq!(env.show(1)["status"], "pending");
    let mut t = Spawn::new(
        &env,
        &["withdraw", "1", "--reason", "x", "--no-input", "--yes"],
    )
    .start();
    t.exit_code(0);
    assert_eq!(env.show(1)["status"], "withdrawn");
}

// ---------------------------------------------------------------------------------------------
// 7. Colour and width on a terminal.

/// An environment with one pending claim (and, for width, a second one on another tenant).
pub(crate) fn env_with_claims() -> Env {
    let env = Env::new();
    env.partner("1000", &["osu-m365"]);
    env.file(&env.m365());
    env.file(
        &env.m365()
            .set("--tenant", TENANT_B)
            .set("--domain", "a-rather-long-subdomain.fabrikam.com")
            .set("--workload", "defender-endpoint"),
    );
    env
}

#[test]
fn list_on_a_terminal_colours_the_status_by_default() {
    let env = env_with_claims();
    let mut t = Spawn::new(&env, &["list"]).start();
    t.exit_code(0);
    let raw = t.raw();
    assert!(
        raw.contains("pending"),
        "no claims listed:\n{}",
        strip_ansi(&raw)
    );
    // The status word itself is wrapped in a colour sequence.
    let colored = raw.match_indices("pending").any(|(i, _)| {
        // `ESC [ ... m` (then the cell's padding) right before the word.
        raw[..i].rfind('\x1b').is_some_and(|e| {
            let seq = &raw[e..i];
            seq.starts_with("\x1b[") && seq.trim_end_matches(' ').ends_with('m') && seq.len() < 24
        })
    });
    assert!(
        colored,
        "the status column is not coloured on a terminal:\n{raw:?}"
    );
}

#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    let env = env_with_claims();
    let mut t = Spawn::new(&env, &["list"]).var("NO_COLOR", "1").start();
    t.exit_code(0);
    let raw = t.raw();
    assert!(raw.contains("pending"), "{raw}");
    assert!(
        !raw.contains('\x1b'),
        "NO_COLOR=1 output has escape codes:\n{raw:?}"
    );
}

#[test]
fn color_never_turns_colour_off_on_a_terminal() {
    let env = env_with_claims();
    let mut t = Spawn::new(&env, &["list", "--color", "never"]).start();
    t.exit_code(0);
    let raw = t.raw();
    assert!(raw.contains("pending"), "{raw}");
    assert!(
        !raw.contains('\x1b'),
        "--color never output has escape codes:\n{raw:?}"
    );
}

/// Tables fit the terminal: on a 60-column terminal no line of `list` is wider than 60.
#[test]
fn list_fits_a_narrow_terminal() {
    let env = env_with_claims();
    for cols in [60u16, 80] {
        let mut t = Spawn::new(&env, &["list"]).cols(cols).start();
        t.exit_code(0);
        let text = t.text();
        // Words may wrap inside cells; the partner column is narrow enough to stay whole.
        assert!(text.contains("│ 2 ") && text.contains(" 1000 "), "{text}");
        let wide: Vec<&str> = text
            .lines()
            .filter(|l| l.chars().count() > cols as usize)
            .collect();
        assert!(
            wide.is_empty(),
            "{} line(s) wider than the {cols}-column terminal:\n{}\n--- whole output:\n{text}",
            wide.len(),
            wide.join("\n")
        );
    }
}

/// `show` on a narrow terminal fits too.
#[test]
fn show_fits_a_narrow_terminal() {
    let env = env_with_claims();
    let mut t = Spawn::new(&env, &["show", "2"]).cols(60).start();
    t.exit_code(0);
    let text = t.text();
    assert!(text.contains("defender-endpoint"), "{text}");
    let wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > 60).collect();
    assert!(
        wide.is_empty(),
        "line(s) wider than 60 columns:\n{}\n--- whole output:\n{text}",
        wide.join("\n")
    );
}
