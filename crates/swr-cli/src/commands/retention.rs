//! `swrctl retention show|preview|set|rm ORG/IMAGE`: retention policies with their preview.
//!
//! SWR applies a policy the moment it is saved, so `set` prints the same per-tag preview as
//! `preview` first and asks (refusing without a terminal unless `--yes`); `--dry-run` stops
//! after the preview. `--json` gives `{"delete": [...], "keep": [...]}` with a reason per tag.

use std::process::ExitCode;

use serde::Serialize;
use swr_core::automation::retention::{KeepReason, RetentionPreview, RetentionWarning, Verdict};
use swr_core::automation::{self, PolicyInput};

use super::access::image;
use super::shared::{self, Common, Destructive, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The image's policy and the tags it deleted.
    Show(ShowArgs),
    /// What a policy would delete now, tag by tag; nothing changes.
    Preview(PolicyArgs),
    /// Save a policy (SWR applies it at once): the preview first, then a question.
    Set(SetArgs),
    /// Remove the image's policy.
    Rm(RmArgs),
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Clone, clap::Args)]
pub struct PolicyArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    /// Keep tags pushed within N days (1–365).
    #[arg(long, conflicts_with = "keep_tags")]
    pub keep_days: Option<u32>,
    /// Keep the N most recently pushed tags (1–1000).
    #[arg(long)]
    pub keep_tags: Option<u32>,
    /// Never delete this tag; repeat for more.
    #[arg(long = "except-tag")]
    pub except_tags: Vec<String>,
    /// Never delete tags this regular expression matches whole; repeat for more.
    #[arg(long = "except-regex")]
    pub except_regex: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    #[command(flatten)]
    pub policy: PolicyArgs,
    #[command(flatten)]
    pub destructive: Destructive,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// `ORG/IMAGE`.
    pub image: String,
    #[command(flatten)]
    pub destructive: Destructive,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Show(args) => shared::run(show(args)),
        Command::Preview(args) => shared::run(preview(args)),
        Command::Set(args) => shared::run(set(args)),
        Command::Rm(args) => shared::run(remove(args)),
    }
}

fn input(args: &PolicyArgs) -> PolicyInput {
    PolicyInput {
        keep_days: args.keep_days,
        keep_tags: args.keep_tags,
        except_tags: args.except_tags.clone(),
        except_regex: args.except_regex.clone(),
    }
}

fn checked(args: &PolicyArgs) -> Result<PolicyInput, Failure> {
    let policy = input(args);
    policy
        .to_rule()
        .map_err(|v| Failure::Usage(format!("{}: {}", v.field, v.message.en)))?;
    Ok(policy)
}

/// One tag of a preview, as `--json` prints it.
#[derive(Debug, Serialize)]
struct JsonTag<'a> {
    tag: &'a str,
    digest: &'a str,
    reason: String,
}

#[derive(Debug, Serialize)]
struct JsonPreview<'a> {
    delete: Vec<JsonTag<'a>>,
    keep: Vec<JsonTag<'a>>,
    warnings: Vec<String>,
}

fn keep_reason(r: &KeepReason) -> String {
    match r {
        KeepReason::Exception {
            selector,
            regexp: false,
        } => format!("exception: tag {selector}"),
        KeepReason::Exception {
            selector,
            regexp: true,
        } => format!("exception: /{selector}/"),
        KeepReason::WithinCount { rank, count } => format!("number {rank} of the {count} newest"),
        KeepReason::WithinDays { age_days, days } => {
            format!("pushed {age_days} days ago, within {days}")
        }
    }
}

fn warning(w: &RetentionWarning) -> String {
    match w {
        RetentionWarning::DigestStillHeld { tag, kept } => format!(
            "{tag} goes, but its image stays: {} point to the same digest",
            kept.join(", ")
        ),
        RetentionWarning::TriggerNamesDeletedTag { trigger, tag } => {
            format!("trigger {trigger} fires on {tag}, which this policy deletes")
        }
        RetentionWarning::EverythingGoes => "every tag of the image is deleted".into(),
        RetentionWarning::OnlyOneLeft { kept } => format!("only {kept} is left"),
        RetentionWarning::TieAtTheCount { tags } => format!(
            "{} were pushed in the same second across the count; SWR may keep a different one",
            tags.join(", ")
        ),
        RetentionWarning::UnreadableTime { tag } => {
            format!("the push time of {tag} could not be read")
        }
    }
}

fn print_preview(p: &RetentionPreview, json: bool) -> Result<(), Failure> {
    if json {
        let mut out = JsonPreview {
            delete: Vec::new(),
            keep: Vec::new(),
            warnings: p.warnings.iter().map(warning).collect(),
        };
        for i in &p.items {
            let (list, reason) = match &i.verdict {
                Verdict::Delete { because, .. } => (&mut out.delete, because.clone()),
                Verdict::Keep { reasons } => (
                    &mut out.keep,
                    reasons
                        .iter()
                        .map(keep_reason)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            list.push(JsonTag {
                tag: &i.tag,
                digest: &i.digest,
                reason,
            });
        }
        return shared::print_json(&out);
    }
    for i in &p.items {
        match &i.verdict {
            Verdict::Delete { because, .. } => outln!("delete  {:<40} {because}", i.tag),
            Verdict::Keep { reasons } => outln!(
                "keep    {:<40} {}",
                i.tag,
                reasons
                    .iter()
                    .map(keep_reason)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        }
    }
    outln!("{} deleted, {} kept", p.deleted, p.kept);
    for w in &p.warnings {
        eprintln!("warning: {}", warning(w));
    }
    Ok(())
}

async fn show(args: &ShowArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let policy = automation::policy(&session, &org, &name).await?;
    let history = automation::history(&session, &org, &name).await?;
    if args.common.json {
        shared::print_json(&serde_json::json!({ "policy": policy, "history": history }))?;
        return Ok(ExitCode::SUCCESS);
    }
    match &policy {
        None => outln!("{org}/{name} has no retention policy"),
        Some(p) => {
            let keep = match (p.input.keep_days, p.input.keep_tags) {
                (Some(d), _) => format!("keeps tags pushed within {d} days"),
                (_, Some(n)) => format!("keeps the {n} newest tags"),
                _ => "keeps (unknown rule)".into(),
            };
            outln!("{org}/{name} {keep}");
            if !p.input.except_tags.is_empty() {
                outln!("  except tags: {}", p.input.except_tags.join(", "));
            }
            if !p.input.except_regex.is_empty() {
                outln!("  except matching: {}", p.input.except_regex.join(", "));
            }
        }
    }
    for log in &history {
        outln!("  {} deleted {}", log.created_at, log.tag);
    }
    Ok(ExitCode::SUCCESS)
}

async fn preview(args: &PolicyArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    let policy = checked(args)?;
    let session = shared::session(args.common.profile.as_deref())?;
    let p = automation::preview(&session, &org, &name, &policy).await?;
    print_preview(&p, args.common.json)?;
    Ok(ExitCode::SUCCESS)
}

async fn set(args: &SetArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.policy.image)?;
    let policy = checked(&args.policy)?;
    let session = shared::session(args.policy.common.profile.as_deref())?;
    let p = automation::preview(&session, &org, &name, &policy).await?;
    let json = args.policy.common.json;
    if args.destructive.dry_run {
        print_preview(&p, json)?;
        return Ok(ExitCode::SUCCESS);
    }
    if !json {
        print_preview(&p, false)?;
    }
    let question = format!(
        "Save this policy? SWR applies it at once and deletes {} tag(s) of {org}/{name} now.",
        p.deleted
    );
    if !shared::confirm(&question, args.destructive.yes)? {
        return Err(Failure::Failed("nothing was changed".into()));
    }
    let outcome = automation::save(&session, &org, &name, &policy).await?;
    if json {
        shared::print_json(&outcome)?;
    } else {
        outln!(
            "saved; SWR deleted {} tag(s){}",
            outcome.deleted.len(),
            if outcome.as_previewed {
                ", as previewed"
            } else {
                " — NOT what the preview said; check the list with swrctl ls"
            }
        );
    }
    Ok(if outcome.as_previewed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

async fn remove(args: &RmArgs) -> Result<ExitCode, Failure> {
    let (org, name) = image(&args.image)?;
    if args.destructive.dry_run {
        outln!("would remove the retention policy of {org}/{name}");
        return Ok(ExitCode::SUCCESS);
    }
    if !shared::confirm(
        &format!("Remove the retention policy of {org}/{name}?"),
        args.destructive.yes,
    )? {
        return Err(Failure::Failed("nothing was changed".into()));
    }
    let session = shared::session(args.common.profile.as_deref())?;
    automation::remove(&session, &org, &name).await?;
    outln!("removed the retention policy of {org}/{name}");
    Ok(ExitCode::SUCCESS)
}
