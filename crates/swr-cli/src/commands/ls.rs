//! `swrctl ls [ORG[/IMAGE]]`: organizations, the images of one, or the tags of an image.
//!
//! Text output is one name per line (`org`, `org/image`, `org/image:tag`) for shell loops;
//! `--json` gives the same objects the desktop app's lists show.

use std::process::ExitCode;

use swr_core::browse::images::{ImageIndex, ImageQuery};
use swr_core::browse::organizations;
use swr_core::browse::reference::ImageRef;
use swr_core::browse::tags::{TagIndex, TagQuery};

use super::shared::{self, Common, Failure};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Nothing for organizations, `ORG` for its images, `ORG/IMAGE` for tags.
    pub path: Option<String>,
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
