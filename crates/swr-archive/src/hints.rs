//! Suggestions drawn from SWR's published Dockerfile best practices. They never make an
//! archive invalid: a root user or a missing HEALTHCHECK can be deliberate.

use crate::efficiency::FinalFs;
use crate::layer_files::{LayerEntryKind, LayerFiles};
use crate::report::{Hint, ImageReport};

/// Caches package managers leave behind when a Dockerfile does not clean up in the same RUN.
const PACKAGE_CACHES: &[(&str, &str)] = &[
    ("var/lib/apt/lists/", "apt lists"),
    ("var/cache/apt/archives/", "apt archives"),
    ("var/cache/apk/", "apk cache"),
    ("var/cache/yum/", "yum cache"),
    ("var/cache/dnf/", "dnf cache"),
    ("root/.cache/pip/", "pip cache"),
    ("root/.npm/", "npm cache"),
    ("usr/local/share/.cache/yarn/", "yarn cache"),
    ("root/.cache/go-build/", "Go build cache"),
];

/// File names that usually hold credentials.
const SECRET_NAMES: &[&str] = &[
    "id_rsa",
    "id_dsa",
    "id_ecdsa",
    "id_ed25519",
    ".env",
    ".git-credentials",
    ".netrc",
    ".pgpass",
    ".npmrc",
    ".dockercfg",
];
const SECRET_SUFFIXES: &[&str] = &[".pem", ".key", ".p12", ".pfx"];
/// Public CA bundles are `.pem` too; they are not secrets.
const CA_DIRS: &[&str] = &[
    "certs/",
    "ca-certificates",
    "cacert",
    "ca-bundle",
    "ca-trust",
    "certifi/",
];

/// The ids of the hints, stable across releases. A new hint gets its constant here and a place
/// in [`HINT_IDS`], which the UI's copy is checked against.
const RUNS_AS_ROOT: &str = "hint.runs_as_root";
const NO_HEALTHCHECK: &str = "hint.no_healthcheck";
const LATEST_TAG: &str = "hint.latest_tag";
const PACKAGE_CACHE: &str = "hint.package_cache";
const SECRET_FILES: &str = "hint.secret_files";
const MANY_TINY_LAYERS: &str = "hint.many_tiny_layers";

/// Every hint id, for the UI's copy check and exhaustive tests.
pub const HINT_IDS: &[&str] = &[
    RUNS_AS_ROOT,
    NO_HEALTHCHECK,
    LATEST_TAG,
    PACKAGE_CACHE,
    SECRET_FILES,
    MANY_TINY_LAYERS,
];

/// A layer this small is usually a `RUN` that could have joined its neighbour.
const TINY_LAYER: u64 = 1024 * 1024;
const TINY_LAYERS_HINTED: usize = 5;

/// The hints an image's configuration and names alone give (no file of a layer needed), so a
/// pushed image read back from a registry gets them too: root user, no HEALTHCHECK, `latest`.
pub fn config_hints(user: Option<&str>, healthcheck: bool, references: &[String]) -> Vec<Hint> {
    let mut out = Vec::new();
    let user = user.unwrap_or("").trim();
    let user_name = user.split(':').next().unwrap_or("");
    if user_name.is_empty() || user_name == "root" || user_name == "0" {
        out.push(Hint {
            id: RUNS_AS_ROOT,
            message: if user.is_empty() {
                "no USER is set, so containers run as root".into()
            } else {
                format!("USER is `{user}`")
            },
            advice: "Add a non-root USER to the Dockerfile.",
        });
    }
    if !healthcheck {
        out.push(Hint {
            id: NO_HEALTHCHECK,
            message: "the image defines no HEALTHCHECK".into(),
            advice: "Add a HEALTHCHECK so the platform can tell a running container from a working one.",
        });
    }
    let latest: Vec<&String> = references
        .iter()
        .filter(|r| r.ends_with(":latest"))
        .collect();
    if !latest.is_empty() {
        out.push(Hint {
            id: LATEST_TAG,
            message: format!("tagged `latest`: {}", join(&latest)),
            advice:
                "Push an explicit version tag; `latest` moves and makes deployments unrepeatable.",
        });
    }
    out
}

pub fn hints(image: &ImageReport, layers: &[&LayerFiles], final_fs: &FinalFs) -> Vec<Hint> {
    let mut out = config_hints(image.user.as_deref(), image.healthcheck, &image.references);
    for (prefix, what) in PACKAGE_CACHES {
        let bytes: u64 = final_fs
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .filter(|(k, _)| !k.ends_with("/lock"))
            .map(|(_, (_, size))| *size)
            .sum();
        if bytes > 0 {
            out.push(Hint {
                id: PACKAGE_CACHE,
                message: format!("{what} left in /{prefix} ({bytes} bytes)"),
                advice: "Remove package-manager caches in the same RUN that creates them (e.g. `&& rm -rf /var/lib/apt/lists/*`).",
            });
        }
    }
    let secrets = secret_files(layers);
    if !secrets.is_empty() {
        out.push(Hint {
            id: SECRET_FILES,
            message: format!("files that look like secrets: {}", join(&absolute(&secrets))),
            advice: "Keep keys and credentials out of images (use build secrets or runtime configuration); deleting them in a later layer does not remove them.",
        });
    }
    let tiny = image
        .layers
        .iter()
        .filter(|l| l.uncompressed_size < TINY_LAYER)
        .count();
    if tiny >= TINY_LAYERS_HINTED && tiny * 2 > image.layers.len() {
        out.push(Hint {
            id: MANY_TINY_LAYERS,
            message: format!("{tiny} of {} layers are under 1 MiB", image.layers.len()),
            advice: "Chain related commands into one RUN to produce fewer, larger layers.",
        });
    }
    out
}

/// Secret-looking regular files in any layer: a file deleted later still ships in the image.
fn secret_files(layers: &[&LayerFiles]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for layer in layers {
        for entry in &layer.entries {
            if entry.kind != LayerEntryKind::File
                || found.len() >= 10
                || found.contains(&entry.path)
            {
                continue;
            }
            let name = entry.path.rsplit('/').next().unwrap_or("");
            let by_name = SECRET_NAMES.contains(&name);
            let by_suffix = SECRET_SUFFIXES.iter().any(|s| name.ends_with(s))
                && !CA_DIRS.iter().any(|d| entry.path.contains(d));
            if by_name || by_suffix {
                found.push(entry.path.clone());
            }
        }
    }
    found
}

fn join<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Layer paths are stored without the leading `/` users know them by.
fn absolute(paths: &[String]) -> Vec<String> {
    paths.iter().map(|p| format!("/{p}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layer_files::LayerEntry;
    use crate::report::LayerReport;
    use crate::stream::Compression;

    fn ids(h: &[Hint]) -> Vec<&str> {
        h.iter().map(|h| h.id).collect()
    }

    #[test]
    fn flags_root_latest_caches_and_secrets() {
        let image = ImageReport {
            references: vec!["app:latest".into()],
            ..Default::default()
        };
        let files = LayerFiles {
            entries: vec![
                LayerEntry {
                    path: "root/.ssh/id_rsa".into(),
                    size: 3,
                    kind: LayerEntryKind::File,
                },
                LayerEntry {
                    path: "etc/ssl/certs/ca.pem".into(),
                    size: 3,
                    kind: LayerEntryKind::File,
                },
            ],
            ..Default::default()
        };
        let mut fs = FinalFs::new();
        fs.insert("var/lib/apt/lists/deb_main".into(), (0, 4000));
        fs.insert("var/lib/apt/lists/lock".into(), (0, 0));
        let h = hints(&image, &[&files], &fs);
        assert_eq!(
            ids(&h),
            [
                "hint.runs_as_root",
                "hint.no_healthcheck",
                "hint.latest_tag",
                "hint.package_cache",
                "hint.secret_files"
            ]
        );
        assert_eq!(h[2].message, "tagged `latest`: app:latest");
        assert_eq!(
            h[4].message,
            "files that look like secrets: /root/.ssh/id_rsa"
        );
    }

    #[test]
    fn a_tidy_image_gets_no_hints() {
        let layer = LayerReport {
            diff_id: String::new(),
            entry: String::new(),
            compression: Compression::None,
            stored_size: 1 << 30,
            uncompressed_size: 1 << 30,
            entries: 1,
        };
        let image = ImageReport {
            references: vec!["team/app:1.0".into()],
            user: Some("10001:10001".into()),
            healthcheck: true,
            layers: vec![layer],
            ..Default::default()
        };
        assert!(hints(&image, &[], &FinalFs::new()).is_empty());
    }
}
