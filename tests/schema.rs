//! The shipped JSON Schema (`schema/analysis.schema.json`) describes real
//! output: the CLI's `analyze --format json` on the seed and the claim
//! fixtures, and an analysis holding attributed quotations.
//!
//! The validator below implements the subset of JSON Schema the file uses
//! (`type`, `enum`, `properties`, `required`, `additionalProperties:
//! false`, `items`, `anyOf`, `$ref` to `#/$defs/…`, `minimum`, `maximum`);
//! a test checks the file uses no other validation keyword, apart from
//! `pattern`, which is checked on claim IDs directly.

use std::process::Command;

use quotecheck::{
    Analyzer, Cue, Document, Quote, QuoteKind, Span, Speaker, SpeakerKind, SpeakerMention,
};
use serde_json::Value;

const SCHEMA: &str = include_str!("../schema/analysis.schema.json");

const KEYWORDS: &[&str] = &[
    "type",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "anyOf",
    "$ref",
    "minimum",
    "maximum",
    "pattern",
    // annotations
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
];

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_u64() || v.is_i64(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn validate(root: &Value, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        validate(root, &root["$defs"][name], v, path, errors);
    }
    if let Some(t) = schema.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)),
            _ => false,
        };
        if !ok {
            errors.push(format!("{path}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if !options.contains(v) {
            errors.push(format!("{path}: {v} not in {options:?}"));
        }
    }
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = any.iter().any(|s| {
            let mut e = Vec::new();
            validate(root, s, v, path, &mut e);
            e.is_empty()
        });
        if !fits {
            errors.push(format!("{path}: {v} matches none of anyOf"));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            errors.push(format!("{path}: {n} < {min}"));
        }
    }
    if let (Some(max), Some(n)) = (schema.get("maximum").and_then(Value::as_f64), v.as_f64()) {
        if n > max {
            errors.push(format!("{path}: {n} > {max}"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !obj.contains_key(req.as_str().unwrap()) {
                errors.push(format!("{path}: missing {req}"));
            }
        }
        for (k, child) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(root, s, child, &format!("{path}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected property {k}"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, child) in arr.iter().enumerate() {
            validate(root, items, child, &format!("{path}[{i}]"), errors);
        }
    }
}

fn check(v: &Value) {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut errors = Vec::new();
    validate(&schema, &schema, v, "$", &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    for claim in v["claims"].as_array().unwrap() {
        let id = claim["id"].as_str().unwrap();
        let hex = id.strip_prefix("qc-").unwrap();
        let hex = hex.split('-').next().unwrap();
        assert!(
            hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            "{id}"
        );
    }
}

fn keywords_in(v: &Value, out: &mut Vec<String>) {
    if let Some(obj) = v.as_object() {
        for (k, child) in obj {
            if k == "properties" || k == "$defs" {
                for grand in child.as_object().unwrap().values() {
                    keywords_in(grand, out);
                }
            } else {
                out.push(k.clone());
                keywords_in(child, out);
            }
        }
    } else if let Some(arr) = v.as_array() {
        for child in arr {
            keywords_in(child, out);
        }
    }
}

#[test]
fn the_schema_uses_only_keywords_the_validator_knows() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut used = Vec::new();
    keywords_in(&schema, &mut used);
    for k in used {
        assert!(KEYWORDS.contains(&k.as_str()), "unsupported keyword {k}");
    }
}

#[test]
fn cli_json_of_the_seed_and_fixtures_fits_the_schema() {
    let mut args = vec![
        "analyze".to_owned(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/claims");
    for entry in std::fs::read_dir(dir).unwrap() {
        args.push(entry.unwrap().path().display().to_string());
    }
    for args in [&args[..3], &args[..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        let stream = serde_json::Deserializer::from_slice(&out.stdout).into_iter::<Value>();
        let mut n = 0;
        for v in stream {
            check(&v.unwrap());
            n += 1;
        }
        assert!(n >= 1);
    }
}

#[test]
fn an_analysis_with_attributed_quotations_fits_the_schema() {
    let text = "“The port handles 40 percent of the trade,” said Ann Lee, the harbour master.";
    let doc = Document::new("q", text);
    let mut analysis = Analyzer::default().analyze(&doc);
    let content = Span::new(3, 44);
    analysis.quotes = vec![Quote {
        span: Span::new(0, 47),
        text: content.text(text).to_owned(),
        content,
        kind: QuoteKind::Direct,
        closed: true,
        speaker: Some(SpeakerMention {
            span: Span::new(53, 60),
            text: "Ann Lee".into(),
            name: "Ann Lee".into(),
            description: Some("harbour master".into()),
        }),
        cue: Some(Cue {
            span: Span::new(48, 52),
            text: "said".into(),
            lemma: "say".into(),
        }),
        via: None,
        addressee: None,
        confidence: 0.9,
        pattern: Some("quote-said-name".into()),
    }];
    analysis.speakers = vec![Speaker {
        name: "Ann Lee".into(),
        kind: SpeakerKind::Person,
        description: Some("harbour master".into()),
        mentions: vec![],
    }];
    let v = serde_json::to_value(&analysis).unwrap();
    check(&v);

    let mut broken = v.clone();
    broken["quotes"][0]["kind"] = Value::String("shouted".into());
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut errors = Vec::new();
    validate(&schema, &schema, &broken, "$", &mut errors);
    assert!(!errors.is_empty(), "the validator must reject a bad kind");
}
