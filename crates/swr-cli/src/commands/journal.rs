//! `swrctl journal`: the changes the app and swrctl made, newest first.

use std::process::ExitCode;

use swr_core::journal::{self, Journal, JournalQuery, Outcome, Source};

use super::shared::{self, Failure};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only changes on or after this day (`YYYY-MM-DD`, UTC) or RFC 3339 time.
    #[arg(long)]
    pub since: Option<String>,
    /// Only changes whose target, values, error or request id contain these words.
    #[arg(long)]
    pub grep: Option<String>,
    /// At most this many changes.
    #[arg(long)]
    pub limit: Option<u32>,
    /// JSON on stdout.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV on stdout.
    #[arg(long)]
    pub csv: bool,
}

pub fn run(args: &Args) -> ExitCode {
    show(args).unwrap_or_else(Failure::exit)
}

fn show(args: &Args) -> Result<ExitCode, Failure> {
    let query = JournalQuery {
        since: args.since.clone(),
        text: args.grep.clone(),
        limit: args.limit,
        ..Default::default()
    };
    query.check().map_err(|e| Failure::Usage(e.to_string()))?;
    let dir = swr_core::profiles::default_config_dir()
        .ok_or_else(|| Failure::Failed("no configuration directory on this system".into()))?;
    let page = Journal::open(&dir, Source::Swrctl)
        .query(&query)
        .map_err(|e| Failure::Failed(e.to_string()))?;
    if args.json {
        shared::print_json(&page.entries)?;
    } else if args.csv {
        outln!("{}", journal::to_csv(&page.entries).trim_end());
    } else {
        for e in &page.entries {
            let result = match (&e.outcome, &e.error) {
                (Outcome::Done, _) => "done".to_owned(),
                (Outcome::Failed, Some(err)) => format!("FAILED: {err}"),
                (Outcome::Failed, None) => "FAILED".to_owned(),
            };
            let values = match (&e.before, &e.after) {
                (Some(b), Some(a)) => format!(" {b} → {a}"),
                (None, Some(a)) => format!(" → {a}"),
                (Some(b), None) => format!(" {b} →"),
                (None, None) => String::new(),
            };
            let id = e
                .request_id
                .as_deref()
                .map(|i| format!(" [{i}]"))
                .unwrap_or_default();
            outln!(
                "{} {:<8} {:<10} {:<18} {}{values} {result}{id}",
                e.time,
                e.profile,
                e.region,
                e.operation.as_str(),
                e.target
            );
        }
        if page.unreadable > 0 {
            eprintln!(
                "warning: {} line(s) of the journal could not be read and were skipped",
                page.unreadable
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
