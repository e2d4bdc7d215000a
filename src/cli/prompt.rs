//! Prompts on the terminal: checked text, selection lists and yes/no questions.
//!
//! Prompts go to stderr, so stdout stays data. Callers check every answer with the same parser
//! its flag uses, so a prompted value is never accepted that a flag would refuse. Ctrl-C at any
//! prompt ends the command with exit 130 and nothing written.

use super::{Ctx, prompt_error};
use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, MultiSelect, Select};

/// Asks on stderr's terminal, themed for its colour setting.
pub struct Prompter {
    term: Term,
    theme: Box<dyn Theme>,
    /// Whether anything was asked (then the summary is shown and confirmed).
    pub asked: bool,
}

impl Prompter {
    pub fn new(ctx: &Ctx) -> Self {
        let theme: Box<dyn Theme> = if ctx.style.stderr_color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Prompter {
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
}
