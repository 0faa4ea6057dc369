//! The check-worthiness model: logistic regression over word, bigram and
//! hand-made features of one sentence.
//!
//! The weights live in `grammar/checkworthy.txt`, built into the binary.
//! `examples/train_checkworthy.rs` reproduces them from the CheckThat!
//! training data. The score of a sentence is
//! `sigmoid(bias + Σ weight(feature))` over the distinct features that
//! [`each_feature`] lists; features missing from the file weigh nothing.
//!
//! Scoring runs on every candidate sentence and quotation, so it reads a
//! sentence in one pass, hashes each token once, eight bytes at a time
//! straight from the sentence (lower-cased in a register; only tokens
//! beyond ASCII go through a reused buffer), mixes the hashes into 64-bit
//! feature keys and looks them up in a table laid out for the cache (see
//! [`Table`]), with nothing allocated per call. The hash is this file's
//! own: the weights file names its features, which [`parse`] hashes the
//! same way.

use crate::grammar::ascii_lower8;
use std::cell::RefCell;
use std::sync::OnceLock;

/// The built-in model's weights.
const WEIGHTS: &str = include_str!("../../grammar/checkworthy.txt");

/// Sentences longer than this many tokens are scored on their first
/// `MAX_TOKENS` tokens only, so scoring stays linear and bounded.
const MAX_TOKENS: usize = 200;

/// Weights keyed by feature hashes.
#[cfg(test)]
type HashedMap = std::collections::HashMap<u64, f32>;

/// The keys one [`Bucket`] holds.
const BUCKET_KEYS: usize = 5;

/// A bit for each place of a bucket.
const PLACES: u16 = (1 << BUCKET_KEYS) - 1;

/// One cache line of a [`Table`]: up to [`BUCKET_KEYS`] keys and their
/// weights, so that looking a key up reads one line.
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    /// The keys held first, then zeros.
    keys: [u64; BUCKET_KEYS],
    /// The weight of each key held.
    weights: [f32; BUCKET_KEYS],
    /// How many keys are held.
    len: u8,
    /// Whether a key was put past this bucket because it was full, so
    /// that a lookup that misses here must go on to the next one.
    overflow: bool,
}

impl Bucket {
    /// Where `key` is held, if it is.
    #[inline]
    fn position(&self, key: u64) -> Option<usize> {
        // The unused keys, all 0, follow the held ones: the first equal
        // key is the held one, if any.
        self.keys
            .iter()
            .position(|&k| k == key)
            .filter(|&i| i < usize::from(self.len))
    }
}

/// The 64-bit words of [`Table::filter`]: 2^17 bits, 16 KB.
const FILTER_WORDS: usize = 1 << 11;

/// The word of [`Table::filter`] that `key` sets, and its two bits there.
#[inline]
fn filter_bits(key: u64) -> (usize, u64) {
    let word = key as usize & (FILTER_WORDS - 1);
    let bits = (1 << ((key >> 11) & 63)) | (1 << ((key >> 17) & 63));
    (word, bits)
}

/// Feature weights by key. About half the lookups are for features the
/// model lacks, and [`Table::filter`], 16 KB that stay in the nearer
/// caches, turns nearly all of them (all but some 6 %) away without
/// reading the buckets; the others read one bucket, one cache line,
/// picked by the high bits of the (well-mixed) key. A key goes to the
/// next bucket when its own is full.
struct Table {
    /// Two bits set for each key, in one word picked by the key's low
    /// bits: a key with either bit clear is not held.
    filter: Box<[u64; FILTER_WORDS]>,
    /// The first bucket where each key is looked for, then any buckets
    /// that the last ones overflowed into.
    buckets: Vec<Bucket>,
    /// The number of home buckets.
    homes: u64,
}

impl Table {
    /// The table of `entries`; a repeated key keeps its last weight.
    fn new(entries: &[(u64, f32)]) -> Table {
        // about 60 % full, so that few buckets overflow (a fuller table
        // is smaller, but more of its lookups read two cache lines)
        let homes = (entries.len() * 10 / (6 * BUCKET_KEYS)).max(1);
        let mut table = Table {
            filter: Box::new([0; FILTER_WORDS]),
            buckets: vec![Bucket::default(); homes],
            homes: homes as u64,
        };
        for &(key, weight) in entries {
            table.insert(key, weight);
        }
        table
    }

    /// The bucket where `key` is first looked for.
    #[inline]
    fn home(&self, key: u64) -> usize {
        // the high half of the key, scaled to the number of buckets
        (((key >> 32) * self.homes) >> 32) as usize
    }

    /// The number of buckets.
    fn len(&self) -> usize {
        self.buckets.len()
    }

    /// The bucket of `key`, below [`Table::len`], the bit of its place in
    /// the bucket and its weight, if it has one.
    #[inline]
    fn get(&self, key: u64) -> Found {
        let (word, bits) = filter_bits(key);
        if self.filter[word] & bits != bits {
            return None;
        }
        let mut b = self.home(key);
        loop {
            let bucket = self.buckets.get(b)?;
            if let Some(i) = bucket.position(key) {
                return Some((b, 1 << i, bucket.weights[i]));
            }
            if !bucket.overflow {
                return None;
            }
            b += 1;
        }
    }

    /// Sets the weight of `key`.
    fn insert(&mut self, key: u64, weight: f32) {
        let mut b = self.home(key);
        loop {
            if b == self.buckets.len() {
                self.buckets.push(Bucket::default());
            }
            let bucket = &mut self.buckets[b];
            if let Some(i) = bucket.position(key) {
                bucket.weights[i] = weight;
                return;
            }
            let len = usize::from(bucket.len);
            if len < BUCKET_KEYS {
                bucket.keys[len] = key;
                bucket.weights[len] = weight;
                bucket.len += 1;
                let (word, bits) = filter_bits(key);
                self.filter[word] |= bits;
                return;
            }
            bucket.overflow = true;
            b += 1;
        }
    }

    /// Every key and its weight.
    fn iter(&self) -> impl Iterator<Item = (u64, f32)> + '_ {
        self.buckets.iter().flat_map(|bucket| {
            let len = usize::from(bucket.len);
            bucket.keys[..len]
                .iter()
                .copied()
                .zip(bucket.weights[..len].iter().copied())
        })
    }
}

/// A loaded model.
struct Model {
    bias: f32,
    threshold: f32,
    /// The weight of every feature, by [`feature_key`].
    weights: Table,
    /// Whether any sum of the bias and at most [`MAX_FEATURES`] distinct
    /// weights is exact in `f64`, so that the features of a sentence may
    /// be summed in any order (see [`sums_exactly`]).
    order_free: bool,
    /// What [`Table::get`] gives for each [`Hand`] feature's key, found
    /// once: every sentence has some of them.
    hands: [Found; HAND_NAMES.len()],
}

/// What [`Table::get`] finds for a key: its bucket, the bit of its place
/// there and its weight.
type Found = Option<(usize, u16, f32)>;

impl Model {
    /// Weights by [`feature_key`], as a map.
    #[cfg(test)]
    fn weights(&self) -> HashedMap {
        self.weights.iter().collect()
    }
}

/// The most distinct features one sentence can have: a word and a pair
/// for each token, the closing pair, and the hand-made features.
const MAX_FEATURES: usize = 2 * MAX_TOKENS + 1 + 8;

/// Whether adding up the bias and any at most [`MAX_FEATURES`] of
/// `weights`, in any order, is exact in `f64`: every such sum is a
/// multiple of the smallest unit in the last place among them, and stays
/// small enough to be held exactly in 53 bits.
fn sums_exactly(bias: f32, weights: impl Iterator<Item = f32>) -> bool {
    let mut min_unit = i32::MAX;
    let mut max_abs = 0f64;
    for w in std::iter::once(bias).chain(weights) {
        if w == 0.0 {
            continue;
        }
        if !w.is_normal() {
            return false;
        }
        // the exponent of the unit in the last place of a normal f32
        let exponent = ((w.to_bits() >> 23) & 0xFF) as i32 - 127;
        min_unit = min_unit.min(exponent - 23);
        max_abs = max_abs.max(f64::from(w.abs()));
    }
    if min_unit == i32::MAX {
        return true;
    }
    let bound = (MAX_FEATURES + 1) as f64 * max_abs;
    bound < 2f64.powi(min_unit + 53)
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
    let (mut bias, mut threshold) = (0.0, 0.5);
    // about one entry per 20 bytes
    let mut entries = Vec::with_capacity(src.len() / 20);
    let bytes = src.as_bytes();
    let mut start = 0;
    // the lines, as `split('\n')` gives them
    while start <= bytes.len() {
        // One pass over the line finds its end and, before any comment,
        // its first two bars: the fields are the feature and the weight.
        let line_start = start;
        // most lines are `name | decimal`: read in one go
        let first = next_special(bytes, start);
        let plain = if bytes.get(first) == Some(&b'|') {
            plain_weight(bytes, first + 1)
        } else {
            None
        };
        let (name, value) = if let Some((value, line_end)) = plain {
            start = line_end + 1;
            // `|` is ASCII, so this is a char boundary
            let mut end = first;
            while end > line_start && bytes[end - 1] == b' ' {
                end -= 1;
            }
            // between visible ASCII bytes, the spaces stripped are the
            // whole of `trim`
            let name = if end > line_start
                && bytes[line_start].is_ascii_graphic()
                && bytes[end - 1].is_ascii_graphic()
            {
                &src[line_start..end]
            } else {
                trim(&src[line_start..first])
            };
            (name, value)
        } else {
            let mut at = start;
            let mut comment = None;
            let mut bars = [0; 2];
            let mut found = 0;
            loop {
                at = next_special(bytes, at);
                match bytes.get(at) {
                    Some(b'#') if comment.is_none() => comment = Some(at),
                    Some(b'|') if comment.is_none() && found < 2 => {
                        bars[found] = at;
                        found += 1;
                    }
                    Some(b'\n') | None => break,
                    Some(_) => {}
                }
                at += 1;
            }
            start = at + 1;
            let end = comment.unwrap_or(at);
            if found == 0 {
                continue;
            }
            let (bar, value_end) = (bars[0], if found == 2 { bars[1] } else { end });
            // `#`, `|` and `\n` are ASCII, so these are char boundaries
            let name = trim(&src[line_start..bar]);
            let Some(value) = parse_weight(trim(&src[bar + 1..value_end])) else {
                continue;
            };
            (name, value)
        };
        match name {
            "@bias" => bias = value,
            "@threshold" => threshold = value,
            _ => {
                if let Some(key) = feature_key(name) {
                    entries.push((key, value));
                }
            }
        }
    }
    // a repeated feature keeps its last weight
    let weights = Table::new(&entries);
    Model {
        bias,
        threshold,
        order_free: sums_exactly(bias, weights.iter().map(|(_, w)| w)),
        hands: HAND_KEYS.map(|key| weights.get(key)),
        weights,
    }
}

/// The bytes that [`parse`] stops at: line ends, comments and bars.
const LINE_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b'#' as usize] = true;
    table[b'|' as usize] = true;
    table
};

/// The weight of a line's second field when it is, from `at` to the
/// line's end, a plain decimal such as ` -0.151` between spaces, and where
/// the line ends (at `\n`, or `bytes.len()`); `None` for anything else,
/// such as another field, a comment, a `+` or an exponent. The value is
/// [`parse_weight`]'s, without trimming and searching first.
fn plain_weight(bytes: &[u8], mut at: usize) -> Option<(f32, usize)> {
    while bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    let negative = bytes.get(at) == Some(&b'-');
    at += usize::from(negative);
    let mut mantissa: u64 = 0;
    let digits_from = at;
    while let Some(&b @ b'0'..=b'9') = bytes.get(at) {
        mantissa = mantissa * 10 + u64::from(b - b'0');
        at += 1;
        if at - digits_from > 15 {
            return None;
        }
    }
    let before = at - digits_from;
    if before == 0 || bytes.get(at) != Some(&b'.') {
        return None;
    }
    at += 1;
    let point = at;
    while let Some(&b @ b'0'..=b'9') = bytes.get(at) {
        mantissa = mantissa * 10 + u64::from(b - b'0');
        at += 1;
        if before + (at - point) > 15 {
            return None;
        }
    }
    let after = at - point;
    if after == 0 {
        return None;
    }
    while bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    if at < bytes.len() && bytes[at] != b'\n' {
        return None;
    }
    let value = (mantissa as f64 / POW10[after]) as f32;
    Some((if negative { -value } else { value }, at))
}

/// The position of the first `byte` in `bytes` from `at` on, if any:
/// eight bytes are tested at a time.
fn find_byte(bytes: &[u8], mut at: usize, byte: u8) -> Option<usize> {
    while let Some(eight) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or_default()) ^ (ONES * u64::from(byte));
        // the lowest zero byte's high bit is set, and is the lowest set
        let hits = x.wrapping_sub(ONES) & !x & (ONES * 0x80);
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    Some(at + bytes.get(at..)?.iter().position(|&b| b == byte)?)
}

/// The first byte of `bytes` from `at` on that [`LINE_SPECIAL`] marks,
/// or `bytes.len()`: eight bytes are tested at a time.
#[inline]
fn next_special(bytes: &[u8], mut at: usize) -> usize {
    /// The high bit of each zero byte of `x`, and maybe of bytes above
    /// the first zero one: the lowest bit set is always right.
    #[inline]
    fn zeros(x: u64) -> u64 {
        x.wrapping_sub(ONES) & !x & (ONES * 0x80)
    }
    while let Some(eight) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        let hits = zeros(x ^ (ONES * u64::from(b'\n')))
            | zeros(x ^ (ONES * u64::from(b'#')))
            | zeros(x ^ (ONES * u64::from(b'|')));
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes
        .get(at)
        .is_some_and(|&b| !LINE_SPECIAL[usize::from(b)])
    {
        at += 1;
    }
    at
}

/// `s.trim()`, with ASCII whitespace trimmed without decoding.
fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    // `trim_ascii` leaves the vertical tab and whitespace beyond ASCII,
    // which `trim` takes too
    let plain = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii() && b != b'\x0B');
    if plain(t.as_bytes().first()) && plain(t.as_bytes().last()) {
        t
    } else {
        s.trim()
    }
}

/// Exact powers of ten.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// `s.parse::<f32>().ok()`, with plain decimals such as `-0.151` read
/// without the general parser: their digits `m` (at most 15) and the
/// `k` digits after the point make `m / 10^k`, one division of numbers
/// exact in `f64`, so correctly rounded to `f64`; rounding that to `f32`
/// is then correct too, as 53 ≥ 2 · 24 + 2 bits.
fn parse_weight(s: &str) -> Option<f32> {
    let bytes = s.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0;
    let mut point = None;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa
                    .saturating_mul(10)
                    .saturating_add(u64::from(b - b'0'));
                count += 1;
            }
            b'.' if point.is_none() => point = Some(i),
            _ => return s.parse().ok(),
        }
    }
    let after = point.map_or(0, |p| digits.len() - p - 1);
    // "", ".", "5." and ".5" are left to the general parser
    if count == 0 || count > 15 || point.is_some_and(|p| p == 0 || after == 0) {
        return s.parse().ok();
    }
    let value = (mantissa as f64 / POW10[after]) as f32;
    Some(if negative { -value } else { value })
}

/// What scoring reuses from one sentence to the next on a thread.
#[derive(Default)]
struct Scratch {
    /// For each bucket of the model's table, a bit for each place
    /// ([`PLACES`]), set once the sentence's feature there has been
    /// counted, under the tag of the sentence in the high bits: bits under
    /// another tag count as clear, so nothing is cleared between
    /// sentences.
    met: Vec<u16>,
    /// The tag of the current sentence: one of the 2,047 multiples of
    /// `PLACES + 1` in 16 bits. All of `met` is cleared when they come
    /// round again.
    tag: u16,
    /// The features counted for this sentence, when they must be summed
    /// in key order.
    known: Vec<(u64, f32)>,
    /// The lower-cased token being hashed.
    lowered: String,
    /// The sentence's word and pair keys, looked up after the scan.
    keys: Vec<u64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The probability, in [0, 1], that a fact-checker would want to check
/// `sentence`, according to the built-in model.
pub fn check_worthiness(sentence: &str) -> f32 {
    let model = model();
    SCRATCH.with_borrow_mut(|scratch| score(model, sentence, scratch))
}

/// [`check_worthiness`] with `model`, reusing `scratch`.
fn score(model: &Model, sentence: &str, scratch: &mut Scratch) -> f32 {
    if scratch.met.len() != model.weights.len() {
        scratch.met = vec![0; model.weights.len()];
        scratch.tag = 0;
    }
    scratch.tag = scratch.tag.wrapping_add(PLACES + 1);
    if scratch.tag == 0 {
        scratch.met.fill(0);
        scratch.tag = PLACES + 1;
    }
    let Scratch {
        met,
        tag,
        known,
        lowered,
        keys,
    } = scratch;
    known.clear();
    keys.clear();
    let mut sum = Sum {
        weights: &model.weights,
        hands: &model.hands,
        order_free: model.order_free,
        // summed in f64; when the model's sums are exact, in any order
        z: f64::from(model.bias),
        met,
        tag: *tag,
        known,
    };
    // The keys are gathered first and looked up after: each look-up may
    // miss the cache, and apart from the scan the processor overlaps
    // them. (A sum over distinct features does not depend on their
    // order: see `order_free`.)
    each_key(
        sentence,
        lowered,
        &mut Deferred {
            sum: &mut sum,
            keys,
        },
    );
    for &key in keys.iter() {
        sum.key(key);
    }
    let mut z = sum.z;
    if !model.order_free {
        known.sort_unstable_by_key(|&(key, _)| key);
        z = f64::from(model.bias)
            + known
                .iter()
                .map(|&(_, weight)| f64::from(weight))
                .sum::<f64>();
    }
    (1.0 / (1.0 + (-z).exp())) as f32
}

/// What takes the keys of a sentence's features from [`each_key`].
trait Keys {
    /// Takes the key of one feature.
    fn key(&mut self, key: u64);

    /// Takes a hand-made feature, whose key is in [`HAND_KEYS`].
    fn hand(&mut self, hand: Hand) {
        self.key(HAND_KEYS[hand as usize]);
    }
}

/// Any function of a key takes keys.
impl<F: FnMut(u64)> Keys for F {
    fn key(&mut self, key: u64) {
        self(key);
    }
}

/// The weights of a sentence's distinct features, summed as
/// [`each_key`] lists them. Features missing from the model weigh
/// nothing, so only the ones it knows (a few per sentence) are kept,
/// each counted once.
struct Sum<'a> {
    weights: &'a Table,
    /// [`Model::hands`].
    hands: &'a [Found; HAND_NAMES.len()],
    order_free: bool,
    /// The bias plus the weights counted so far.
    z: f64,
    /// [`Scratch::met`].
    met: &'a mut [u16],
    /// [`Scratch::tag`].
    tag: u16,
    /// [`Scratch::known`], filled when the model is not `order_free`.
    known: &'a mut Vec<(u64, f32)>,
}

impl Sum<'_> {
    /// Counts the feature of `key`, which `found` says where the model
    /// holds, if it does, unless it was counted for this sentence.
    #[inline(always)]
    fn count(&mut self, key: u64, found: Found) {
        if let Some((b, bit, weight)) = found {
            let Some(met) = self.met.get_mut(b) else {
                return;
            };
            // the bits of this sentence, if any
            let bits = if *met & !PLACES == self.tag {
                *met
            } else {
                self.tag
            };
            if bits & bit == 0 {
                *met = bits | bit;
                self.z += f64::from(weight);
                if !self.order_free {
                    self.known.push((key, weight));
                }
            }
        }
    }
}

impl Keys for Sum<'_> {
    #[inline(always)]
    fn key(&mut self, key: u64) {
        let found = self.weights.get(key);
        self.count(key, found);
    }

    #[inline(always)]
    fn hand(&mut self, hand: Hand) {
        let i = hand as usize;
        self.count(HAND_KEYS[i], self.hands[i]);
    }
}

/// Takes keys for a [`Sum`] to look up later, and hand-made features
/// (whose look-ups are made once, with the model) at once.
struct Deferred<'s, 'a> {
    sum: &'s mut Sum<'a>,
    keys: &'s mut Vec<u64>,
}

impl Keys for Deferred<'_, '_> {
    #[inline(always)]
    fn key(&mut self, key: u64) {
        self.keys.push(key);
    }

    #[inline(always)]
    fn hand(&mut self, hand: Hand) {
        self.sum.hand(hand);
    }
}

/// The kinds of feature mixed into keys, as written before the `:` of a
/// feature name; the key of a word (`w:`) is the token's own hash.
const PAIR: u64 = 2;
const HAND: u64 = 3;

/// Mixes a kind and one or two token hashes into one key.
const fn mix(kind: u64, a: u64, b: u64) -> u64 {
    let mut x = a ^ b.rotate_left(29).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ kind;
    x = (x ^ (x >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^ (x >> 33)
}

/// Every byte of a word set to 1.
const ONES: u64 = u64::MAX / 255;

/// Folds the next (little-endian, zero-padded) eight bytes of a token
/// into its running hash.
const fn fold(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(23) ^ chunk).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Ends a token hash.
const fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 32)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 29)
}

/// The eight bytes of `bytes` from `at`, little-endian, with zeros past
/// its end.
const fn chunk(bytes: &[u8], at: usize) -> u64 {
    let mut chunk = 0;
    let mut i = 0;
    while i < 8 && at + i < bytes.len() {
        chunk |= (bytes[at + i] as u64) << (8 * i);
        i += 1;
    }
    chunk
}

/// The hash of a token: its bytes eight at a time, the last ones padded
/// with zeros, folded and mixed. Tokens hold no zero byte, so the
/// padding is unambiguous, and every step is one to one: tokens of at
/// most eight bytes never share a hash.
const fn token_hash(token: &[u8]) -> u64 {
    let mut h = 0;
    let mut at = 0;
    while at < token.len() {
        h = fold(h, chunk(token, at));
        at += 8;
    }
    finish(h)
}

/// [`token_hash`] of the ASCII `bytes[from..to]` in lower case, and the
/// last chunk it folded (so the lower-cased token itself when it is at
/// most eight bytes long). `from < to`. The chunks are read straight
/// from `bytes`, without copying the token.
#[inline]
fn ascii_token_hash(bytes: &[u8], from: usize, to: usize) -> (u64, u64) {
    token_hash_mapped(bytes, from, to, ascii_lower8)
}

/// [`token_hash`] of `bytes[from..to]`, read in place eight bytes at a
/// time as [`ascii_token_hash`] reads it, but not lower-cased.
#[inline]
fn token_hash_in(bytes: &[u8], from: usize, to: usize) -> u64 {
    if from == to {
        return finish(0);
    }
    token_hash_mapped(bytes, from, to, |chunk| chunk).0
}

/// [`token_hash`] of `bytes[from..to]` with every chunk passed through
/// `map` before it is folded, and the last chunk folded. `from < to`.
#[inline(always)]
fn token_hash_mapped(bytes: &[u8], from: usize, to: usize, map: impl Fn(u64) -> u64) -> (u64, u64) {
    let mut h = 0;
    let mut at = from;
    while to - at > 8 {
        let eight: [u8; 8] = bytes[at..at + 8].try_into().unwrap_or_default();
        h = fold(h, map(u64::from_le_bytes(eight)));
        at += 8;
    }
    // the last one to eight bytes
    let n = to - at;
    let last = if let Some(eight) = bytes.get(at..at + 8) {
        let eight: [u8; 8] = eight.try_into().unwrap_or_default();
        u64::from_le_bytes(eight) & (u64::MAX >> (64 - 8 * n))
    } else if to >= 8 {
        // the eight bytes that end the token, shifted down
        let eight: [u8; 8] = bytes[to - 8..to].try_into().unwrap_or_default();
        u64::from_le_bytes(eight) >> (64 - 8 * n)
    } else {
        chunk(&bytes[..to], at)
    };
    let last = map(last);
    (finish(fold(h, last)), last)
}

/// A token of at most eight bytes packed as [`chunk`] packs it.
const fn packed(token: &[u8]) -> u64 {
    chunk(token, 0)
}

/// The hashes of the tokens that open and close a sentence and stand for
/// numbers.
const START: u64 = token_hash(b"<s>");
const END: u64 = token_hash(b"</s>");
const NUM: u64 = token_hash(b"<num>");
const YEAR: u64 = token_hash(b"<year>");

/// The key of a feature name as written in the weights file: `w:TOKEN`,
/// `b:TOKEN_TOKEN` or `h:NAME`. Tokens hold no `_`, so a pair splits
/// at its first one.
fn feature_key(name: &str) -> Option<u64> {
    // `:` and `_` are ASCII: split by byte position, without a search
    // per call
    let bytes = name.as_bytes();
    // the kinds are one letter long
    let colon = if bytes.get(1) == Some(&b':') {
        1
    } else {
        bytes.iter().position(|&b| b == b':')?
    };
    // the tokens are hashed in place, within the whole name
    let rest = colon + 1;
    match &bytes[..colon] {
        b"w" => Some(token_hash_in(bytes, rest, bytes.len())),
        b"b" => {
            let bar = find_byte(bytes, rest, b'_')?;
            Some(mix(
                PAIR,
                token_hash_in(bytes, rest, bar),
                token_hash_in(bytes, bar + 1, bytes.len()),
            ))
        }
        b"h" => Some(mix(HAND, token_hash_in(bytes, rest, bytes.len()), 0)),
        _ => None,
    }
}

/// Calls `emit` with the key of every feature of `sentence`, repeats
/// included: the same features as [`each_feature`], in one pass over the
/// sentence that reads its tokens (lower-cased into `lowered` when
/// needed, each hashed once) and the facts of [`CharFacts::of`] at once.
fn each_key(sentence: &str, lowered: &mut String, keys: &mut impl Keys) {
    let bytes = sentence.as_bytes();
    let mut prev = START;
    let mut flags = TokenFlags::default();
    let mut chars = CharScan::default();
    let mut count = 0;
    let mut at = 0;
    while at < bytes.len() && count < MAX_TOKENS {
        let class = CLASS[usize::from(bytes[at])];
        if class & TOKEN == 0 {
            // a separator, or a token character that must be decoded
            if class & OTHER == 0 {
                chars.ascii(class);
                at += 1;
                continue;
            }
            let c = char_at(sentence, at);
            if !is_token_char(c) {
                chars.other(c);
                at += c.len_utf8();
                continue;
            }
        }
        let start = at;
        // the whitespace-separated word of `CharFacts` starts here, if any
        chars.token(if class & OTHER == 0 {
            class & UPPER != 0
        } else {
            char_at(sentence, at).is_uppercase()
        });
        // ASCII bytes are read directly; only other characters are decoded
        let mut seen = 0;
        // the characters besides ASCII are all `’`
        let mut curly_only = true;
        let mut ascii = true;
        if class & TOKEN != 0 {
            // the first character, then the lower-case letters after it
            // (which add nothing to `seen` but `TOKEN`), many at a time
            seen = class;
            at = lower_case_run(bytes, at + 1);
        }
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
            if bytes[at..].starts_with(CURLY) {
                ascii = false;
                at += CURLY.len();
                continue;
            }
            let c = char_at(sentence, at);
            if !is_token_char(c) {
                break;
            }
            ascii = false;
            curly_only = false;
            at += c.len_utf8();
        }
        // only a run that holds `'` or `’` is trimmed
        let (from, to) = if ascii && seen & APOSTROPHE == 0 {
            (start, at)
        } else {
            match trim_apostrophes(bytes, start, at) {
                (from, to) if from < to => (from, to),
                _ => continue,
            }
        };
        count += 1;
        // apostrophes are not digits, so the digits of the run are those
        // of the token
        let h = if seen & DIGIT != 0 {
            let word = &bytes[from..to];
            let digits = word.iter().all(u8::is_ascii_digit);
            let is_year =
                digits && word.len() == 4 && (word.starts_with(b"19") || word.starts_with(b"20"));
            // as `flags.read` reads `<num>` and `<year>`
            flags.number = true;
            flags.year |= is_year;
            if is_year { YEAR } else { NUM }
        } else if ascii {
            let (h, last) = ascii_token_hash(bytes, from, to);
            flags.read_ascii(&bytes[from..to], last);
            h
        } else {
            // `'` and `’` are whole characters, so these are char boundaries
            let word = &sentence[from..to];
            lowered.clear();
            if curly_only {
                // ASCII letters, and `’` read as `'`
                let mut rest = word;
                while let Some(i) = rest.find('’') {
                    lowered.push_str(&rest[..i]);
                    lowered.push('\'');
                    rest = &rest[i + '’'.len_utf8()..];
                }
                lowered.push_str(rest);
                lowered.make_ascii_lowercase();
            } else {
                lowered.push_str(&word.to_lowercase().replace('’', "'"));
            }
            flags.read(lowered);
            token_hash(lowered.as_bytes())
        };
        keys.key(h);
        keys.key(mix(PAIR, prev, h));
        prev = h;
    }
    keys.key(mix(PAIR, prev, END));
    // the facts of the characters past the last token read
    while at < bytes.len() {
        let class = CLASS[usize::from(bytes[at])];
        if class & OTHER == 0 {
            chars.ascii(class);
            at += 1;
        } else {
            let c = char_at(sentence, at);
            chars.other(c);
            at += c.len_utf8();
        }
    }
    hand_features(sentence, &flags, &chars.facts(), count, |hand| {
        keys.hand(hand);
    });
}

/// The UTF-8 bytes of `’`.
const CURLY: &[u8] = "’".as_bytes();

/// The end of the run of ASCII lower-case letters that starts at `at` in
/// `bytes`: eight bytes are tested at a time, and the last few bytes of
/// `bytes` not at all (`at` is then returned as it is).
#[inline]
fn lower_case_run(bytes: &[u8], mut at: usize) -> usize {
    while let Some(eight) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        // the high bit of each byte from `a` to `z`: with the high bit
        // clear, adding 0x80 - b'a' sets it from `a` on and adding
        // 0x80 - b'z' - 1 from past `z` on, carrying into no other byte
        let low = x & (ONES * 0x7F);
        let from_a = low + ONES * (0x80 - u64::from(b'a'));
        let past_z = low + ONES * (0x80 - u64::from(b'z') - 1);
        let lower = from_a & !past_z & !x & (ONES * 0x80);
        let run = (!lower & (ONES * 0x80)).trailing_zeros() / 8;
        at += run as usize;
        if run < 8 {
            break;
        }
    }
    at
}

/// The bounds of `bytes[from..to]` without its leading and trailing `'`
/// and `’`.
fn trim_apostrophes(bytes: &[u8], mut from: usize, mut to: usize) -> (usize, usize) {
    loop {
        let rest = &bytes[from..to];
        if rest.starts_with(b"'") {
            from += 1;
        } else if rest.starts_with(CURLY) {
            from += CURLY.len();
        } else {
            break;
        }
    }
    loop {
        let rest = &bytes[from..to];
        if rest.ends_with(b"'") {
            to -= 1;
        } else if rest.ends_with(CURLY) {
            to -= CURLY.len();
        } else {
            break;
        }
    }
    (from, to)
}

/// The character that starts at byte `at` of `s`, which must be a char
/// boundary inside `s`.
fn char_at(s: &str, at: usize) -> char {
    s[at..].chars().next().unwrap_or(' ')
}

/// Whether `c` belongs to a token: a letter, a digit or `’`.
fn is_token_char(c: char) -> bool {
    c == '’' || super::normalize::is_alphanumeric(c)
}

/// [`CharFacts`] gathered one character at a time.
#[derive(Default)]
struct CharScan {
    /// Words after the first that start with a capital, so far.
    capitals: usize,
    /// Bits of [`CLASS`] seen in ASCII characters.
    seen: u8,
    /// Whitespace came after the last character other than whitespace,
    /// so that the next such character starts a word after the first.
    pending: bool,
    /// A character other than whitespace has been seen.
    in_text: bool,
}

impl CharScan {
    /// Reads a character other than whitespace, upper case or not.
    #[inline]
    fn visible(&mut self, upper: bool) {
        self.capitals += usize::from(self.pending & upper);
        self.pending = false;
        self.in_text = true;
    }

    /// Reads whitespace.
    #[inline]
    fn space(&mut self) {
        self.pending = self.in_text;
    }

    /// Reads an ASCII character of class `class`.
    fn ascii(&mut self, class: u8) {
        self.seen |= class;
        if class & SPACE != 0 {
            self.space();
        } else {
            self.visible(class & UPPER != 0);
        }
    }

    /// Reads a character that is not ASCII.
    fn other(&mut self, c: char) {
        if c.is_whitespace() {
            self.space();
        } else {
            self.visible(c.is_uppercase());
        }
    }

    /// Reads the first character of a token, upper case or not; the rest
    /// of a token is neither whitespace nor `%` nor `$`.
    fn token(&mut self, upper: bool) {
        self.visible(upper);
    }

    /// What was read.
    fn facts(&self) -> CharFacts {
        CharFacts {
            percent: self.seen & PERCENT != 0,
            dollar: self.seen & DOLLAR != 0,
            capitals: self.capitals,
        }
    }
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

    hand_features(sentence, &flags, &CharFacts::of(sentence), count, |hand| {
        pair("h:", HAND_NAMES[hand as usize], None)
    });
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

    /// [`TokenFlags::read`] of the ASCII token `t` in lower case, given
    /// the last chunk of [`ascii_token_hash`] (the whole lower-cased
    /// token when it is at most eight bytes long).
    #[inline]
    fn read_ascii(&mut self, t: &[u8], last: u64) {
        const PERCENT_W: u64 = packed(b"percent");
        const DOLLARS: u64 = packed(b"dollars");
        const BILLION: u64 = packed(b"billion");
        const MILLION: u64 = packed(b"million");
        const TRILLION: u64 = packed(b"trillion");
        const MORE: u64 = packed(b"more");
        const LESS: u64 = packed(b"less");
        const MOST: u64 = packed(b"most");
        const FEWER: u64 = packed(b"fewer");
        const LEAST: u64 = packed(b"least");
        let n = t.len();
        // Tested without branches, since word lengths are unpredictable
        // on real text. A token of at most eight bytes is `last` itself,
        // zero-padded, and tokens hold no zero byte, so matching a word
        // here also matches its length.
        let short = n <= 8;
        let is = |word: u64| last == word;
        self.comparative |= short & (is(MORE) | is(LESS) | is(MOST) | is(FEWER) | is(LEAST));
        self.percent |= short & is(PERCENT_W);
        self.money |= short & (is(DOLLARS) | is(BILLION) | is(MILLION) | is(TRILLION));
        // The last four bytes, little-endian (zeros before a shorter
        // token's first byte), in lower case.
        let tail = if short {
            // `last` moved up to its top byte keeps the token's end there
            // (no token is empty; one would have no tail)
            (last.checked_shl(8 * (8 - n as u32)).unwrap_or(0) >> 32) as u32
        } else {
            // `| 0x20` lower-cases an ASCII letter and changes no other
            // token byte into one
            let mut four = [0u8; 4];
            four.copy_from_slice(&t[n - 4..]);
            u32::from_le_bytes(four) | 0x2020_2020
        };
        self.comparative |= (n > 4)
            & ((tail >> 16 == u32::from_le_bytes(*b"er\0\0"))
                | (tail >> 8 == u32::from_le_bytes(*b"est\0")));
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
const APOSTROPHE: u8 = 128;

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
        } else if c.is_ascii_lowercase() {
            TOKEN
        } else if c == b'\'' {
            TOKEN | APOSTROPHE
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

/// The hand-made features.
#[derive(Clone, Copy)]
enum Hand {
    Number,
    Year,
    Percent,
    Money,
    Comparative,
    Question,
    Caps0,
    Caps1,
    Caps2,
    Caps4,
    Len0,
    Len6,
    Len13,
    Len26,
}

/// The name of each [`Hand`] feature, without its `h:` prefix.
const HAND_NAMES: [&str; 14] = [
    "number",
    "year",
    "percent",
    "money",
    "comparative",
    "question",
    "caps0",
    "caps1",
    "caps2",
    "caps4",
    "len0",
    "len6",
    "len13",
    "len26",
];

/// The key of each [`Hand`] feature, as [`feature_key`] gives it.
const HAND_KEYS: [u64; 14] = {
    let mut keys = [0; 14];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = mix(HAND, token_hash(HAND_NAMES[i].as_bytes()), 0);
        i += 1;
    }
    keys
};

/// Calls `hand` with every hand-made feature of a sentence; `chars` are
/// the facts of its characters and `count` the number of tokens.
fn hand_features(
    sentence: &str,
    flags: &TokenFlags,
    chars: &CharFacts,
    count: usize,
    mut hand: impl FnMut(Hand),
) {
    if flags.number {
        hand(Hand::Number);
    }
    if flags.year {
        hand(Hand::Year);
    }
    if flags.percent || chars.percent {
        hand(Hand::Percent);
    }
    if flags.money || chars.dollar {
        hand(Hand::Money);
    }
    if flags.comparative {
        hand(Hand::Comparative);
    }
    if sentence.trim_end().ends_with('?') {
        hand(Hand::Question);
    }
    hand(match chars.capitals {
        0 => Hand::Caps0,
        1 => Hand::Caps1,
        2..=3 => Hand::Caps2,
        _ => Hand::Caps4,
    });
    hand(match count {
        0..=5 => Hand::Len0,
        6..=12 => Hand::Len6,
        13..=25 => Hand::Len13,
        _ => Hand::Len26,
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
            let (hashed, named) = both_keys(s);
            assert_eq!(hashed, named, "{s}");
        }
    }

    /// The distinct keys of [`each_key`] and of the named features.
    fn both_keys(s: &str) -> (Vec<u64>, Vec<u64>) {
        let mut hashed = Vec::new();
        each_key(s, &mut String::new(), &mut |key| hashed.push(key));
        hashed.sort_unstable();
        hashed.dedup();
        let mut named: Vec<u64> = checkworthy_features(s)
            .iter()
            .map(|f| feature_key(f).expect("a well-formed feature"))
            .collect();
        named.sort_unstable();
        named.dedup();
        (hashed, named)
    }

    proptest::proptest! {
        #[test]
        fn hashed_keys_agree_on_any_text(s in "(?s:[a-zA-Z0-9 '’%$?.,\t\n\u{b}\u{c}\u{a0}é€ΣİÆ\u{301}\u{2003}\u{2019}\u{201c}\u{2014}\u{2160}]{0,60})") {
            let (hashed, named) = both_keys(&s);
            proptest::prop_assert_eq!(hashed, named);
        }
    }

    #[test]
    fn hashed_keys_agree_past_the_token_limit() {
        let s = format!(
            "{} Then $5 Rose 40% In “Paris” ’Twas",
            "the Word’s ".repeat(MAX_TOKENS)
        );
        let (hashed, named) = both_keys(&s);
        assert_eq!(hashed, named);
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| c != '’') {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_token_char(c), "{c:?}");
        }
        assert!(is_token_char('’') && is_token_char('é') && is_token_char('Ⅰ'));
    }

    #[test]
    fn weights_parse_as_the_general_parser_reads_them() {
        for s in [
            "-0.151",
            "0.392",
            "1.17",
            "-0",
            "0",
            "12",
            "+3.5",
            "0.05",
            "1e3",
            "5.",
            ".5",
            "",
            "-",
            "1.2.3",
            "x",
            "123456789012345678",
            "0.1000000000000001",
            "-0.4161",
            "3.4028236e38",
            "0.3333333333333333",
        ] {
            let want = s.parse::<f32>().ok();
            assert_eq!(
                parse_weight(s).map(f32::to_bits),
                want.map(f32::to_bits),
                "{s}"
            );
        }
        for line in WEIGHTS.lines() {
            if let Some(field) = line.split('|').nth(1) {
                let field = field.trim();
                let want = field.parse::<f32>().ok();
                assert_eq!(
                    parse_weight(field).map(f32::to_bits),
                    want.map(f32::to_bits)
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn decimals_parse_as_the_general_parser_reads_them(s in "-?[0-9]{1,8}\\.[0-9]{1,7}") {
            proptest::prop_assert_eq!(parse_weight(&s).map(f32::to_bits), s.parse::<f32>().ok().map(f32::to_bits));
        }

        #[test]
        fn trimming_is_the_general_trim(s in "[ a\t\u{b}\u{c}\u{a0}\u{2003}é|]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }
    }

    #[test]
    fn no_two_features_of_the_model_share_a_key() {
        let mut names = std::collections::HashSet::new();
        let mut keys = std::collections::HashSet::new();
        for entry in crate::grammar::entries(WEIGHTS) {
            let name = crate::grammar::fields(entry).next().unwrap_or("");
            if let Some(key) = feature_key(name) {
                names.insert(name);
                keys.insert(key);
            }
        }
        assert!(names.len() > 20_000);
        assert_eq!(names.len(), keys.len());
    }

    #[test]
    fn the_table_finds_every_key_and_no_other() {
        // keys whose high half is 0 all start at the first bucket, and
        // overflow into the next ones
        let entries: Vec<(u64, f32)> = (0..40u64)
            .map(|i| (i * 0x0101, i as f32))
            .chain((1..60u64).map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15), -(i as f32))))
            .chain([(0, 7.0), (5 * 0x0101, 8.0)])
            .collect();
        let table = Table::new(&entries);
        let want: HashedMap = entries.iter().copied().collect();
        assert_eq!(table.iter().collect::<HashedMap>(), want);
        for (&key, &weight) in &want {
            assert_eq!(table.get(key).map(|(_, _, w)| w), Some(weight), "{key}");
        }
        for key in [1, 40 * 0x0101, u64::MAX, 0x1234_5678_9ABC_DEF0] {
            assert_eq!(table.get(key), None, "{key}");
        }
        assert!(table.buckets[0].overflow);
    }

    proptest::proptest! {
        #[test]
        fn bytes_are_found_as_a_plain_search(s in "[a-z_|#\n\u{e9}]{0,30}", at in 0usize..40) {
            let bytes = s.as_bytes();
            let want = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'_')).map(|i| at + i);
            proptest::prop_assert_eq!(find_byte(bytes, at, b'_'), want);
            let at = at.min(bytes.len());
            let special = bytes[at..].iter().position(|&b| LINE_SPECIAL[usize::from(b)]).map_or(bytes.len(), |i| at + i);
            proptest::prop_assert_eq!(next_special(bytes, at), special);
        }

        #[test]
        fn tokens_hash_in_place_as_alone(s in "[a-z_:<>/\u{e9}\u{2019}]{0,30}", a in 0usize..40, b in 0usize..40) {
            let bytes = s.as_bytes();
            let (from, to) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            proptest::prop_assert_eq!(token_hash_in(bytes, from, to), token_hash(&bytes[from..to]));
        }

        #[test]
        fn ascii_tokens_hash_as_their_lower_case(
            before in "[a-z ]{0,12}",
            token in "[a-zA-Z0-9']{1,30}",
            after in "[a-z ]{0,12}",
        ) {
            let s = format!("{before}{token}{after}");
            let (from, to) = (before.len(), before.len() + token.len());
            let lower = token.to_ascii_lowercase();
            let (h, last) = ascii_token_hash(s.as_bytes(), from, to);
            proptest::prop_assert_eq!(h, token_hash(lower.as_bytes()));
            proptest::prop_assert_eq!(last, chunk(lower.as_bytes(), (lower.len() - 1) / 8 * 8));
            let mut fast = TokenFlags::default();
            fast.read_ascii(token.as_bytes(), last);
            let mut plain = TokenFlags::default();
            plain.read(&lower);
            proptest::prop_assert_eq!(
                (fast.percent, fast.money, fast.comparative),
                (plain.percent, plain.money, plain.comparative)
            );
        }
    }

    #[test]
    fn ascii_token_flags_are_read_as_named() {
        for t in [
            "percent",
            "PERCENT",
            "dollars",
            "Billion",
            "million",
            "trillion",
            "more",
            "Less",
            "most",
            "fewer",
            "least",
            "lesser",
            "water",
            "Best",
            "nest",
            "nests",
            "percents",
            "TRILLIONS",
            "er",
            "ber",
            "faster",
            "o'er",
            "x",
        ] {
            let lower = t.to_ascii_lowercase();
            let (_, last) = ascii_token_hash(t.as_bytes(), 0, t.len());
            let mut fast = TokenFlags::default();
            fast.read_ascii(t.as_bytes(), last);
            let mut plain = TokenFlags::default();
            plain.read(&lower);
            assert_eq!(
                (fast.percent, fast.money, fast.comparative),
                (plain.percent, plain.money, plain.comparative),
                "{t}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn lower_case_runs_end_at_the_first_other_byte(s in "[a-zA-Z0-9 '`{@\u{e9}\u{2019}]{0,40}", at in 0usize..40) {
            let bytes = s.as_bytes();
            let at = at.min(bytes.len());
            let end = lower_case_run(bytes, at);
            let plain = bytes[at..].iter().position(|b| !b.is_ascii_lowercase()).map_or(bytes.len(), |i| at + i);
            // the run stops where it must, or short of the last 8 bytes
            proptest::prop_assert!(end == plain || (end + 8 > bytes.len() && end <= plain));
            proptest::prop_assert!(bytes[at..end].iter().all(u8::is_ascii_lowercase));
        }
    }

    #[test]
    fn the_built_in_weights_sum_in_any_order() {
        assert!(model().order_free);
        assert!(sums_exactly(1.0, [0.5, -0.25].into_iter()));
        // a weight far smaller than the others loses its bits in a sum
        assert!(!sums_exactly(1.0, [1e-12, 3.0].into_iter()));
        assert!(!sums_exactly(1.0, [f32::NAN].into_iter()));
    }

    #[test]
    fn scores_summed_in_key_order_are_the_same() {
        let mut exact = parse(WEIGHTS);
        assert!(exact.order_free);
        let mut sorted = parse(WEIGHTS);
        sorted.order_free = false;
        let mut scratch = Scratch::default();
        for s in [
            "Unemployment rose by 12 percent in 2019, the highest rate in a decade.",
            "Thank you very much, it is good to be here, here, here.",
            "",
        ] {
            let a = score(&exact, s, &mut scratch);
            let b = score(&sorted, s, &mut scratch);
            assert_eq!(a.to_bits(), b.to_bits(), "{s}");
        }
        // the tags start over when they wrap around, and repeats still
        // count once
        exact.order_free = true;
        let s = "It rose 5 percent, 5 percent.";
        let want = check_worthiness(s);
        for last in [
            0u16.wrapping_sub(PLACES + 1),
            0u16.wrapping_sub(2 * (PLACES + 1)),
        ] {
            scratch.tag = last;
            for _ in 0..3 {
                assert_eq!(score(&exact, s, &mut scratch).to_bits(), want.to_bits());
            }
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
        assert_eq!(got.weights(), want);
        assert_eq!((got.bias, got.threshold), (bias, threshold));
        assert_eq!(
            got.weights().get(&feature_key("w:extra").unwrap()),
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
