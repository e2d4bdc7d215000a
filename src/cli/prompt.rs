//! Interactive `claim`: ask, on the terminal, for the values the flags did not give.
//!
//! Prompts go to stderr, so stdout stays data. Every input is checked with the same parsers the
//! flags use (`rules::format`), so a prompted value is never accepted that a flag would refuse.
//! Ctrl-C at any prompt ends the command with exit 130 and nothing written.

use super::claim::ClaimArgs;
use super::{Ctx, prompt_error};
use crate::model::{Channel, Poe, Program, parse_date};
use crate::rules::format::{parse_domain, parse_email, parse_guid, parse_partner_id, parse_text};
use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, MultiSelect, Select};

/// Prompts for one claim.
pub struct Prompter<'a> {
    ctx: &'a Ctx,
    term: Term,
    theme: Box<dyn Theme>,
    /// Whether anything was asked (then the summary is shown and confirmed).
    pub asked: bool,
}

impl<'a> Prompter<'a> {
    pub fn new(ctx: &'a Ctx) -> Self {
        let theme: Box<dyn Theme> = if ctx.style.stderr_color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Prompter {
            ctx,
            term: Term::stderr(),
            theme,
            asked: false,
        }
    }

    /// A free-text value checked by `check`; `default` is offered when given.
    pub fn text(
        &mut self,
        prompt: &str,
        default: Option<String>,
        check: impl Fn(&str) -> Result<String, String>,
    ) -> anyhow::Result<String> {
        self.asked = true;
        let mut input = Input::<String>::with_theme(self.theme.as_ref()).with_prompt(prompt);
        if let Some(d) = default {
            input = input.default(d);
        }
        let value = input
            .validate_with(|s: &String| check(s).map(|_| ()))
            .interact_text_on(&self.term)
            .map_err(prompt_error)?;
        check(&value).map_err(anyhow::Error::msg)
    }

    /// One choice out of `items`; returns its index.
    pub fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> anyhow::Result<usize> {
        self.asked = true;
        Select::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact_on(&self.term)
            .map_err(prompt_error)
    }

    /// At least one choice out of `items`; returns their indices.
    pub fn multi(&mut self, prompt: &str, items: &[String]) -> anyhow::Result<Vec<usize>> {
        self.asked = true;
        loop {
            let picked = MultiSelect::with_theme(self.theme.as_ref())
                .with_prompt(format!("{prompt} (space to pick, enter to accept)"))
                .items(items)
                .interact_on(&self.term)
                .map_err(prompt_error)?;
            if !picked.is_empty() {
                return Ok(picked);
            }
            let _ = self.term.write_line("pick at least one");
        }
    }

    /// Ask yes/no.
    pub fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
        dialoguer::Confirm::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .default(default)
            .interact_on(&self.term)
            .map_err(prompt_error)
    }

    /// Fill every missing value of `a`, in the order Partner Center asks for them.
    pub fn fill_claim(
        &mut self,
        a: &mut ClaimArgs,
        known_partners: &[String],
    ) -> anyhow::Result<()> {
        let ctx = self.ctx;
        if a.partner_id.is_none() {
            let default = ctx
                .config
                .defaults
                .partner_id
                .clone()
                .or_else(|| known_partners.first().cloned());
            a.partner_id =
                Some(self.text("PartnerID (formerly MPN ID)", default, parse_partner_id)?);
        }
        if a.tenant.is_none() {
            a.tenant = Some(self.text("Customer tenant ID", None, |s| parse_guid("tenant ID", s))?);
        }
        if a.domain.is_none() {
            a.domain = Some(self.text("Customer domain", None, parse_domain)?);
        }
        let program = match a.program.as_deref().map(str::parse::<Program>) {
            Some(Ok(p)) => p,
            // A malformed --program is reported by validation, not re-asked.
            Some(Err(_)) => return Ok(()),
            None => {
                let items: Vec<String> = Program::ALL
                    .iter()
                    .map(|p| format!("{} — {} ({})", p.as_str(), p.title(), p.activity().as_str()))
                    .collect();
                let i = self.select("Program", &items, 0)?;
                a.program = Some(Program::ALL[i].as_str().to_string());
                Program::ALL[i]
            }
        };
        if a.workload.is_empty() {
            let workloads = ctx.catalog.workloads(program);
            let items: Vec<String> = workloads
                .iter()
                .map(|w| format!("{} — {}", w.key, w.name))
                .collect();
            if program.is_bizapps() {
                let i = self.select("Dynamics 365 product", &items, 0)?;
                a.workload = vec![workloads[i].key.clone()];
            } else {
                let picked = self.multi("Workloads", &items)?;
                a.workload = picked
                    .into_iter()
                    .map(|i| workloads[i].key.clone())
                    .collect();
            }
        }
        if program.is_bizapps() {
            if a.subscription.is_none() {
                a.subscription = Some(self.text("Dynamics 365 subscription ID", None, |s| {
                    parse_guid("subscription ID", s)
                })?);
            }
            if a.channel.is_none() {
                // CSP is excluded from CPOR, so it is not offered.
                let channels = [Channel::Vl, Channel::WebDirect];
                let items: Vec<String> = vec![
                    "vl — Volume Licensing".into(),
                    "web-direct — Web-Direct".into(),
                ];
                let i = self.select("Purchase channel", &items, 0)?;
                a.channel = Some(channels[i].as_str().to_string());
            }
        }
        let text = |what: &'static str| move |s: &str| parse_text(what, s);
        if a.customer_name.is_none() {
            a.customer_name = Some(self.text("Customer contact name", None, text("the name"))?);
        }
        if a.customer_title.is_none() {
            a.customer_title =
                Some(self.text("Customer contact title", None, text("the title"))?);
        }
        if a.customer_email.is_none() {
            a.customer_email = Some(self.text("Customer contact e-mail", None, |s| {
                parse_email("e-mail", s)
            })?);
        }
        if program.is_bizapps() {
            if a.technical_name.is_none() {
                a.technical_name =
                    Some(self.text("Technical contact name", None, text("the name"))?);
            }
            if a.technical_title.is_none() {
                a.technical_title =
                    Some(self.text("Technical contact title", None, text("the title"))?);
            }
            if a.technical_email.is_none() {
                a.technical_email = Some(self.text("Technical contact e-mail", None, |s| {
                    parse_email("e-mail", s)
                })?);
            }
        }
        if a.partner_contact.is_none() {
            a.partner_contact = Some(self.text("Your contact name", None, text("the name"))?);
        }
        if a.partner_email.is_none() {
            a.partner_email =
                Some(self.text("Your contact e-mail", None, |s| parse_email("e-mail", s))?);
        }
        if a.poe.is_none() {
            a.poe = Some(self.text(
                "Proof of execution (file path or https:// URL)",
                None,
                check_poe,
            )?);
        }
        if a.poe_signed.is_none() {
            a.poe_signed = Some(self.text(
                "Date the customer signed the PoE (YYYY-MM-DD)",
                None,
                |s| parse_date(s).map(|d| d.to_string()),
            )?);
        }
        if program == Program::OsaSell && a.purchase_date.is_none() {
            a.purchase_date = Some(self.text("Purchase date (YYYY-MM-DD)", None, |s| {
                parse_date(s).map(|d| d.to_string())
            })?);
        }
        Ok(())
    }
}

/// A PoE answer must be a URL or an existing file.
fn check_poe(s: &str) -> Result<String, String> {
    let t = s.trim();
    if Poe::is_url(t) {
        return Ok(t.to_string());
    }
    if t.is_empty() {
        return Err("give a file path or an https:// URL".into());
    }
    if std::path::Path::new(t).is_file() {
        Ok(t.to_string())
    } else {
        Err(format!(
            "'{t}' is not a file; give the signed PoE's path or an https:// URL"
        ))
    }
}
