//! Runs the real `swrctl` binary on generated archives and checks what a pipeline sees:
//! exit codes, JSON Lines records and readable output.

// Helpers outside #[test] functions panic on setup failures, as tests should.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use swr_archive::fixtures::{broken, sample_image, Archive, Layout};
use swr_archive::Compression;

fn swrctl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_swrctl"))
        .args(args)
        .output()
        .unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn valid_files_exit_zero_with_one_json_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.tar",
        &Archive::new(Layout::DockerArchive)
            .image(sample_image())
            .to_bytes(),
    );
    // Named .tar but gzip inside: recognised by content.
    let gz = Archive::new(Layout::OciArchive)
        .image(sample_image())
        .compressed(Compression::Gzip)
        .to_bytes();
    let b = write(dir.path(), "b.tar", &gz);
    let out = swrctl(&[
        "validate",
        "--json",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let records = lines(&out);
    assert_eq!(records.len(), 2);
    for (record, path) in records.iter().zip([&a, &b]) {
        assert_eq!(record["file"], path.to_str().unwrap());
        assert_eq!(record["verdict"], "valid");
        assert_eq!(record["errors"], Value::Array(vec![]));
        assert!(record["warnings"].is_array());
        assert_eq!(
            record["report"]["images"][0]["references"][0],
            "team-a/web:1.0"
        );
    }
    assert_eq!(records[1]["report"]["compression"], "gzip");
    assert_eq!(records[1]["report"]["format"], "oci-archive");
}

#[test]
fn any_invalid_file_exits_one_and_names_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.tar",
        &Archive::new(Layout::DockerArchive)
            .image(sample_image())
            .to_bytes(),
    );
    let fixture = broken::catalogue()
        .into_iter()
        .find(|f| f.name == "diff-id-mismatch")
        .unwrap();
    let bad = write(dir.path(), "bad.tar", &fixture.bytes);
    let out = swrctl(&[
        "validate",
        "--json",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let records = lines(&out);
    assert_eq!(records[0]["verdict"], "valid");
    assert_eq!(records[1]["verdict"], "invalid");
    let error = &records[1]["errors"][0];
    assert_eq!(error["rule"], "layer.diff_id_mismatch");
    assert_eq!(error["severity"], "error");
    assert!(error["entry"].as_str().unwrap().ends_with("/layer.tar"));
    assert!(!error["advice"].as_str().unwrap().is_empty());
}

#[test]
fn missing_file_is_invalid_not_a_crash() {
    let out = swrctl(&["validate", "--json", "/nonexistent/image.tar"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out)[0]["errors"][0]["rule"], "file.unreadable");
}

#[test]
fn dash_reads_the_archive_from_stdin() {
    use std::io::Write;
    use std::process::Stdio;
    let bytes = Archive::new(Layout::DockerArchive)
        .image(sample_image())
        .compressed(Compression::Zstd)
        .to_bytes();
    let mut child = Command::new(env!("CARGO_BIN_EXE_swrctl"))
        .args(["validate", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let record = &lines(&out)[0];
    assert_eq!(record["file"], "-");
    assert_eq!(record["report"]["compression"], "zstd");
    assert_eq!(record["report"]["file_size"], bytes.len());
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(swrctl(&["validate"]).status.code(), Some(2));
    assert_eq!(
        swrctl(&["validate", "--no-such-flag", "x.tar"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(swrctl(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn readable_output_shows_report_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.tar",
        &Archive::new(Layout::DockerArchive)
            .image(sample_image())
            .to_bytes(),
    );
    let out = swrctl(&["validate", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("good.tar: valid"), "{text}");
    assert!(text.contains("image team-a/web:1.0  linux/amd64"), "{text}");
    assert!(text.contains("efficiency"), "{text}");

    let fixture = broken::catalogue()
        .into_iter()
        .find(|f| f.name == "parent-traversal")
        .unwrap();
    let bad = write(dir.path(), "evil.tar", &fixture.bytes);
    let out = swrctl(&["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("evil.tar: invalid"), "{text}");
    assert!(
        text.contains("error [tar.parent_traversal] ../../evil.sh:"),
        "{text}"
    );
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_command_quietly() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.tar",
        &Archive::new(Layout::DockerArchive)
            .image(sample_image())
            .to_bytes(),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_swrctl"))
        .args(["validate", a.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // As `swrctl … | head -0` would: the reading end is gone before anything is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
