//! Interactive `claim`: ask on the terminal for the values the flags did not give, in the
//! order Partner Center asks for them. Every answer is checked with the parser its flag uses.

use super::ClaimArgs;
use crate::cli::Ctx;
use crate::cli::prompt::Prompter;
use crate::model::{Channel, Program, parse_date};
use crate::poe_file;
use crate::rules::format::{parse_domain, parse_email, parse_guid, parse_partner_id, parse_text};

/// Fill every missing value of `a`, in the order Partner Center asks for them.
pub fn fill_claim(
    p: &mut Prompter,
    ctx: &Ctx,
    a: &mut ClaimArgs,
    known_partners: &[String],
) -> anyhow::Result<()> {
    if a.unit.partner_id.is_none() {
        let default = ctx
            .config
            .defaults
            .partner_id
            .clone()
            .or_else(|| known_partners.first().cloned());
        a.unit.partner_id =
            Some(p.text("PartnerID (formerly MPN ID)", default, parse_partner_id)?);
    }
    if a.unit.tenant.is_none() {
        a.unit.tenant = Some(p.text("Customer tenant ID", None, |s| parse_guid("tenant ID", s))?);
    }
    if a.unit.domain.is_none() {
        a.unit.domain = Some(p.text("Customer domain", None, parse_domain)?);
    }
    let program = match a.unit.program.as_deref().map(str::parse::<Program>) {
        Some(Ok(p)) => p,
        // A malformed --program is reported by validation, not re-asked.
        Some(Err(_)) => return Ok(()),
        None => {
            let items: Vec<String> = Program::ALL
                .iter()
                .map(|p| format!("{} — {} ({})", p.as_str(), p.title(), p.activity().as_str()))
                .collect();
            let i = p.select("Program", &items, 0)?;
            a.unit.program = Some(Program::ALL[i].as_str().to_string());
            Program::ALL[i]
        }
    };
    if a.unit.workload.is_empty() {
        let workloads = ctx.catalog.workloads(program);
        let items: Vec<String> = workloads
            .iter()
            .map(|w| format!("{} — {}", w.key, w.name))
            .collect();
        if program.is_bizapps() {
            let i = p.select("Dynamics 365 product", &items, 0)?;
            a.unit.workload = vec![workloads[i].key.clone()];
        } else {
            let picked = p.multi("Workloads", &items)?;
            a.unit.workload = picked
                .into_iter()
                .map(|i| workloads[i].key.clone())
                .collect();
        }
    }
    if program.is_bizapps() {
        if a.unit.subscription.is_none() {
            a.unit.subscription = Some(p.text("Dynamics 365 subscription ID", None, |s| {
                parse_guid("subscription ID", s)
            })?);
        }
        if a.unit.channel.is_none() {
            // CSP is excluded from CPOR, so it is not offered.
            let channels = [Channel::Vl, Channel::WebDirect];
            let items: Vec<String> = vec![
                "vl — Volume Licensing".into(),
                "web-direct — Web-Direct".into(),
            ];
            let i = p.select("Purchase channel", &items, 0)?;
            a.unit.channel = Some(channels[i].as_str().to_string());
        }
    }
    let text = |what: &'static str| move |s: &str| parse_text(what, s);
    if a.customer_name.is_none() {
        a.customer_name = Some(p.text("Customer contact name", None, text("the name"))?);
    }
    if a.customer_title.is_none() {
        a.customer_title = Some(p.text("Customer contact title", None, text("the title"))?);
    }
    if a.customer_email.is_none() {
        a.customer_email = Some(p.text("Customer contact e-mail", None, |s| {
            parse_email("e-mail", s)
        })?);
    }
    if program.is_bizapps() {
        if a.technical_name.is_none() {
            a.technical_name = Some(p.text("Technical contact name", None, text("the name"))?);
        }
        if a.technical_title.is_none() {
            a.technical_title = Some(p.text("Technical contact title", None, text("the title"))?);
        }
        if a.technical_email.is_none() {
            a.technical_email = Some(p.text("Technical contact e-mail", None, |s| {
                parse_email("e-mail", s)
            })?);
        }
    }
    if a.partner_contact.is_none() {
        a.partner_contact = Some(p.text("Your contact name", None, text("the name"))?);
    }
    if a.partner_email.is_none() {
        a.partner_email = Some(p.text("Your contact e-mail", None, |s| parse_email("e-mail", s))?);
    }
    if a.poe.is_none() {
        a.poe = Some(p.text(
            "Proof of execution (file path or https:// URL)",
            None,
            poe_file::check_answer,
        )?);
    }
    if a.poe_signed.is_none() {
        a.poe_signed = Some(p.text(
            "Date the customer signed the PoE (YYYY-MM-DD)",
            None,
            |s| parse_date(s).map(|d| d.to_string()),
        )?);
    }
    if program == Program::OsaSell && a.purchase_date.is_none() {
        a.purchase_date = Some(p.text("Purchase date (YYYY-MM-DD)", None, |s| {
            parse_date(s).map(|d| d.to_string())
        })?);
    }
    Ok(())
}
