//! `swrctl trigger ls|add|enable|disable|rm|test ORG/IMAGE`: triggers that update a CCE or CCI
//! workload when a matching tag is pushed, and the condition tester.

use std::process::ExitCode;

use swr_api::model::CreateTriggerRequest;
use swr_core::automation;

use super::access::image;
use super::shared::{self, Common, Destructive, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The image's triggers with their last results.
    Ls(ImageArgs),
    /// Add a trigger.
    Add(AddArgs),
    /// Enable a trigger.
    Enable(NameArgs),
    /// Disable a trigger (it stays, and never fires).
    Disable(NameArgs),
    /// Delete a trigger.
    Rm(RmArgs),
    /// Which triggers a push of TAG would fire, and why.
    Test(TestArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImageArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    /// Trigger name (letters, digits, `_`, `-`; starts with a letter).
    #[arg(long)]
    pub name: String,
    /// Fire on these tags (repeat), instead of on every tag.
    #[arg(long = "tag", conflicts_with = "regex")]
    pub tags: Vec<String>,
    /// Fire on tags this regular expression matches whole.
    #[arg(long)]
    pub regex: Option<String>,
    /// Update a CCI workload instead of a CCE one.
    #[arg(long)]
    pub cci: bool,
    /// CCE cluster name.
    #[arg(long, default_value = "")]
    pub cluster: String,
    /// CCE cluster id.
    #[arg(long, default_value = "")]
    pub cluster_id: String,
    /// Kubernetes namespace.
    #[arg(long)]
    pub namespace: String,
    /// A stateful set instead of a deployment.
    #[arg(long)]
    pub statefulset: bool,
    /// Workload name.
    #[arg(long)]
    pub workload: String,
    /// Container to update (default: all).
    #[arg(long, default_value = "")]
    pub container: String,
    /// Create it disabled.
    #[arg(long)]
    pub disabled: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct NameArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    /// The trigger's name.
    pub name: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    pub name: String,
    #[command(flatten)]
    pub destructive: Destructive,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    /// The tag a push would carry.
    pub tag: String,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Ls(args) => shared::run(list(args)),
        Command::Add(args) => shared::run(add(args)),
        Command::Enable(args) => shared::run(toggle(args, true)),
        Command::Disable(args) => shared::run(toggle(args, false)),
        Command::Rm(args) => shared::run(remove(args)),
        Command::Test(args) => shared::run(test(args)),
    }
}

async fn list(args: &ImageArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let triggers = automation::list_triggers(&session, &org, &name).await?;
    if args.common.json {
        shared::print_json(&triggers)?;
        return Ok(ExitCode::SUCCESS);
    }
    if triggers.is_empty() {
        outln!("{org}/{name} has no triggers");
    }
    for t in &triggers {
        let on = match t.trigger_type.as_str() {
            "all" => "every tag".to_owned(),
            "tag" => format!("tags {}", t.condition),
            _ => format!("tags matching /{}/", t.condition),
        };
        outln!(
            "{:<24} {:<8} on {on}: update {} {}/{} in {}",
            t.name,
            if t.enable { "enabled" } else { "disabled" },
            t.trigger_mode.to_uppercase(),
            t.app_type,
            t.application,
            t.cluster_ns
        );
        for h in t.trigger_history.iter().rev().take(3) {
            outln!("    {} {} {}", h.created_at, h.tag, h.result);
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn add(args: &AddArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let (trigger_type, condition) = match (&args.tags, &args.regex) {
        (tags, None) if !tags.is_empty() => ("tag", tags.join(";")),
        (_, Some(re)) => ("regular", re.clone()),
        _ => ("all", ".*".to_owned()),
    };
    let trigger = CreateTriggerRequest {
        name: args.name.clone(),
        enable: !args.disabled,
        action: "update".into(),
        trigger_mode: if args.cci { "cci" } else { "cce" }.into(),
        trigger_type: trigger_type.into(),
        condition,
        app_type: if args.statefulset {
            "statefulsets"
        } else {
            "deployments"
        }
        .into(),
        application: args.workload.clone(),
        cluster_id: args.cluster_id.clone(),
        cluster_name: args.cluster.clone(),
        cluster_ns: args.namespace.clone(),
        container: args.container.clone(),
    };
    automation::check_trigger(&trigger)
        .map_err(|v| Failure::Usage(format!("{}: {}", v.field, v.message.en)))?;
    let session = shared::session(args.common.profile.as_deref())?;
    automation::add_trigger(&session, &org, &name, &trigger).await?;
    outln!("added trigger {} to {org}/{name}", args.name);
    Ok(ExitCode::SUCCESS)
}

async fn toggle(args: &NameArgs, enabled: bool) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    automation::set_trigger_enabled(&session, &org, &name, &args.name, enabled).await?;
    outln!(
        "{} trigger {} of {org}/{name}",
        if enabled { "enabled" } else { "disabled" },
        args.name
    );
    Ok(ExitCode::SUCCESS)
}

async fn remove(args: &RmArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    if args.destructive.dry_run {
        outln!("would delete trigger {} of {org}/{name}", args.name);
        return Ok(ExitCode::SUCCESS);
    }
    let question = format!("Delete trigger {} of {org}/{name}?", args.name);
    if !shared::confirm(&question, args.destructive.yes)? {
        return Err(Failure::Failed("nothing was changed".into()));
    }
    let session = shared::session(args.common.profile.as_deref())?;
    automation::delete_trigger(&session, &org, &name, &args.name).await?;
    outln!("deleted trigger {} of {org}/{name}", args.name);
    Ok(ExitCode::SUCCESS)
}

async fn test(args: &TestArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let results = automation::test_tag(&session, &org, &name, &args.tag).await?;
    if args.common.json {
        shared::print_json(&results)?;
        return Ok(ExitCode::SUCCESS);
    }
    if results.is_empty() {
        outln!("{org}/{name} has no triggers");
    }
    for r in &results {
        outln!(
            "{:<10} {:<24} {}",
            if r.fires { "fires" } else { "no" },
            r.trigger,
            r.because
        );
    }
    Ok(ExitCode::SUCCESS)
}
