//! End-to-end tests of `quotecheck report` and `quotecheck review`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn quotecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qc-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_default_command_prints_the_text_report() {
    let text = stdout(&quotecheck(&[]));
    assert!(text.contains("Speakers and their quotations"), "{text}");
    assert!(text.contains("Claims, most check-worthy first"), "{text}");
    assert!(text.contains("February 2022"), "{text}");
    assert_eq!(text, stdout(&quotecheck(&["analyze"])));
    assert_eq!(text, stdout(&quotecheck(&["report"])));
}

#[test]
fn every_format_runs_on_the_seed() {
    let md = stdout(&quotecheck(&["report", "--format", "markdown"]));
    assert!(md.starts_with("# quotecheck report"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&quotecheck(&["report", "--format", "json"]))).unwrap();
    assert!(!json["claims"].as_array().unwrap().is_empty());
    let jsonl = stdout(&quotecheck(&["report", "--format", "jsonl"]));
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["type"].is_string() && !v["data"].is_null(), "{line}");
    }
    let types: Vec<String> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["type"].to_string())
        .collect();
    assert_eq!(types.first().map(String::as_str), Some("\"begin\""));
    assert_eq!(types.last().map(String::as_str), Some("\"end\""));
    assert!(types.iter().any(|t| t == "\"claim\""));
    let cr = stdout(&quotecheck(&["report", "--format", "claimreview"]));
    assert_eq!(cr.trim(), "[]", "no verdicts, no ClaimReview");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let piped = stdout(&quotecheck(&["report"]));
    assert!(!piped.contains('\x1b'));
    let forced = stdout(&quotecheck(&["report", "--color", "always"]));
    assert!(forced.contains("\x1b["));
    let out = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["report", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\x1b'));
}

fn claim_ids(review_file: &Path) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(review_file).unwrap()).unwrap();
    v["reviews"].as_object().unwrap().keys().cloned().collect()
}

#[test]
fn review_then_claimreview_then_edit() {
    let dir = temp_dir("review");
    let article = dir.join("a.txt");
    let reviews = dir.join("reviews.json");
    std::fs::write(
        &article,
        "The fund holds 19 billion dollars.\n\nExports rose 12 percent in 2021.\n",
    )
    .unwrap();
    let a = article.to_str().unwrap();
    let r = reviews.to_str().unwrap();

    let first = stdout(&quotecheck(&["review", a, "-f", r]));
    assert!(first.contains("0 kept, 2 new, 0 orphaned"), "{first}");
    let ids = claim_ids(&reviews);
    assert_eq!(ids.len(), 2);

    let set = stdout(&quotecheck(&[
        "review",
        a,
        "-f",
        r,
        "--set",
        &ids[0],
        "--status",
        "false",
        "--verdict",
        "Wrong figure.",
        "--reviewer",
        "Desk",
        "--reviewed",
        "2024-05-17",
    ]));
    assert!(set.contains("2 kept"), "{set}");

    let cr = stdout(&quotecheck(&[
        "report",
        a,
        "--format",
        "claimreview",
        "--review",
        r,
        "--url",
        "https://news.example/a",
    ]));
    let items: serde_json::Value = serde_json::from_str(&cr).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["url"], "https://news.example/a");
    assert_eq!(items[0]["reviewRating"]["alternateName"], "Wrong figure.");
    assert_eq!(items[0]["datePublished"], "2024-05-17");

    // Edit: reorder and change the other claim's number.
    std::fs::write(
        &article,
        "Exports rose 12 percent\nin 2021.\n\nThe fund holds 20 billion dollars.\n",
    )
    .unwrap();
    let again = stdout(&quotecheck(&["review", a, "-f", r]));
    assert!(again.contains("1 new"), "{again}");
    assert!(again.contains("1 orphaned"), "{again}");

    let bad = quotecheck(&[
        "review", a, "-f", r, "--set", "qc-nope", "--status", "false",
    ]);
    assert!(!bad.status.success());
    std::fs::remove_dir_all(&dir).ok();
}
