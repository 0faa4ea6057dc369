//! Inputs that break naive parsers. Each one runs the full pipeline and
//! must finish without a panic, with every span inside the text and on
//! char boundaries. Linear time is shown by the bench (`cargo bench
//! --bench pipeline`, scaling section), not asserted here.

mod common;

use common::invariants::check_analysis;
use quotecheck::{Analyzer, Document, jsonl};

/// Runs every public entry point on `text` and checks the invariants.
fn survives(name: &str, text: &str) {
    let analyzer = Analyzer::default();
    let doc = Document::new(name, text);
    let analysis = analyzer.analyze(&doc);
    check_analysis(text, &analysis);
    assert_eq!(analysis.id, name);
    assert_eq!(
        analyzer.sentences(&doc),
        analysis.sentences,
        "{name}: sentences() differs"
    );
    assert_eq!(
        analyzer.quotations(&doc),
        analysis.quotes,
        "{name}: quotations() differs"
    );
}

/// Repeats `unit` until the text reaches `bytes`.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

#[test]
fn ten_megabyte_single_line() {
    let unit =
        "The minister said “we will not move” on Tuesday, and Dr. Okafor (of the U.N.) disagreed. ";
    let text = repeat_to(unit, 10_000_000);
    assert!(!text.contains('\n'));
    survives("10mb-line", &text);
}

#[test]
fn two_megabytes_without_any_punctuation() {
    survives("no-punct", &repeat_to("word ", 2_000_000));
}

#[test]
fn hundred_thousand_unbalanced_quotation_marks() {
    for mark in ["“", "”", "\"", "‘", "’", "«", "'"] {
        let text = repeat_to(&format!("{mark}word "), 100_000 * (mark.len() + 5));
        survives(&format!("unbalanced {mark}"), &text);
        let text = format!("{}.", mark.repeat(100_000));
        survives(&format!("only {mark}"), &text);
    }
    // One opening mark per paragraph, never closed.
    survives(
        "open per paragraph",
        &repeat_to("“It was late, she said.\n\n", 300_000),
    );
}

#[test]
fn deeply_nested_quotations_and_parentheses() {
    const DEPTH: usize = 20_000;
    let nested = format!("{}core.{}", "“‘".repeat(DEPTH), "’”".repeat(DEPTH));
    survives("nested quotes", &nested);
    let nested = format!("He said {}x{} today.", "(".repeat(DEPTH), ")".repeat(DEPTH));
    survives("nested parens", &nested);
    let nested = format!("{}x.", "«(“[‘".repeat(DEPTH));
    survives("nested, never closed", &nested);
    let closers = format!("x.{}", "’”)]»".repeat(DEPTH));
    survives("closers only", &closers);
}

#[test]
fn nul_bytes_and_control_chars() {
    survives("nul", "Hello.\0\0 World\0. \"\0\" she\0 said.");
    survives("all nul", &"\0".repeat(100_000));
    survives(
        "controls",
        "A\u{1}B.\u{7}\u{8} C\u{1b}[31m red.\u{7f} “x\u{0}”",
    );
}

#[test]
fn lone_surrogates_in_json_escapes_keep_the_record() {
    let line =
        br#"{"id":"s1","text":"\u201cWe won\ud800,\u201d she said. \udfff Bye \ud83d\ude00."}"#;
    let record = jsonl::parse_record(line, "fallback").expect("the record is repaired, not lost");
    assert_eq!(record.repairs.lone_surrogates, 2);
    assert_eq!(record.document.id, "s1");
    assert!(record.document.text.contains("won\u{FFFD},"));
    assert!(record.document.text.contains('😀'));
    survives("surrogates", &record.document.text);

    let line = format!(r#"{{"text":"{}"}}"#, r"\ud800x".repeat(10_000));
    let record = jsonl::parse_record(line.as_bytes(), "many").unwrap();
    assert_eq!(record.repairs.lone_surrogates, 10_000);
    survives("many surrogates", &record.document.text);
}

#[test]
fn crlf_and_cr_only_line_ends() {
    let lf = "Headline\n\nBy Jane Doe\n\n“We are ready,” Mayor Lee said.\nShe left. Then rain.\n\nEnd.\n";
    survives("crlf", &lf.replace('\n', "\r\n"));
    survives("cr only", &lf.replace('\n', "\r"));
    survives("mixed", "One.\r\n\r\rTwo.\n\r\nThree.\r");
    survives("many cr", &"\r".repeat(100_000));
    survives("many crlf", &repeat_to("x.\r\n", 300_000));
}

#[test]
fn byte_order_marks() {
    survives("bom", "\u{FEFF}“Yes,” he said.\n\nNo.");
    survives("bom only", "\u{FEFF}");
    survives(
        "boms inside",
        "One.\u{FEFF} Two.\u{FEFF}\u{FEFF}\n\n\u{FEFF}Three.",
    );
}

#[test]
fn mixed_scripts() {
    survives(
        "mixed",
        "Москва заявила: «Мы готовы». 东京的官员说：“我们准备好了。”然后离开。 \
         मंत्री ने कहा, “हम तैयार हैं।” Ο υπουργός είπε «ναι». 「はい」と彼は言った。 \
         Dr. Müller-Łukasiewicz sagte: „Wir sind bereit.“",
    );
}

#[test]
fn right_to_left_text() {
    survives(
        "rtl",
        "قال الوزير: «نحن مستعدون». هل انتهى الأمر؟ \u{200F}لا.\u{200F}\n\n\
         השר אמר: ”אנחנו מוכנים“. \u{202B}embedded\u{202C} \u{2067}isolate\u{2069}. \
         وقال \"الاتفاق جاهز\"، مضيفا أن ۔",
    );
}

#[test]
fn emoji() {
    survives(
        "emoji",
        "“We won 🏆🎉,” she said. 👩‍👩‍👧‍👦 families cheered! 🇳🇬🇯🇵 flags. 👍🏽. \
         ‼️ Really?! 🙂\u{FE0F}“😀”. 1️⃣ 2️⃣.",
    );
    survives("emoji only", &"😀👩🏽‍🚒🇺🇳".repeat(50_000));
}

#[test]
fn combining_marks() {
    survives(
        "combining",
        "Cafe\u{301} owners said “ne\u{301}e\u{308}” .\u{301} “\u{301}x” \u{301}.",
    );
    let stack = format!("Z{}.", "\u{301}\u{316}\u{35c}".repeat(30_000));
    survives("zalgo", &stack);
    survives("marks only", &"\u{301}".repeat(100_000));
}

#[test]
fn degenerate_texts() {
    for text in [
        "",
        " ",
        "\n",
        ".",
        "“",
        "”.",
        "\"\"",
        "...",
        "?!",
        "a",
        "\t\u{a0}\u{2029}",
    ] {
        survives(&format!("{text:?}"), text);
    }
    // Kept to 300 KB for debug builds; the bench shows linear time.
    survives("periods", &".".repeat(300_000));
    survives(
        "abbreviations",
        &repeat_to("Mr. Dr. U.S. a.m. St. ", 300_000),
    );
    survives("newlines", &"\n".repeat(300_000));
    survives("ellipses", &repeat_to("Well… “so…” ", 300_000));
    // One paragraph of closed quotations in title case: each one's
    // headline check must not read the rest of the paragraph.
    survives(
        "title-case quotations",
        &repeat_to("\"Word Word,\" Word Word ", 300_000),
    );
}
