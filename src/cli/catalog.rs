//! `cpor catalog`: programs, activities and workload keys.

use super::Ctx;
use crate::model::{Activity, Program};
use crate::output::{Format, csv_safe, emit, emit_json, text_cell};
use clap::Args;
use comfy_table::Cell;
use serde::Serialize;

/// Print the catalog: each program, its activity and the workload keys it accepts.
///
/// The built-in catalog can be replaced by a TOML file (config key `catalog`).
///
/// Examples:
///   cpor catalog
///   cpor catalog --json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct CatalogArgs {}

/// One program of `catalog --json`.
#[derive(Serialize)]
struct ProgramView<'a> {
    program: Program,
    title: &'static str,
    activity: Activity,
    workloads: Vec<WorkloadView<'a>>,
}

#[derive(Serialize)]
struct WorkloadView<'a> {
    key: &'a str,
    name: &'a str,
}

pub fn run(ctx: &Ctx, _: CatalogArgs) -> anyhow::Result<u8> {
    match ctx.format {
        Format::Json => {
            let programs: Vec<_> = ctx
                .catalog
                .programs()
                .map(|(program, ws)| ProgramView {
                    program,
                    title: program.title(),
                    activity: program.activity(),
                    workloads: ws
                        .iter()
                        .map(|w| WorkloadView {
                            key: &w.key,
                            name: &w.name,
                        })
                        .collect(),
                })
                .collect();
            emit_json(&programs)?;
        }
        Format::Csv => emit(|w| {
            let mut out = csv::Writer::from_writer(w);
            out.write_record(["program", "activity", "workload", "name"])?;
            for (p, ws) in ctx.catalog.programs() {
                for wl in ws {
                    out.write_record([
                        p.as_str(),
                        p.activity().as_str(),
                        csv_safe(&wl.key).as_ref(),
                        csv_safe(&wl.name).as_ref(),
                    ])?;
                }
            }
            out.flush()
        })?,
        Format::Table => {
            let mut t = ctx.style.table();
            t.set_header(["program", "activity", "workload", "product"]);
            for (p, ws) in ctx.catalog.programs() {
                for (i, wl) in ws.iter().enumerate() {
                    let (prog, act) = if i == 0 {
                        (
                            format!("{} ({})", p.as_str(), p.title()),
                            p.activity().as_str(),
                        )
                    } else {
                        (String::new(), "")
                    };
                    t.add_row(vec![
                        Cell::new(prog),
                        Cell::new(act),
                        // A catalog file may say anything.
                        text_cell(&wl.key),
                        text_cell(&wl.name),
                    ]);
                }
            }
            emit(|w| writeln!(w, "{t}"))?;
        }
    }
    Ok(0)
}
