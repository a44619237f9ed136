//! Every layout the builders write validates cleanly with the right report; every broken
//! fixture is reported with its rule.

// Helpers outside #[test] functions panic on setup failures, as tests should.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use pretty_assertions::assert_eq;
use serde_json::json;
use swr_archive::fixtures::{broken, sample_image, Archive, ImageBuilder, Layer, Layout};
use swr_archive::{
    validate_reader, validate_reader_watched, ArchiveFormat, Compression, Rule, Severity,
    Validation, Watch,
};

fn validate(bytes: &[u8]) -> Validation {
    validate_reader(bytes, "test.tar")
}

fn rules(v: &Validation, severity: Severity) -> Vec<Rule> {
    v.findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| f.rule)
        .collect()
}

fn assert_valid(v: &Validation) {
    assert!(v.is_valid(), "unexpected errors: {:#?}", v.findings);
}

#[test]
fn every_layout_and_compression_validates() {
    for layout in [
        Layout::DockerArchive,
        Layout::DockerOciLayout,
        Layout::OciArchive,
    ] {
        for outer in [Compression::None, Compression::Gzip, Compression::Zstd] {
            let bytes = Archive::new(layout)
                .image(sample_image())
                .compressed(outer)
                .to_bytes();
            let v = validate(&bytes);
            assert_valid(&v);
            assert_eq!(rules(&v, Severity::Warning), vec![], "{layout:?} {outer:?}");
            assert_eq!(v.report.compression, outer);
            let expected = match layout {
                Layout::DockerArchive => ArchiveFormat::DockerArchive,
                Layout::DockerOciLayout => ArchiveFormat::DockerOciLayout,
                Layout::OciArchive => ArchiveFormat::OciArchive,
            };
            assert_eq!(v.report.format, Some(expected));
            assert_eq!(v.report.images.len(), 1);
            assert_eq!(v.report.file_size, bytes.len() as u64);
        }
    }
}

#[test]
fn report_describes_the_image() {
    let image = sample_image()
        .set("variant", json!("v8"))
        .set("architecture", json!("arm64"))
        .container("Env", json!(["DB_PASSWORD=hunter2", "MODE=prod"]))
        .container("Entrypoint", json!(["/app/run"]))
        .container("Cmd", json!(["--port", "8080"]))
        .container("WorkingDir", json!("/app"))
        .container("ExposedPorts", json!({ "8080/tcp": {} }))
        .container("Labels", json!({ "maintainer": "team-a" }));
    let bytes = Archive::new(Layout::DockerArchive).image(image).to_bytes();
    let v = validate(&bytes);
    assert_valid(&v);
    let i = &v.report.images[0];
    assert_eq!(i.references, vec!["team-a/web:1.0".to_owned()]);
    assert_eq!(
        (i.platform.os.as_str(), i.platform.architecture.as_str()),
        ("linux", "arm64")
    );
    assert_eq!(i.platform.variant.as_deref(), Some("v8"));
    assert_eq!(
        i.env_names,
        vec!["DB_PASSWORD".to_owned(), "MODE".to_owned()]
    );
    assert_eq!(i.entrypoint, Some(vec!["/app/run".to_owned()]));
    assert_eq!(i.cmd, Some(vec!["--port".to_owned(), "8080".to_owned()]));
    assert_eq!(i.working_dir.as_deref(), Some("/app"));
    assert_eq!(i.user.as_deref(), Some("10001"));
    assert_eq!(i.exposed_ports, vec!["8080/tcp".to_owned()]);
    assert_eq!(
        i.labels.get("maintainer").map(String::as_str),
        Some("team-a")
    );
    assert!(i.healthcheck);
    assert_eq!(i.layers.len(), 2);
    assert!(i
        .layers
        .iter()
        .all(|l| l.compression == Compression::None && l.stored_size == l.uncompressed_size));
    // Secret values never appear in the report.
    assert!(!serde_json::to_string(&v).unwrap().contains("hunter2"));
    // The 4000-byte log deleted by the second layer is waste.
    let e = i.efficiency.as_ref().unwrap();
    assert_eq!(e.wasted_bytes, 4000);
    assert_eq!(e.wasted_files[0].path, "app/old.log");
    assert!(e.score < 1.0);
    assert!(i.hints.is_empty(), "{:?}", i.hints);
}

#[test]
fn compressed_layers_report_both_sizes_and_hints_fire() {
    let image = ImageBuilder::new()
        .tag("team/app:latest")
        .layer(
            Layer::new()
                .file("var/lib/apt/lists/deb.debian.org_main", vec![b'p'; 20_000])
                .compressed(Compression::Gzip),
        )
        .layer(
            Layer::new()
                .file("root/.ssh/id_rsa", "-----BEGIN KEY-----")
                .compressed(Compression::Zstd),
        );
    let v = validate(&Archive::new(Layout::OciArchive).image(image).to_bytes());
    assert_valid(&v);
    let i = &v.report.images[0];
    assert_eq!(i.layers[0].compression, Compression::Gzip);
    assert_eq!(i.layers[1].compression, Compression::Zstd);
    assert!(i.layers[0].stored_size < i.layers[0].uncompressed_size);
    let ids: Vec<&str> = i.hints.iter().map(|h| h.id).collect();
    assert_eq!(
        ids,
        [
            "hint.runs_as_root",
            "hint.no_healthcheck",
            "hint.latest_tag",
            "hint.package_cache",
            "hint.secret_files"
        ]
    );
}

#[test]
fn several_images_share_layers_through_symlinks() {
    let base = Layer::new().file("bin/sh", vec![1u8; 3000]);
    let a = ImageBuilder::new()
        .tag("team/a:1")
        .layer(base.clone())
        .layer(Layer::new().file("a", "a"));
    let b = ImageBuilder::new()
        .tag("team/b:1")
        .tag("team/b:2")
        .layer(base);
    let bytes = Archive::new(Layout::DockerArchive)
        .image(a)
        .image(b)
        .to_bytes();
    let v = validate(&bytes);
    assert_valid(&v);
    assert_eq!(v.report.images.len(), 2);
    assert_eq!(v.report.images[1].references.len(), 2);
    assert_eq!(
        v.report.images[0].layers[0].diff_id,
        v.report.images[1].layers[0].diff_id
    );
}

#[test]
fn tags_sharing_one_oci_manifest_make_one_image() {
    let layer = Layer::new().file("a", "a");
    let image = |tag: &str| ImageBuilder::new().tag(tag).layer(layer.clone());
    let bytes = Archive::new(Layout::OciArchive)
        .image(image("team/app:1.0"))
        .image(image("team/app:stable"))
        .to_bytes();
    let v = validate(&bytes);
    assert_valid(&v);
    assert_eq!(v.report.images.len(), 1);
    assert_eq!(
        v.report.images[0].references,
        ["team/app:1.0", "team/app:stable"]
    );
}

#[test]
fn untagged_images_and_absent_platforms_are_warnings() {
    let untagged = Archive::new(Layout::DockerArchive)
        .image(ImageBuilder::new().layer(Layer::new().file("a", "a")));
    let v = validate(&untagged.to_bytes());
    assert_valid(&v);
    assert_eq!(rules(&v, Severity::Warning), vec![Rule::ReferenceUntagged]);

    // Docker's containerd store: compressed blobs, an index naming an absent platform.
    let compressed = ImageBuilder::new()
        .tag("docker.io/team/app:1.0")
        .layer(
            Layer::new()
                .file("app/bin", vec![7u8; 9000])
                .compressed(Compression::Gzip),
        )
        .layer(
            Layer::new()
                .file("app/conf", "x")
                .compressed(Compression::Zstd),
        );
    let containerd = Archive::new(Layout::DockerOciLayout)
        .image(compressed)
        .with_missing_platform();
    let v = validate(&containerd.to_bytes());
    assert_valid(&v);
    assert_eq!(
        rules(&v, Severity::Warning),
        vec![Rule::IndexPlatformMissing]
    );
    assert!(v.findings[0].message.contains("linux/arm64/v8"));
    let layers = &v.report.images[0].layers;
    assert_eq!(layers[0].compression, Compression::Gzip);
    assert_eq!(layers[1].compression, Compression::Zstd);

    let oci = Archive::new(Layout::OciArchive)
        .image(sample_image())
        .with_missing_platform();
    let v = validate(&oci.to_bytes());
    assert_valid(&v);
    assert_eq!(v.report.images.len(), 1);
}

#[test]
fn more_than_twenty_layers_is_a_warning() {
    let mut image = ImageBuilder::new().tag("team/app:1");
    for n in 0..22 {
        image = image.layer(Layer::new().file(&format!("f{n}"), vec![b'x'; 10]));
    }
    let v = validate(&Archive::new(Layout::DockerArchive).image(image).to_bytes());
    assert_valid(&v);
    assert_eq!(rules(&v, Severity::Warning), vec![Rule::LayerCountHigh]);
    let ids: Vec<&str> = v.report.images[0].hints.iter().map(|h| h.id).collect();
    assert!(ids.contains(&"hint.many_tiny_layers"));
}

#[test]
fn every_broken_fixture_is_reported_with_its_rule() {
    let catalogue = broken::catalogue();
    assert!(
        catalogue.len() >= 30,
        "only {} broken fixtures",
        catalogue.len()
    );
    let mut failures = Vec::new();
    for f in &catalogue {
        let v = validate(&f.bytes);
        let errors = rules(&v, Severity::Error);
        if v.is_valid() || !errors.contains(&f.expect) {
            failures.push(format!(
                "{}: expected {} got {:?}",
                f.name,
                f.expect.id(),
                errors
            ));
        }
        for finding in &v.findings {
            assert_eq!(finding.file, "test.tar");
            assert!(!finding.message.is_empty() && !finding.advice.is_empty());
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn pax_sizes_near_u64_max_are_errors_naming_the_entry() {
    let catalogue = broken::catalogue();
    let bytes = |name: &str| {
        catalogue
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.bytes.clone())
            .unwrap()
    };

    // In a layer: the layer is not a valid tar, and the message names the entry and its size.
    let v = validate(&bytes("layer-pax-size-overflow"));
    let f = v.errors().find(|f| f.rule == Rule::LayerNotTar).unwrap();
    assert!(f.entry.as_deref().unwrap().ends_with("/layer.tar"), "{f:?}");
    assert!(f.message.contains("`app/huge.bin`"), "{}", f.message);
    assert!(f.message.contains("18446744073709551615"), "{}", f.message);

    // At the top level: the archive is corrupt, and the finding is about that entry.
    let v = validate(&bytes("pax-size-overflow"));
    let f = v.errors().find(|f| f.rule == Rule::TarCorrupt).unwrap();
    assert_eq!(f.entry.as_deref(), Some("pipe"));
    assert!(
        f.message.contains(&(u64::MAX - 510).to_string()),
        "{}",
        f.message
    );
}

#[test]
fn layer_paths_past_the_byte_cap_stop_the_file_index_with_a_warning() {
    // The index keeps at most 64 MiB of layer paths per archive. 1,200 names of 60,000 bytes
    // (72 MB) pass it with far fewer entries than the 200,000-entry cap; zstd shrinks the layer
    // so the archive itself stays small.
    let filler = "n".repeat(60_000);
    let mut layer = Layer::new();
    for i in 0..1_200 {
        layer = layer.file(&format!("d{i:04}/{filler}"), "x");
    }
    let image = ImageBuilder::new()
        .tag("team/app:1")
        .layer(layer.compressed(Compression::Zstd));
    let bytes = Archive::new(Layout::OciArchive).image(image).to_bytes();
    assert!(bytes.len() < 8 << 20, "{} bytes", bytes.len());
    let v = validate(&bytes);
    assert_valid(&v);
    assert_eq!(rules(&v, Severity::Warning), vec![Rule::LayerFilesCapped]);
    let warning = v.warnings().next().unwrap();
    assert!(warning.message.contains("64 MiB"), "{}", warning.message);
    let image = &v.report.images[0];
    assert_eq!(image.layers[0].entries, 1_200);
    assert!(image.efficiency.as_ref().unwrap().capped);
}

#[test]
fn every_truncation_of_an_archive_is_an_error_not_a_panic() {
    let bytes = Archive::new(Layout::OciArchive)
        .image(sample_image())
        .compressed(Compression::Gzip)
        .to_bytes();
    for cut in (0..bytes.len()).step_by(97) {
        let v = validate(&bytes[..cut]);
        assert!(!v.is_valid(), "cut at {cut} of {} passed", bytes.len());
    }
}

#[test]
fn progress_is_reported_and_cancel_stops_with_a_finding() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    let big = ImageBuilder::new()
        .tag("team/app:1")
        .layer(Layer::new().file("blob", vec![3u8; 3 << 20]));
    let bytes = Archive::new(Layout::DockerArchive).image(big).to_bytes();

    let seen = AtomicU64::new(0);
    let progress = |n: u64| seen.store(n, Ordering::Relaxed);
    let watch = Watch {
        progress: Some(&progress),
        cancel: None,
    };
    let v = validate_reader_watched(&bytes[..], "big.tar", watch);
    assert_valid(&v);
    assert_eq!(seen.load(Ordering::Relaxed), bytes.len() as u64);

    let cancel = AtomicBool::new(false);
    let stop_early = |n: u64| {
        if n > 1 << 20 {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let watch = Watch {
        progress: Some(&stop_early),
        cancel: Some(&cancel),
    };
    let v = validate_reader_watched(&bytes[..], "big.tar", watch);
    assert_eq!(rules(&v, Severity::Error), vec![Rule::Cancelled]);
    assert!(v.report.images.is_empty());
}

#[test]
fn random_damage_never_panics_and_is_mostly_caught() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let originals: Vec<Vec<u8>> = [
        Layout::DockerArchive,
        Layout::DockerOciLayout,
        Layout::OciArchive,
    ]
    .into_iter()
    .flat_map(|layout| {
        [Compression::None, Compression::Gzip, Compression::Zstd].map(|c| {
            Archive::new(layout)
                .image(sample_image())
                .compressed(c)
                .to_bytes()
        })
    })
    .collect();
    let mut caught = 0;
    let mut total = 0;
    for original in &originals {
        for _ in 0..40 {
            let mut bytes = original.clone();
            for _ in 0..=(next() % 4) {
                let at = (next() % bytes.len() as u64) as usize;
                bytes[at] ^= (next() % 255 + 1) as u8;
            }
            let v = validate(&bytes);
            total += 1;
            if !v.is_valid() {
                caught += 1;
            }
        }
    }
    // Flips in tar padding or unused header fields are harmless; most flips are not.
    assert!(
        caught * 10 >= total * 7,
        "only {caught} of {total} damaged archives were invalid"
    );
}
