//! End-to-end tests of the `quotecheck` binary.

use std::io::Write;
use std::process::{Command, Stdio};

fn quotecheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
}

#[test]
fn no_arguments_reports_on_the_seed_article() {
    let out = quotecheck().output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("blinken-lavrov-g20"), "{stdout}");
    assert!(stdout.contains("Antony Blinken"), "{stdout}");
}

#[test]
fn analyze_json_has_sentence_spans_into_the_input() {
    let text = "First one. Second one.";
    let mut child = quotecheck()
        .args(["analyze", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sentences = json["sentences"].as_array().unwrap();
    assert!(!sentences.is_empty());
    for s in sentences {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(
            &text[start as usize..end as usize],
            s["text"].as_str().unwrap()
        );
    }
}

#[test]
fn invalid_utf8_names_the_file_and_offset() {
    let dir = std::env::temp_dir().join(format!("quotecheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"Hello.\xff World.").unwrap();
    let out = quotecheck().arg("sentences").arg(&path).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("bad.txt"), "{stderr}");
    assert!(stderr.contains("offset 6"), "{stderr}");

    let out = quotecheck()
        .arg("sentences")
        .arg(&path)
        .arg("--lossy")
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn analyze_a_folder_reports_on_each_article_in_order() {
    let dir = std::env::temp_dir().join(format!("quotecheck-folder-{}", std::process::id()));
    let sub = dir.join("more");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("b.txt"), "\"We will win,\" Ann Lee said.").unwrap();
    std::fs::write(dir.join("a.txt"), "The mayor spoke on Monday.").unwrap();
    std::fs::write(dir.join("notes.md"), "not an article").unwrap();
    std::fs::write(sub.join("c.txt"), "Rain is due.").unwrap();
    let out = quotecheck().arg("analyze").arg(&dir).output().unwrap();
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let none = quotecheck().arg("analyze").arg(&empty).output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let at = |name: &str| {
        stdout
            .find(name)
            .unwrap_or_else(|| panic!("{name}: {stdout}"))
    };
    assert!(at("a.txt") < at("b.txt") && at("b.txt") < at("c.txt"));
    assert!(!stdout.contains("notes.md"));
    assert!(stdout.contains("Ann Lee"));

    assert!(!none.status.success());
    let stderr = String::from_utf8(none.stderr).unwrap();
    assert!(stderr.contains("no .txt articles"), "{stderr}");
}
