//! The check-worthiness model: logistic regression over word, bigram and
//! hand-made features of one sentence.
//!
//! The weights live in `grammar/checkworthy.txt`, built into the binary.
//! `examples/train_checkworthy.rs` reproduces them from the CheckThat!
//! training data. The score of a sentence is
//! `sigmoid(bias + Σ weight(feature))` over the distinct features that
//! [`each_feature`] lists; features missing from the file weigh nothing.
//!
//! Scoring runs on every sentence and quotation, so it allocates no
//! string per feature: each feature is written into one reused buffer and
//! looked up by its 64-bit XXH3 hash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

/// The built-in model's weights.
const WEIGHTS: &str = include_str!("../../grammar/checkworthy.txt");

/// Sentences longer than this many tokens are scored on their first
/// `MAX_TOKENS` tokens only, so scoring stays linear and bounded.
const MAX_TOKENS: usize = 200;

/// A map keyed by feature hashes, which are already well mixed.
type HashedMap = HashMap<u64, f32, BuildHasherDefault<PassThrough>>;

/// A hasher that passes a `u64` key through unchanged.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // only `u64` keys are hashed; fold anything else in byte by byte
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A loaded model.
struct Model {
    bias: f32,
    threshold: f32,
    /// Weights by [`feature_key`].
    weights: HashedMap,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| parse(WEIGHTS))
}

/// Reads the weights file. It has some 20,000 entries and is read at the
/// first score, before any other work of a run, so it is read in one pass
/// over its bytes: the same entries and fields as `grammar::entries` and
/// `grammar::fields` give, without their per-line searches.
fn parse(src: &str) -> Model {
    let mut model = Model {
        bias: 0.0,
        threshold: 0.5,
        // about one entry per 20 bytes
        weights: HashedMap::with_capacity_and_hasher(src.len() / 20, Default::default()),
    };
    for line in src.split('\n') {
        let bytes = line.as_bytes();
        // the entry ends at a comment; its first two fields are the
        // feature and the weight
        let end = bytes.iter().position(|&b| b == b'#').unwrap_or(bytes.len());
        let Some(bar) = bytes[..end].iter().position(|&b| b == b'|') else {
            continue;
        };
        let value_end = bytes[bar + 1..end]
            .iter()
            .position(|&b| b == b'|')
            .map_or(end, |i| bar + 1 + i);
        // `#` and `|` are ASCII, so these are char boundaries
        let name = line[..bar].trim();
        let Ok(value) = line[bar + 1..value_end].trim().parse::<f32>() else {
            continue;
        };
        match name {
            "@bias" => model.bias = value,
            "@threshold" => model.threshold = value,
            _ => {
                if let Some(key) = feature_key(name) {
                    model.weights.insert(key, value);
                }
            }
        }
    }
    model
}

/// The probability, in [0, 1], that a fact-checker would want to check
/// `sentence`, according to the built-in model.
pub fn check_worthiness(sentence: &str) -> f32 {
    let model = model();
    // Features missing from the model weigh nothing, so only the ones it
    // knows (a few per sentence) are kept, then each counted once.
    let mut known: Vec<(u64, f32)> = Vec::with_capacity(32);
    each_key(sentence, |key| {
        if let Some(&weight) = model.weights.get(&key) {
            known.push((key, weight));
        }
    });
    known.sort_unstable_by_key(|&(key, _)| key);
    known.dedup_by_key(|&mut (key, _)| key);
    // summed in f64, so the order of the features does not matter
    let z: f64 = f64::from(model.bias)
        + known
            .iter()
            .map(|&(_, weight)| f64::from(weight))
            .sum::<f64>();
    (1.0 / (1.0 + (-z).exp())) as f32
}

/// The kinds of feature, as written before the `:` of a feature name.
const WORD: u64 = 1;
const PAIR: u64 = 2;
const HAND: u64 = 3;

/// Mixes a kind and one or two token hashes into one key.
fn mix(kind: u64, a: u64, b: u64) -> u64 {
    let mut x = a ^ b.rotate_left(29).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ kind;
    x = (x ^ (x >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^ (x >> 33)
}

fn token_hash(token: &str) -> u64 {
    xxh3_64(token.as_bytes())
}

/// The key of a feature name as written in the weights file: `w:TOKEN`,
/// `b:TOKEN_TOKEN` or `h:NAME`. Tokens hold no `_`, so a pair splits
/// at its first one.
fn feature_key(name: &str) -> Option<u64> {
    // `:` and `_` are ASCII: split by byte position, without a search
    // per call
    let colon = name.bytes().position(|b| b == b':')?;
    let (kind, rest) = (&name[..colon], &name[colon + 1..]);
    match kind {
        "w" => Some(mix(WORD, token_hash(rest), 0)),
        "b" => {
            let bar = rest.bytes().position(|b| b == b'_')?;
            Some(mix(
                PAIR,
                token_hash(&rest[..bar]),
                token_hash(&rest[bar + 1..]),
            ))
        }
        "h" => Some(mix(HAND, token_hash(rest), 0)),
        _ => None,
    }
}

/// Calls `emit` with the key of every feature of `sentence`, repeats
/// included: the same features as [`each_feature`], each token hashed
/// once, in one pass over the sentence.
fn each_key(sentence: &str, mut emit: impl FnMut(u64)) {
    let mut prev = token_hash("<s>");
    let mut flags = TokenFlags::default();
    let count = for_each_token(sentence, |token| {
        flags.read(token);
        let h = token_hash(token);
        emit(mix(WORD, h, 0));
        emit(mix(PAIR, prev, h));
        prev = h;
    });
    emit(mix(PAIR, prev, token_hash("</s>")));
    hand_features(sentence, &flags, count, |name| {
        emit(mix(HAND, token_hash(name), 0))
    });
}

/// The score above which the built-in model calls a sentence
/// check-worthy (chosen on held-out training data).
pub fn check_worthiness_threshold() -> f32 {
    model().threshold
}

/// The distinct features the check-worthiness model reads from one
/// sentence: lower-cased words (`w:`), word pairs (`b:`) and hand-made
/// features (`h:`) such as numbers, percentages, money, years,
/// comparatives, capitalised names and length. Exposed so that the model
/// can be retrained (`examples/train_checkworthy.rs`).
pub fn checkworthy_features(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_feature(sentence, |feature| out.push(feature.to_owned()));
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `emit` with every feature of `sentence`, repeats included. The
/// feature is only borrowed: it lives in a buffer reused for the next one.
fn each_feature(sentence: &str, mut emit: impl FnMut(&str)) {
    let mut feature = String::with_capacity(64);
    let mut pair = |prefix: &str, a: &str, b: Option<&str>| {
        feature.clear();
        feature.push_str(prefix);
        feature.push_str(a);
        if let Some(b) = b {
            feature.push('_');
            feature.push_str(b);
        }
        emit(&feature);
    };
    let mut prev = String::from("<s>");
    let mut flags = TokenFlags::default();
    let count = for_each_token(sentence, |token| {
        flags.read(token);
        pair("w:", token, None);
        pair("b:", &prev, Some(token));
        prev.clear();
        prev.push_str(token);
    });
    pair("b:", &prev, Some("</s>"));

    hand_features(sentence, &flags, count, |name| pair("h:", name, None));
}

/// What the hand-made features need to know about the tokens, gathered
/// one token at a time.
#[derive(Default)]
struct TokenFlags {
    number: bool,
    year: bool,
    percent: bool,
    money: bool,
    comparative: bool,
}

impl TokenFlags {
    fn read(&mut self, t: &str) {
        match t {
            "<num>" => self.number = true,
            "<year>" => (self.number, self.year) = (true, true),
            "percent" => self.percent = true,
            "dollars" | "billion" | "million" | "trillion" => self.money = true,
            "more" | "less" | "most" | "fewer" | "least" => self.comparative = true,
            _ => {}
        }
        if t.len() > 4 && (t.ends_with("er") || t.ends_with("est")) {
            self.comparative = true;
        }
    }
}

/// What an ASCII byte is, for the scans below: bits of [`CLASS`].
const TOKEN: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 4;
const SPACE: u8 = 8;
const PERCENT: u8 = 16;
const DOLLAR: u8 = 32;
/// Not ASCII: the character must be decoded.
const OTHER: u8 = 64;

/// The class of every byte, so that the scans read ASCII text with one
/// table load per byte. `SPACE` marks the ASCII characters that
/// `char::is_whitespace` accepts.
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if !c.is_ascii() {
            OTHER
        } else if c.is_ascii_digit() {
            TOKEN | DIGIT
        } else if c.is_ascii_uppercase() {
            TOKEN | UPPER
        } else if c.is_ascii_lowercase() || c == b'\'' {
            TOKEN
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
            SPACE
        } else if c == b'%' {
            PERCENT
        } else if c == b'$' {
            DOLLAR
        } else {
            0
        };
        b += 1;
    }
    table
};

/// What the hand-made features read from the sentence's characters, in
/// one pass: whether it holds `%` or `$`, and how many whitespace-separated
/// words after the first start with a capital.
struct CharFacts {
    percent: bool,
    dollar: bool,
    capitals: usize,
}

impl CharFacts {
    fn of(sentence: &str) -> CharFacts {
        let bytes = sentence.as_bytes();
        let mut facts = CharFacts {
            percent: false,
            dollar: false,
            capitals: 0,
        };
        let mut words = 0;
        let mut in_word = false;
        let mut seen = 0;
        let mut at = 0;
        while at < bytes.len() {
            let class = CLASS[usize::from(bytes[at])];
            // ASCII bytes are read directly; only other characters are
            // decoded
            let (space, upper) = if class & OTHER == 0 {
                at += 1;
                seen |= class;
                (class & SPACE != 0, class & UPPER != 0)
            } else {
                let c = sentence[at..].chars().next().unwrap_or(' ');
                at += c.len_utf8();
                (c.is_whitespace(), c.is_uppercase())
            };
            if space {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
                if words > 1 && upper {
                    facts.capitals += 1;
                }
            }
        }
        facts.percent = seen & PERCENT != 0;
        facts.dollar = seen & DOLLAR != 0;
        facts
    }
}

/// Calls `hand` with the name of every hand-made feature, without its
/// `h:` prefix; `count` is the number of tokens.
fn hand_features(sentence: &str, flags: &TokenFlags, count: usize, mut hand: impl FnMut(&str)) {
    let chars = CharFacts::of(sentence);
    if flags.number {
        hand("number");
    }
    if flags.year {
        hand("year");
    }
    if flags.percent || chars.percent {
        hand("percent");
    }
    if flags.money || chars.dollar {
        hand("money");
    }
    if flags.comparative {
        hand("comparative");
    }
    if sentence.trim_end().ends_with('?') {
        hand("question");
    }
    hand(match chars.capitals {
        0 => "caps0",
        1 => "caps1",
        2..=3 => "caps2",
        _ => "caps4",
    });
    hand(match count {
        0..=5 => "len0",
        6..=12 => "len6",
        13..=25 => "len13",
        _ => "len26",
    });
}

/// The byte length of the character at `at` when it belongs to a token
/// (a letter, a digit or an apostrophe), else `None`.
fn token_char_at(s: &str, at: usize) -> Option<usize> {
    let b = *s.as_bytes().get(at)?;
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric() || b == b'\'').then_some(1);
    }
    let c = s.get(at..)?.chars().next()?;
    (c.is_alphanumeric() || c == '’').then(|| c.len_utf8())
}

/// Calls `f` with the lower-cased word tokens of a sentence, in order, and
/// returns how many there were; numbers become `<num>` (or `<year>` for
/// 1900–2099). Only letters, digits and inner apostrophes are kept, so a
/// token never holds a grammar-file separator. Only the first
/// [`MAX_TOKENS`] tokens are read.
///
/// The token is only borrowed: a word already in lower case is the
/// sentence's own bytes; any other lives in a buffer reused for the next.
fn for_each_token(sentence: &str, mut f: impl FnMut(&str)) -> usize {
    let bytes = sentence.as_bytes();
    let mut lowered = String::new();
    let mut count = 0;
    let mut at = 0;
    while at < bytes.len() && count < MAX_TOKENS {
        let start = at;
        // ASCII bytes are read directly; only other characters need
        // decoding
        let mut ascii = true;
        let mut seen = 0;
        while let Some(&b) = bytes.get(at) {
            let class = CLASS[usize::from(b)];
            if class & TOKEN != 0 {
                seen |= class;
                at += 1;
                continue;
            }
            if class & OTHER == 0 {
                break;
            }
            match token_char_at(sentence, at) {
                Some(len) => {
                    ascii = false;
                    at += len;
                }
                None => break,
            }
        }
        if at == start {
            // a separator: step over the whole character
            at += if bytes[at].is_ascii() {
                1
            } else {
                sentence[at..].chars().next().map_or(1, char::len_utf8)
            };
            continue;
        }
        let raw = &sentence[start..at];
        let word = if ascii {
            let inner = raw.as_bytes();
            let from = inner
                .iter()
                .position(|&b| b != b'\'')
                .unwrap_or(inner.len());
            let to = inner
                .iter()
                .rposition(|&b| b != b'\'')
                .map_or(from, |i| i + 1);
            // ASCII, so every byte is a char boundary
            raw.get(from..to).unwrap_or("")
        } else {
            raw.trim_matches(|c| c == '\'' || c == '’')
        };
        if word.is_empty() {
            continue;
        }
        count += 1;
        // apostrophes are not digits, so the digits of `raw` are those
        // of `word`
        if seen & DIGIT != 0 {
            let digits = word.bytes().all(|b| b.is_ascii_digit());
            let is_year =
                digits && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
            f(if is_year { "<year>" } else { "<num>" });
        } else if ascii || word.is_ascii() {
            if seen & UPPER == 0 && ascii {
                f(word);
            } else {
                lowered.clear();
                lowered.push_str(word);
                lowered.make_ascii_lowercase();
                f(&lowered);
            }
        } else {
            lowered.clear();
            lowered.push_str(&word.to_lowercase().replace('’', "'"));
            f(&lowered);
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_mark_numbers_and_years() {
        let f = checkworthy_features("Unemployment fell 3 percent in 2019.");
        assert!(f.contains(&"h:number".to_owned()));
        assert!(f.contains(&"h:year".to_owned()));
        assert!(f.contains(&"h:percent".to_owned()));
        assert!(f.contains(&"w:unemployment".to_owned()));
        assert!(f.iter().all(|x| !x.contains('|') && !x.contains('#')));
    }

    #[test]
    fn hashed_keys_are_the_keys_of_the_named_features() {
        for s in [
            "Unemployment fell 3 percent in 2019, more than in 1990?",
            "O’Neill’s \"so-called\" plan costs $5 billion.",
            "",
            "Ünïcode ΣΑΣ words, 12,000 of them",
        ] {
            let mut hashed = Vec::new();
            each_key(s, |k| hashed.push(k));
            hashed.sort_unstable();
            hashed.dedup();
            let mut named: Vec<u64> = checkworthy_features(s)
                .iter()
                .map(|f| feature_key(f).expect("a well-formed feature"))
                .collect();
            named.sort_unstable();
            named.dedup();
            assert_eq!(hashed, named, "{s}");
        }
    }

    /// The plain tokeniser that [`for_each_token`] must agree with:
    /// split on non-token characters, trim apostrophes, then classify.
    fn plain_tokens(sentence: &str) -> Vec<String> {
        sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map(|raw| raw.trim_matches(|c| c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .take(MAX_TOKENS)
            .map(|w| {
                if w.bytes().any(|b| b.is_ascii_digit()) {
                    let year = w.len() == 4
                        && w.bytes().all(|b| b.is_ascii_digit())
                        && (w.starts_with("19") || w.starts_with("20"));
                    if year { "<year>" } else { "<num>" }.to_owned()
                } else {
                    w.to_lowercase().replace('’', "'")
                }
            })
            .collect()
    }

    fn fast_tokens(sentence: &str) -> Vec<String> {
        let mut out = Vec::new();
        let count = for_each_token(sentence, |t| out.push(t.to_owned()));
        assert_eq!(count, out.len());
        out
    }

    #[test]
    fn fast_tokens_are_the_plain_tokens() {
        for s in [
            "Unemployment FELL 3 percent in 2019, O’Neill’s 'so-called' plan.",
            "''' ’’ x'y ’a’ ÉTÉ 12,000 1999 2100 ΣΑΣ İstanbul",
            &"word ".repeat(MAX_TOKENS + 5),
        ] {
            assert_eq!(fast_tokens(s), plain_tokens(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_tokens_agree_on_any_text(s in "(?s:[a-zA-Z0-9 '’%$?.,\t\n\u{b}\u{c}é€ΣİÆ\u{301}\u{2003}]{0,60})") {
            proptest::prop_assert_eq!(fast_tokens(&s), plain_tokens(&s));
        }
    }

    #[test]
    fn the_weights_are_read_as_the_grammar_reader_reads_them() {
        let src = format!("{WEIGHTS}\n  w:extra | 1.5 | ignored # note\r\nno weight\n@bias|x\n");
        let mut want = HashedMap::default();
        let (mut bias, mut threshold) = (0.0, 0.5);
        for entry in crate::grammar::entries(&src) {
            let mut fields = crate::grammar::fields(entry);
            let (Some(name), Some(value)) = (fields.next(), fields.next()) else {
                continue;
            };
            let Ok(value) = value.parse::<f32>() else {
                continue;
            };
            match name {
                "@bias" => bias = value,
                "@threshold" => threshold = value,
                _ => {
                    want.insert(feature_key(name).expect("a feature"), value);
                }
            }
        }
        let got = parse(&src);
        assert_eq!(got.weights, want);
        assert_eq!((got.bias, got.threshold), (bias, threshold));
        assert_eq!(
            got.weights.get(&feature_key("w:extra").unwrap()),
            Some(&1.5)
        );
    }

    #[test]
    fn statistics_score_higher_than_greetings() {
        let fact = check_worthiness(
            "Unemployment rose by 12 percent in 2019, the highest rate in a decade.",
        );
        let chat = check_worthiness("Thank you very much, it is good to be here.");
        assert!(fact > chat, "{fact} <= {chat}");
        assert!((0.0..=1.0).contains(&fact));
    }

    #[test]
    fn scoring_any_input_never_panics() {
        for s in ["", "?", "’’’", "é1ü2", &"9".repeat(10_000)] {
            let p = check_worthiness(s);
            assert!((0.0..=1.0).contains(&p));
        }
    }
}
