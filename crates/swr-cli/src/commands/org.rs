//! `swrctl org create|rm NAME`.

use std::process::ExitCode;

use swr_core::browse::organizations;

use super::shared::{self, Common, Destructive, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create an organization (1–64 characters: lower-case letters, digits, `.`, `_`, `-`).
    Create(NameArgs),
    /// Delete an empty organization.
    Rm(RmArgs),
}

#[derive(Debug, clap::Args)]
pub struct NameArgs {
    pub name: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    pub name: String,
    #[command(flatten)]
    pub destructive: Destructive,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Create(args) => shared::run(create(args)),
        Command::Rm(args) => shared::run(remove(args)),
    }
}

async fn create(args: &NameArgs) -> Result<ExitCode, Failure> {
    swr_api::rules::validate_namespace(args.name.trim())
        .map_err(|v| Failure::Usage(format!("organization name: {}", v.message.en)))?;
    let session = shared::session(args.common.profile.as_deref())?;
    organizations::create(&session, &args.name)
        .await
        .map_err(|e| Failure::Failed(with_request(&e)))?;
    done(&args.common, "created", args.name.trim())
}

async fn remove(args: &RmArgs) -> Result<ExitCode, Failure> {
    let name = args.name.trim();
    if args.destructive.dry_run {
        outln!("would delete organization {name} (refused by SWR while it holds images)");
        return Ok(ExitCode::SUCCESS);
    }
    if !shared::confirm(
        &format!("Delete organization {name}?"),
        args.destructive.yes,
    )? {
        return Err(Failure::Failed("nothing was deleted".into()));
    }
    let session = shared::session(args.common.profile.as_deref())?;
    organizations::delete(&session, name).await?;
    done(&args.common, "deleted", name)
}

fn done(common: &Common, what: &str, name: &str) -> Result<ExitCode, Failure> {
    if common.json {
        shared::print_json(&serde_json::json!({ "organization": name, "result": what }))?;
    } else {
        outln!("{what} organization {name}");
    }
    Ok(ExitCode::SUCCESS)
}

fn with_request(e: &swr_api::Error) -> String {
    match e.request_id() {
        Some(id) => format!("{e} (request id {id})"),
        None => e.to_string(),
    }
}
