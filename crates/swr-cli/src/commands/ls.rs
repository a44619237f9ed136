//! `swrctl ls [ORG[/IMAGE]]`: organizations, the images of one, or the tags of an image.
//!
//! Text output is one name per line (`org`, `org/image`, `org/image:tag`) for shell loops;
//! `--json` gives the same objects the desktop app's lists show. With `--platforms`, each tag
//! also gets the OS/arch of its image, read from the registry as the app's OS/arch column
//! reads it (and from the same disk cache): after a tab in text, as `platforms` in JSON.

use std::collections::HashMap;
use std::process::ExitCode;

use serde::Serialize;
use swr_core::browse::images::{ImageIndex, ImageQuery};
use swr_core::browse::organizations;
use swr_core::browse::platforms::{self, DigestPlatforms, PlatformName};
use swr_core::browse::reference::ImageRef;
use swr_core::browse::tags::{TagIndex, TagQuery, TagRow};
use swr_core::sessions::Session;

use super::shared::{self, Common, Failure};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Nothing for organizations, `ORG` for its images, `ORG/IMAGE` for tags.
    pub path: Option<String>,
    /// With `ORG/IMAGE`: the OS/arch of each tag's image, read from the registry.
    #[arg(long)]
    pub platforms: bool,
    #[command(flatten)]
    pub common: Common,
}

pub fn run(args: &Args) -> ExitCode {
    shared::run(list(args))
}

async fn list(args: &Args) -> Result<ExitCode, Failure> {
    let session = shared::session(args.common.profile.as_deref())?;
    let path = args
        .path
        .as_deref()
        .map(|p| p.trim_matches('/'))
        .filter(|p| !p.is_empty());
    if args.platforms && !path.is_some_and(|p| p.contains('/')) {
        return Err(Failure::Usage(
            "--platforms lists the tags of one image: give ORG/IMAGE".into(),
        ));
    }
    match path {
        None => {
            let index = ImageIndex::fetch(&session, None).await?;
            let rows = organizations::list(&session, &index).await?;
            if args.common.json {
                shared::print_json(&rows)?;
            } else {
                rows.iter().for_each(|r| outln!("{}", r.name));
            }
        }
        Some(org) if !org.contains('/') => {
            let index = ImageIndex::fetch(&session, Some(org)).await?;
            let all = index.query(&ImageQuery::default(), 0, u64::MAX);
            if args.common.json {
                shared::print_json(&all.rows)?;
            } else {
                all.rows.iter().for_each(|r| outln!("{}", r.path()));
            }
        }
        Some(path) if args.platforms => {
            return tags_with_platforms(&session, path, args.common.json).await
        }
        Some(path) => {
            let image = ImageRef::parse(path)?;
            let index = TagIndex::fetch(&session, &image.organization, &image.image).await?;
            let all = index.query(&TagQuery::default(), 0, u64::MAX);
            if args.common.json {
                shared::print_json(&all.rows)?;
            } else {
                let repository = image.repository();
                all.rows
                    .iter()
                    .for_each(|r| outln!("{repository}:{}", r.tag));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A tag with the platforms of its image, as `--json` prints it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TagWithPlatforms<'a> {
    #[serde(flatten)]
    row: &'a TagRow,
    platforms: &'a [PlatformName],
    /// Why the platforms could not be read.
    platforms_problem: Option<&'a str>,
}

async fn tags_with_platforms(
    session: &Session,
    path: &str,
    json: bool,
) -> Result<ExitCode, Failure> {
    let image = ImageRef::parse(path)?;
    let index = TagIndex::fetch(session, &image.organization, &image.image).await?;
    let rows = index.query(&TagQuery::default(), 0, u64::MAX).rows;
    let mut digests: Vec<String> = rows.iter().map(|r| r.digest.clone()).collect();
    digests.sort();
    digests.dedup();
    let cache = shared::inspect_cache();
    let mut answers: Vec<DigestPlatforms> = Vec::with_capacity(digests.len());
    for part in digests.chunks(platforms::MAX_DIGESTS) {
        answers.extend(
            platforms::tag_platforms(
                session,
                cache.as_deref(),
                &image.organization,
                &image.image,
                part,
            )
            .await?,
        );
    }
    // Looked up once per tag: an image may have tens of thousands of each.
    let by_digest: HashMap<&str, &DigestPlatforms> =
        answers.iter().map(|a| (a.digest.as_str(), a)).collect();
    let listed: Vec<TagWithPlatforms<'_>> = rows
        .iter()
        .filter_map(|row| {
            by_digest
                .get(row.digest.as_str())
                .map(|a| TagWithPlatforms {
                    row,
                    platforms: &a.platforms,
                    platforms_problem: a.problem.as_deref(),
                })
        })
        .collect();
    if json {
        shared::print_json(&listed)?;
    } else {
        let repository = image.repository();
        for tag in &listed {
            let names: Vec<String> = tag.platforms.iter().map(ToString::to_string).collect();
            let shown = if names.is_empty() {
                "-".to_owned()
            } else {
                names.join(",")
            };
            outln!("{repository}:{}\t{shown}", tag.row.tag);
        }
    }
    let unread: Vec<&DigestPlatforms> = answers.iter().filter(|a| a.problem.is_some()).collect();
    for a in &unread {
        eprintln!(
            "warning: the platforms of {} could not be read: {}",
            a.digest,
            a.problem.as_deref().unwrap_or_default()
        );
    }
    if unread.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(Failure::Failed(format!(
            "the platforms of {} of {} images could not be read",
            unread.len(),
            answers.len()
        )))
    }
}
