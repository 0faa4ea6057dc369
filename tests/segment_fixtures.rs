//! One reviewed snapshot per fixture article in `fixtures/segment/`: its
//! blocks with their kinds, and the sentences of each.

use insta::{assert_json_snapshot, glob};
use serde::Serialize;

#[derive(Serialize)]
struct Block<'a> {
    kind: quotecheck::ParagraphKind,
    start: usize,
    end: usize,
    sentences: Vec<&'a str>,
}

#[test]
fn segment_fixtures() {
    glob!("../fixtures/segment", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let (paragraphs, sentences) = quotecheck::segment(&text);
        let blocks: Vec<Block<'_>> = paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Block {
                kind: p.kind,
                start: p.span.start,
                end: p.span.end,
                sentences: sentences
                    .iter()
                    .filter(|s| s.paragraph == i)
                    .map(|s| s.span.text(&text))
                    .collect(),
            })
            .collect();
        assert_json_snapshot!(blocks);
    });
}
