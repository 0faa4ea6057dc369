//! The Spark path: `spark/quotecheck_spark.py` on local PySpark
//! (`local[2]`). Skips, with a message, when PySpark or Java is missing.
//! The Python it uses is `$QUOTECHECK_PYTHON`, else `.peers/bin/python`,
//! else `python3`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn python() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join(".peers/bin/python");
    let candidates = std::env::var_os("QUOTECHECK_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .chain([local, PathBuf::from("python3")]);
    for python in candidates {
        let ok = Command::new(&python)
            .args(["-c", "import pyspark"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(python);
        }
    }
    None
}

fn java_works() -> bool {
    Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn spark_runs_batch_mode_over_partitions() {
    let Some(python) = python() else {
        eprintln!("skipped: no Python with pyspark (set QUOTECHECK_PYTHON or make .peers)");
        return;
    };
    if !java_works() {
        eprintln!("skipped: no java for Spark");
        return;
    }
    let dir = std::env::temp_dir().join(format!("quotecheck-spark-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.jsonl");
    let mut lines = String::new();
    for i in 0..30 {
        let text = "“It is done,” the mayor said. Rain fell. ".repeat(1 + i % 4);
        lines.push_str(&serde_json::json!({"id": format!("a{i}"), "text": text}).to_string());
        lines.push('\n');
    }
    lines.push_str("{\"id\":\"broken\",\"text\":\n");
    std::fs::write(&input, lines).unwrap();
    let output = dir.join("out");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("spark/quotecheck_spark.py");
    let out = Command::new(&python)
        .arg(script)
        .args(["--master", "local[2]", "--partitions", "2", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_quotecheck"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "one record is broken\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("30 analyses, 1 errors"), "{stdout}");

    let mut ids = BTreeSet::new();
    let mut errors = Vec::new();
    for entry in std::fs::read_dir(&output).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("part-") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let m: serde_json::Value = serde_json::from_str(line).unwrap();
            match m["type"].as_str() {
                Some("analysis") => {
                    assert!(!m["data"]["sentences"].as_array().unwrap().is_empty());
                    ids.insert(m["data"]["id"].as_str().unwrap().to_owned());
                }
                _ => errors.push(m["id"].as_str().unwrap_or("").to_owned()),
            }
        }
    }
    assert_eq!(ids.len(), 30);
    assert_eq!(errors, ["broken"]);
    std::fs::remove_dir_all(&dir).ok();
}
