//! `swrctl share ls|add|rm ORG/IMAGE`: sharing a private image with other accounts.

use std::process::ExitCode;

use swr_core::access::sharing::{self, ShareInput};

use super::access::image;
use super::shared::{self, Common, Destructive, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The accounts the image is shared with, and when each share ends.
    Ls(LsArgs),
    /// Share the image with an account (pull only), or change an existing share's end.
    Add(AddArgs),
    /// Stop sharing with an account.
    Rm(RmArgs),
}

#[derive(Debug, clap::Args)]
pub struct LsArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    /// The account (domain) name to share with.
    #[arg(long)]
    pub account: String,
    /// `forever`, or the last day of the share (`YYYY-MM-DD`, through the end of that day UTC).
    #[arg(long, default_value = "forever")]
    pub until: String,
    /// Up to 1,000 characters.
    #[arg(long)]
    pub description: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[arg(long)]
    pub account: String,
    #[command(flatten)]
    pub destructive: Destructive,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Ls(args) => shared::run(list(args)),
        Command::Add(args) => shared::run(add(args)),
        Command::Rm(args) => shared::run(remove(args)),
    }
}

async fn list(args: &LsArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let rows = sharing::list(&session, &org, &name).await?;
    if args.common.json {
        shared::print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        outln!("{org}/{name} is not shared with any account");
    }
    for r in &rows {
        let state = match (r.expired, r.days_left) {
            (true, _) => "expired".to_owned(),
            (false, None) => "forever".to_owned(),
            (false, Some(d)) if r.expiring => format!("ends in {d} day(s)!"),
            (false, Some(d)) => format!("ends in {d} day(s)"),
        };
        outln!("{:<24} {:<26} {state}", r.account, r.deadline);
    }
    Ok(ExitCode::SUCCESS)
}

async fn add(args: &AddArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let input = ShareInput {
        account: args.account.clone(),
        until: args.until.clone(),
        description: args.description.clone(),
    };
    let session = shared::session(args.common.profile.as_deref())?;
    let existing = sharing::list(&session, &org, &name).await?;
    let update = existing.iter().any(|s| s.account == args.account.trim());
    if update {
        sharing::update(&session, &org, &name, &input).await?;
    } else {
        sharing::add(&session, &org, &name, &input).await?;
    }
    let rows = sharing::list(&session, &org, &name).await?;
    let row = rows.iter().find(|s| s.account == args.account.trim());
    if args.common.json {
        shared::print_json(&row)?;
    } else {
        let deadline = row.map_or("?", |r| r.deadline.as_str());
        let verb = if update { "changed" } else { "shared" };
        outln!("{verb}: {org}/{name} → {} until {deadline}", args.account);
    }
    Ok(ExitCode::SUCCESS)
}

async fn remove(args: &RmArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    if args.destructive.dry_run {
        outln!("would stop sharing {org}/{name} with {}", args.account);
        return Ok(ExitCode::SUCCESS);
    }
    let question = format!("Stop sharing {org}/{name} with {}?", args.account);
    if !shared::confirm(&question, args.destructive.yes)? {
        return Err(Failure::Failed("nothing was changed".into()));
    }
    let session = shared::session(args.common.profile.as_deref())?;
    sharing::remove(&session, &org, &name, &args.account).await?;
    if args.common.json {
        shared::print_json(
            &serde_json::json!({"image": format!("{org}/{name}"), "account": args.account, "result": "removed"}),
        )?;
    } else {
        outln!("stopped sharing {org}/{name} with {}", args.account);
    }
    Ok(ExitCode::SUCCESS)
}
