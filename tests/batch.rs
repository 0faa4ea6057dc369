//! End-to-end tests of batch mode, `quotecheck analyze --jsonl`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn batch(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["analyze", "--jsonl"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn messages(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotecheck-batch-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn output_keeps_input_order_across_threads() {
    // Records of very different sizes, so a parallel run finishes them out
    // of order.
    let mut input = String::new();
    for i in 0..300 {
        let text = "A sentence here. ".repeat(if i % 7 == 0 { 1_000 } else { 1 + i % 5 });
        input.push_str(&serde_json::json!({"id": format!("r{i}"), "text": text}).to_string());
        input.push('\n');
    }
    for threads in ["1", "2", "3"] {
        let out = batch(&["--threads", threads], input.as_bytes());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let msgs = messages(&out);
        assert_eq!(msgs.len(), 300);
        for (i, m) in msgs.iter().enumerate() {
            assert_eq!(m["type"], "analysis");
            assert_eq!(m["line"], i + 1);
            assert_eq!(m["data"]["id"], format!("r{i}"));
        }
    }
}

#[test]
fn bad_records_give_error_messages_and_exit_code_1() {
    let input = concat!(
        "{\"id\":\"ok\",\"text\":\"Fine. Really.\"}\n",
        "\n",
        "{\"id\":\"no-text\"}\n",
        "this is not json\n",
        "{\"id\":\"wrong-type\",\"text\":[1]}\n",
        "{\"text\":\"No id, \\ud800 lone surrogate.\",\"url\":\"https://example.org/a\"}\r\n",
        "{\"id\":\"last\",\"text\":\"End.\"}",
    );
    let out = batch(&[], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let msgs = messages(&out);
    let summary: Vec<_> = msgs
        .iter()
        .map(|m| (m["type"].as_str().unwrap(), m["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            ("analysis", 1),
            ("error", 3),
            ("error", 4),
            ("error", 5),
            ("analysis", 6),
            ("analysis", 7)
        ]
    );
    assert_eq!(msgs[1]["id"], "no-text");
    assert!(msgs[1]["message"].as_str().unwrap().contains("text"));
    assert_eq!(msgs[2]["id"], serde_json::Value::Null);
    assert_eq!(msgs[3]["id"], "wrong-type");
    assert_eq!(msgs[4]["data"]["id"], "<stdin>:6");
    assert!(msgs[4]["notes"][0].as_str().unwrap().contains("surrogate"));
    assert!(
        msgs[4]["data"]["sentences"][0]["text"]
            .as_str()
            .unwrap()
            .contains('\u{FFFD}')
    );
    assert_eq!(msgs[4]["source"], "<stdin>");
}

#[test]
fn text_files_folders_and_jsonl_files_mix() {
    let dir = temp_dir("mix");
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a.txt"), "First article. It is short.").unwrap();
    std::fs::write(dir.join("b/c.txt"), "Nested article.").unwrap();
    std::fs::write(dir.join("b/bad.txt"), b"Bad \xff byte.").unwrap();
    std::fs::write(dir.join("ignored.md"), "# not an article").unwrap();
    std::fs::write(
        dir.join("d.jsonl"),
        "{\"id\":\"j1\",\"text\":\"From JSON.\"}\n",
    )
    .unwrap();
    let out = batch(&[dir.to_str().unwrap()], b"");
    assert_eq!(
        out.status.code(),
        Some(1),
        "the invalid UTF-8 article fails"
    );
    let msgs = messages(&out);
    let ids: Vec<_> = msgs
        .iter()
        .map(|m| {
            let id = if m["type"] == "analysis" {
                &m["data"]["id"]
            } else {
                &m["id"]
            };
            let id = id.as_str().unwrap();
            id.rsplit('/').next().unwrap().to_owned()
        })
        .collect();
    assert_eq!(ids, ["a.txt", "j1", "bad.txt", "c.txt"]);
    assert_eq!(msgs[2]["type"], "error");
    assert!(msgs[0].get("line").is_none());

    let out = batch(&["--lossy", dir.join("b").to_str().unwrap()], b"");
    assert!(out.status.success());
    assert_eq!(messages(&out).len(), 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_file_is_an_error_record_and_the_run_goes_on() {
    let dir = temp_dir("missing");
    let good = dir.join("good.jsonl");
    std::fs::write(&good, "{\"id\":\"g\",\"text\":\"Good.\"}\n").unwrap();
    let missing = dir.join("missing.jsonl");
    let out = batch(&[missing.to_str().unwrap(), good.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let msgs = messages(&out);
    assert_eq!(msgs.len(), 2);
    assert_eq!(msgs[0]["type"], "error");
    assert_eq!(msgs[1]["data"]["id"], "g");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn no_progress_line_when_stderr_is_not_a_terminal() {
    let out = batch(&[], b"{\"id\":\"x\",\"text\":\"Hi.\"}\n");
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_oversized_record_is_skipped_and_the_next_one_read() {
    // Longer than the 64 MiB record limit, on one line.
    let mut input = Vec::with_capacity(70 << 20);
    input.extend_from_slice(b"{\"id\":\"huge\",\"text\":\"");
    input.resize(input.len() + (65 << 20), b'a');
    input.extend_from_slice(b"\"}\n{\"id\":\"after\",\"text\":\"Still read.\"}\n");
    let out = batch(&[], &input);
    assert_eq!(out.status.code(), Some(1));
    let msgs = messages(&out);
    assert_eq!(msgs.len(), 2);
    assert_eq!(msgs[0]["type"], "error");
    assert_eq!(msgs[0]["line"], 1);
    assert!(msgs[0]["message"].as_str().unwrap().contains("longer than"));
    assert_eq!(msgs[1]["data"]["id"], "after");
    assert_eq!(msgs[1]["line"], 2);
}

#[test]
fn answers_each_record_before_the_input_ends() {
    // A caller may feed one record and wait for its answer (a co-process):
    // the batch mode must not hold records back waiting for a full chunk.
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["analyze", "--jsonl", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    for i in 0..3 {
        writeln!(input, "{{\"id\":\"c{i}\",\"text\":\"Hello {i}.\"}}").unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        output.read_line(&mut line).unwrap();
        let m: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(m["data"]["id"], format!("c{i}"));
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}
