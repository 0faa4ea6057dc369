//! Words with their byte spans, found in one linear scan.

use smol_str::SmolStr;
use std::cell::RefCell;

use super::lexicon::{Lexicon, WordClass};
use crate::grammar::{
    ascii_alnum_end, ascii_alnum_prefix, ascii_lower8, is_alphanumeric, is_joiner,
};
use crate::span::Span;

/// The most bytes a word may span; longer runs are cut, so no scan
/// revisits them.
const WORD_MAX_BYTES: usize = 64;

/// One word of the text.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// The word, without a possessive `'s` or a trailing dot.
    pub span: Span,
    /// The end of the word as written, possessive included.
    pub full_end: usize,
    /// The number of the word's lower-case form, without possessive,
    /// among the document's distinct words (see [`Toks::key_of`]).
    pub word: u32,
    /// What the lexicon says about `key`.
    pub class: WordClass,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Ends with `'s`, `’s` or `s'`.
    pub poss: bool,
    /// Immediately followed by a dot.
    pub dot: bool,
    /// Only spaces (and an abbreviation's dot) separate this word from
    /// the previous one: they can belong to one phrase.
    pub joined: bool,
    /// First word of a sentence, or first after an opening quotation mark
    /// or colon: a capital here says nothing.
    pub initial: bool,
    /// First word of a sentence or of a line.
    pub sentence_start: bool,
}

/// The char at byte `i` of `text`, which must be a char boundary.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// True when the char at byte `i` of `text` is alphanumeric.
#[inline]
fn alphanumeric_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => BYTE_CLASS[usize::from(b)] & ALNUM != 0,
        Some(_) => char_at(text, i).is_some_and(is_alphanumeric),
        None => false,
    }
}

/// [`BYTE_CLASS`] bit: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] bit: an ASCII joiner (see [`is_joiner`]).
const JOINER: u8 = 2;
/// [`BYTE_CLASS`] bit: an ASCII capital; shifted left by three it is
/// the bit that lower-cases the letter.
const UPPER: u8 = 4;
/// [`BYTE_CLASS`] bit: a byte of a non-ASCII char.
const NON_ASCII: u8 = 8;

/// What the tokenizer needs to know about each byte, looked up at once.
static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if !b.is_ascii() {
            NON_ASCII
        } else if b.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if b.is_ascii_alphanumeric() {
            ALNUM
        } else if is_joiner(b as char) {
            JOINER
        } else {
            0
        };
        i += 1;
    }
    table
}

/// The multiplier of the word hash.
const HASH_MUL: u64 = 0x517c_c1b7_2722_0a95;

/// One step of the word hash: mixes in `chunk`, eight key bytes read
/// little-endian (the last chunk of a key zero-padded).
#[inline]
fn hash_step(hash: u64, chunk: u64) -> u64 {
    (hash.rotate_left(5) ^ chunk).wrapping_mul(HASH_MUL)
}

/// The word hash of lower-case `key` bytes, eight at a time. For a key
/// of at most eight bytes it is a one-to-one function of the key's
/// zero-padded bytes, so equal hashes and lengths mean equal keys.
fn hash_bytes(key: &[u8]) -> u64 {
    hash_chunks(0, key, |chunk| chunk)
}

/// The word hash of `key` from `seed`: eight bytes at a time, read
/// little-endian (the last chunk zero-padded), each chunk passed
/// through `map` before it is mixed in.
#[inline]
pub(super) fn hash_chunks(seed: u64, key: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    let mut chunks = key.chunks_exact(8);
    let mut hash = seed;
    for chunk in &mut chunks {
        let mut le = [0u8; 8];
        le.copy_from_slice(chunk);
        hash = hash_step(hash, map(u64::from_le_bytes(le)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let padded = rest
            .iter()
            .enumerate()
            .fold(0, |v, (i, &b)| v | u64::from(b) << (8 * i));
        hash = hash_step(hash, map(padded));
    }
    hash
}

/// The slot of the word hash `hash` in a table of `mask + 1` slots: the
/// high half, where every key byte has mixed in.
#[inline]
fn slot_of(hash: u64, mask: usize) -> usize {
    (hash >> 32) as usize & mask
}

/// The words of one document, with the lexicon classes of each distinct
/// word looked up once.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// The words in order.
    pub tokens: Vec<Token>,
    /// The [`Vocab`] id of each distinct lower-case word, by word
    /// number ([`Token::word`] is below its length).
    vocab_ids: Vec<u32>,
}

impl Words {
    /// The words with their keys, to pass around; `keys` are those of
    /// the [`Vocab`] the words were looked up in.
    fn toks<'w>(&'w self, keys: &'w [SmolStr]) -> Toks<'w> {
        Toks {
            tokens: &self.tokens,
            vocab_ids: &self.vocab_ids,
            keys,
        }
    }
}

/// A document's words together with its table of lower-case keys: a
/// slice of [`Token`]s (it derefs to one) that can also tell each
/// token's key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Toks<'w> {
    tokens: &'w [Token],
    /// [`Words::vocab_ids`].
    vocab_ids: &'w [u32],
    /// The keys of the [`Vocab`], by id.
    keys: &'w [SmolStr],
}

impl<'w> Toks<'w> {
    /// Lower case form of token `t`'s word, without possessive.
    #[inline]
    pub fn key_of(&self, t: &Token) -> &'w str {
        self.keys[self.vocab_ids[t.word as usize] as usize].as_str()
    }

    /// How many distinct lower-case words there are ([`Token::word`]
    /// is below this).
    pub fn distinct(&self) -> usize {
        self.vocab_ids.len()
    }
}

impl std::ops::Deref for Toks<'_> {
    type Target = [Token];

    fn deref(&self) -> &[Token] {
        self.tokens
    }
}

/// How many distinct words the per-thread [`Vocab`] may hold; past this
/// it starts afresh before the next document, so its memory stays
/// bounded (a table of at most 1.3 MB, and the keys) however many
/// documents a thread reads. On real news a table of 2^16 words ran no
/// faster: a word seen again after a fresh start is soon back.
const VOCAB_MAX_WORDS: usize = 1 << 14;

/// One slot of the [`Vocab`] table: what it knows of one distinct
/// lower-case word, filed in the table itself, so that looking a word up
/// reads one 40-byte slot and nothing else, unless the word is longer
/// than eight bytes. On real news the table outgrows
/// the nearer caches, and a second dependent read per word (a table of
/// ids, then the entries) cost more than the rest of the word loop.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct VocabEntry {
    /// The word hash of the key.
    hash: u64,
    /// The word's id + 1 (its place in [`Vocab::keys`]); 0 in an empty
    /// slot.
    id: u32,
    /// The [`Vocab::generation`] of the document that last met the word.
    seen: u32,
    /// The word's number in that document (see [`Token::word`]).
    local: u32,
    /// What the lexicon says about the key.
    class: WordClass,
    /// The length of the key in bytes, 255 for any longer one (whose
    /// bytes are compared).
    len: u8,
}

// (Aligned to 32 bytes, a slot took 64: no faster, and more memory.)
const _: () = assert!(std::mem::size_of::<VocabEntry>() == 40);

/// [`VocabEntry::len`] of a key `len` bytes long.
#[inline]
fn short_len(len: usize) -> u8 {
    len.min(255) as u8
}

/// The distinct lower-case words met by one thread, across documents: an
/// open-addressing table over their hashes, holding each word's lexicon
/// classes (and, apart, its key), so a word met in an earlier document
/// is neither classified nor copied again. A document still numbers its
/// words densely in order of first appearance: each entry remembers the
/// number it got in the current document, stamped with the document's
/// generation. Every answer is a function of the word alone, so what a
/// thread read before never changes a result.
#[derive(Debug)]
struct Vocab {
    /// The table; a power of two long, at most half full.
    slots: Vec<VocabEntry>,
    /// Each word's lower-case key, by word id.
    keys: Vec<SmolStr>,
    /// The number of the current document; entries stamped with another
    /// have no number in it yet.
    generation: u32,
    /// The lexicon the classes come from.
    lexicon: Option<&'static Lexicon>,
}

thread_local! {
    /// This thread's vocabulary.
    static VOCAB: RefCell<Vocab> = RefCell::new(Vocab::new());
}

impl Vocab {
    /// An empty vocabulary.
    fn new() -> Self {
        Vocab {
            slots: vec![VocabEntry::default(); 1 << 12],
            keys: Vec::new(),
            generation: 0,
            lexicon: None,
        }
    }

    /// Starts a document whose words are classified by `lex`: empties the
    /// vocabulary when it is full or was filled from another lexicon.
    fn start_document(&mut self, lex: &'static Lexicon) {
        if self.keys.len() > VOCAB_MAX_WORDS
            || self.generation == u32::MAX
            || !self.lexicon.is_some_and(|l| std::ptr::eq(l, lex))
        {
            *self = Vocab::new();
            self.lexicon = Some(lex);
        }
        self.generation += 1;
    }

    /// Files a new word `key` with `hash`, which the table does not hold;
    /// returns its slot.
    fn insert(&mut self, hash: u64, key: SmolStr) -> usize {
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let id = self.keys.len();
        let class = self.lexicon.map(|l| l.classify(&key)).unwrap_or_default();
        let slot = self.free_slot(hash);
        self.slots[slot] = VocabEntry {
            hash,
            id: id as u32 + 1,
            seen: 0,
            local: 0,
            class,
            len: short_len(key.len()),
        };
        self.keys.push(key);
        slot
    }

    /// The first empty slot from the home slot of `hash` on.
    fn free_slot(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(hash, mask);
        while self.slots[slot].id != 0 {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// Doubles the slots and files every word again.
    fn grow(&mut self) {
        let doubled = vec![VocabEntry::default(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for e in old.into_iter().filter(|e| e.id != 0) {
            let slot = self.free_slot(e.hash);
            self.slots[slot] = e;
        }
    }
}

/// The distinct words of one document, numbered in order of first
/// appearance, looked up in the thread's [`Vocab`].
struct WordTable<'v> {
    vocab: &'v mut Vocab,
    /// The vocabulary id of each word, by word number, for the first
    /// `words` entries; the rest is room written ahead.
    vocab_ids: Vec<u32>,
    /// How many distinct words the document has shown so far.
    words: usize,
}

impl WordTable<'_> {
    /// The number and classes of `word` as written, lower-cased: ASCII
    /// words on the stack, lowered and hashed in one pass; others with
    /// full Unicode lower-casing.
    fn intern(&mut self, word: &str) -> (u32, WordClass) {
        const STACK_WORD: usize = 64;
        let bytes = word.as_bytes();
        if bytes.len() <= STACK_WORD {
            let mut buf = [0u8; STACK_WORD];
            let mut classes = 0;
            for (dst, &b) in buf.iter_mut().zip(bytes) {
                let class = BYTE_CLASS[usize::from(b)];
                classes |= class;
                *dst = b | (class & UPPER) << 3;
            }
            if classes & NON_ASCII == 0 {
                let lower = &buf[..bytes.len()];
                // (lowering ASCII letters keeps the bytes UTF-8)
                let key = || SmolStr::new(std::str::from_utf8(lower).unwrap_or(word));
                return self.find_or_insert(lower, hash_bytes(lower), key);
            }
        }
        let lower = word.to_lowercase();
        let hash = hash_bytes(lower.as_bytes());
        self.find_or_insert(lower.as_bytes(), hash, || SmolStr::from(lower.as_str()))
    }

    /// The number and classes of the word whose lower-case bytes are
    /// `lower`, with word hash `hash`; `key` makes its key when the
    /// thread has not met it before.
    #[inline]
    fn find_or_insert(
        &mut self,
        lower: &[u8],
        hash: u64,
        key: impl FnOnce() -> SmolStr,
    ) -> (u32, WordClass) {
        let vocab = &mut *self.vocab;
        let mask = vocab.slots.len() - 1;
        let mut slot = slot_of(hash, mask);
        let len = short_len(lower.len());
        let slot = loop {
            let entry = &vocab.slots[slot];
            if entry.id == 0 {
                break vocab.insert(hash, key());
            }
            // (a key of up to eight bytes is told by its hash)
            if entry.hash == hash
                && entry.len == len
                && (len <= 8 || vocab.keys[entry.id as usize - 1].as_bytes() == lower)
            {
                break slot;
            }
            slot = (slot + 1) & mask;
        };
        // Whether the word is new to the document is taken without a
        // branch, as it is unpredictable: the id is written at the next
        // number either way, and kept by counting it only when new.
        if self.words == self.vocab_ids.len() {
            self.vocab_ids.resize(2 * self.words + 16, 0);
        }
        let generation = vocab.generation;
        let entry = &mut vocab.slots[slot];
        let fresh = entry.seen != generation;
        self.vocab_ids[self.words] = entry.id - 1;
        entry.local = if fresh {
            self.words as u32
        } else {
            entry.local
        };
        entry.seen = generation;
        self.words += usize::from(fresh);
        (entry.local, entry.class)
    }
}

/// Splits `text` into words and hands them to `f`. `sentence_starts` are
/// the byte offsets where sentences begin, in order. (The words' keys
/// stay in the thread's vocabulary, lent to `f`, so none is copied.)
pub(crate) fn with_words<R>(
    text: &str,
    sentence_starts: &[usize],
    lex: &'static Lexicon,
    f: impl FnOnce(Toks<'_>) -> R,
) -> R {
    VOCAB.with_borrow_mut(|vocab| {
        let words = tokenize_with(text, sentence_starts, lex, vocab);
        f(words.toks(&vocab.keys))
    })
}

/// What the gap `text[prev_end..start]` between word `p` and the next
/// word says, when it is not one space: whether the two words are
/// joined (see [`Token::joined`]), whether the gap holds a line break,
/// and whether it holds a line break or a mark after which a capital
/// says nothing (see [`Token::initial`]).
fn gap_flags(text: &str, p: &Token, prev_end: usize, start: usize) -> (bool, bool, bool) {
    let between = &text[prev_end..start];
    if between.is_ascii() {
        // The usual gap (", ", ". ", " \""), a byte at a time.
        let bytes = between.as_bytes();
        let opener = bytes
            .iter()
            .any(|b| matches!(b, b'"' | b':' | b'(' | b'\n' | b'?' | b'!'));
        let newline = opener && bytes.contains(&b'\n');
        let gap = if p.dot && abbreviation_like(&text[p.span.start..p.span.end]) {
            bytes.strip_prefix(b".").unwrap_or(bytes)
        } else {
            bytes
        };
        let joined = !gap.is_empty() && gap.iter().all(|b| matches!(b, b' ' | b'\t')) && !p.poss
            || p.poss && gap.iter().all(|&b| b == b' ')
            || gap == b" & " && p.cap && text[start..].starts_with(char::is_uppercase);
        return (joined, newline, opener);
    }
    let gap = if p.dot && abbreviation_like(&text[p.span.start..p.span.end]) {
        between.strip_prefix('.').unwrap_or(between)
    } else {
        between
    };
    let joined = !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}')) && !p.poss
        || p.poss && gap.chars().all(|c| c == ' ')
        // "Hollis & Brandt": an ampersand joins two names.
        || gap == " & " && p.cap && text[start..].starts_with(char::is_uppercase);
    let mut newline = false;
    let mut opener = false;
    for c in between.chars() {
        newline |= c == '\n';
        opener |= matches!(
            c,
            '“' | '"' | '‘' | '«' | '„' | ':' | '(' | '—' | '–' | '\n' | '?' | '!'
        );
    }
    (joined, newline, opener)
}

/// [`with_words`]' words, looked up in `vocab`.
fn tokenize_with(
    text: &str,
    sentence_starts: &[usize],
    lex: &'static Lexicon,
    vocab: &mut Vocab,
) -> Words {
    vocab.start_document(lex);
    let bytes = text.as_bytes();
    // about one word in six bytes of news text, seldom more than one in
    // four
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    // For each word, its lower-cased bytes when they fit in eight.
    let mut heads: Vec<u64> = Vec::with_capacity(text.len() / 4 + 1);
    // about one distinct word in twenty bytes, seldom more than one in ten
    let mut table = WordTable {
        vocab,
        vocab_ids: vec![0; text.len() / 10 + 16],
        words: 0,
    };
    let mut pos = 0;
    let mut prev_end = 0;
    let mut next_sentence = 0;
    'words: while pos < bytes.len() {
        // Skip to the next letter or digit.
        let mut class = BYTE_CLASS[usize::from(bytes[pos])];
        while class & (ALNUM | NON_ASCII) == 0 {
            pos += 1;
            match bytes.get(pos) {
                Some(&b) => class = BYTE_CLASS[usize::from(b)],
                None => break 'words,
            }
        }
        let start = pos;
        // The eight bytes from the word's start, when the text has them.
        let mut head = 0;
        if class & ALNUM != 0 {
            // The run of ASCII letters and digits: eight bytes at once,
            // then (seldom) a byte at a time.
            pos += 1;
            if let Some(first) = bytes.get(start..start + 8) {
                let mut le = [0u8; 8];
                le.copy_from_slice(first);
                head = u64::from_le_bytes(le);
                pos = start + ascii_alnum_prefix(head);
            }
            if pos - start >= 8 || head == 0 {
                let limit = bytes.len().min(start + WORD_MAX_BYTES);
                pos = ascii_alnum_end(&bytes[..limit], pos);
            }
        } else {
            let Some(c) = char_at(text, pos) else { break };
            pos += c.len_utf8();
            if !is_alphanumeric(c) {
                continue;
            }
        }
        // Letters and digits, and a joiner between two of them; `end`
        // follows the last letter or digit.
        let run_end = pos;
        let mut end = pos;
        while end - start < WORD_MAX_BYTES && pos < bytes.len() {
            let class = BYTE_CLASS[usize::from(bytes[pos])];
            if class & ALNUM != 0 {
                pos += 1;
                end = pos;
            } else if class & NON_ASCII == 0 {
                if class & JOINER != 0 && alphanumeric_at(text, pos + 1) {
                    pos += 1;
                } else {
                    break;
                }
            } else {
                let Some(d) = char_at(text, pos) else { break };
                let next = pos + d.len_utf8();
                if is_alphanumeric(d) {
                    pos = next;
                    end = next;
                } else if is_joiner(d) && alphanumeric_at(text, next) {
                    pos = next;
                } else {
                    break;
                }
            }
        }
        // One run of ASCII letters and digits (and so no possessive).
        let simple = class & ALNUM != 0 && end == run_end;
        let mut span_end = end;
        let mut poss = false;
        if !simple && matches!(bytes[end - 1], b's' | b'S') {
            let word = &text[start..end];
            for suffix in ["'s", "’s", "'S", "’S"] {
                if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                    span_end = end - suffix.len();
                    poss = true;
                }
            }
        }
        if !poss && bytes[end - 1] == b's' {
            let after = &text[end..];
            if (after.starts_with('\'') || after.starts_with('’'))
                && !after
                    .trim_start_matches(['\'', '’'])
                    .starts_with(char::is_alphanumeric)
            {
                poss = true;
            }
        }
        let dot = bytes.get(end) == Some(&b'.');
        let mut initial = false;
        while next_sentence < sentence_starts.len() && sentence_starts[next_sentence] <= start {
            next_sentence += 1;
            initial = true;
        }
        // The usual gap, one space: joined to any word before it.
        let space = start == prev_end + 1 && bytes[prev_end] == b' ';
        let (joined, newline, opener) = match out.last() {
            None => (false, true, true),
            Some(_) if space => (true, false, false),
            Some(p) => gap_flags(text, p, prev_end, start),
        };
        let sentence_start = initial || newline;
        let initial = initial || opener;
        // A word of at most eight ASCII letters and digits, the usual
        // case, is looked up by its `head` bytes, lowered; others by
        // their text (0).
        let n = end - start;
        heads.push(if simple && n <= 8 && head != 0 {
            ascii_lower8(head) & (u64::MAX >> (64 - 8 * n))
        } else {
            0
        });
        let cap = if class & NON_ASCII == 0 {
            class & UPPER != 0
        } else {
            text[start..].starts_with(char::is_uppercase)
        };
        out.push(Token {
            span: Span::new(start, span_end),
            full_end: end,
            // (filled in below)
            word: 0,
            class: WordClass::default(),
            cap,
            poss,
            dot,
            joined,
            initial,
            sentence_start,
        });
        prev_end = end;
    }
    // The words are looked up in a second pass, apart from the scan for
    // them: the look-ups of successive words, each a likely cache miss
    // in a large table, no longer wait on one another's scanning, and
    // the processor overlaps them.
    for (t, &head) in out.iter_mut().zip(&heads) {
        (t.word, t.class) = if head != 0 {
            let lower = head.to_le_bytes();
            let lower = &lower[..t.span.len()];
            // (lowering ASCII letters keeps the bytes UTF-8)
            let key = || SmolStr::new(std::str::from_utf8(lower).unwrap_or_default());
            table.find_or_insert(lower, hash_step(0, head), key)
        } else {
            // (a run of ASCII letters and digits is at most
            // `WORD_MAX_BYTES` long, so `intern` lowers and hashes it on
            // the stack as above)
            table.intern(&text[t.span.start..t.span.end])
        };
    }
    let mut vocab_ids = table.vocab_ids;
    vocab_ids.truncate(table.words);
    Words {
        tokens: out,
        vocab_ids,
    }
}

/// Words whose dot does not end a sentence: initials, short
/// capitalised abbreviations (Mr, Sen, Gov, Jr) and dotted acronyms (U.S).
fn abbreviation_like(word: &str) -> bool {
    const LONGER: [&str; 6] = ["Sept", "Prof", "Capt", "Gens", "Sens", "Reps"];
    if word.is_ascii() {
        // The same, with a char a byte.
        let b = word.as_bytes();
        return b.first().is_some_and(u8::is_ascii_uppercase)
            && (b.len() <= 3 || b.contains(&b'.'))
            || b.len() == 4 && LONGER.contains(&word);
    }
    let n = word.chars().count();
    word.starts_with(char::is_uppercase) && (n <= 3 || word.contains('.')) || LONGER.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::lexicon;
    use super::*;

    /// The tokens of `text`, in the thread's vocabulary.
    fn tokenize(text: &str, sentence_starts: &[usize]) -> Vec<Token> {
        with_words(text, sentence_starts, lexicon(), |toks| toks.to_vec())
    }

    #[test]
    fn words_keep_possessives_and_initials() {
        let text = "Harsh V. Pant met O'Neill's aide. Blinken’s team";
        let toks = tokenize(text, &[0, 34]);
        let words: Vec<&str> = toks.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            words,
            [
                "Harsh", "V", "Pant", "met", "O'Neill", "aide", "Blinken", "team"
            ]
        );
        assert!(toks[2].joined, "the initial's dot joins");
        assert!(toks[4].poss && toks[6].poss);
        assert!(toks[6].initial && !toks[2].initial);
    }

    #[test]
    fn words_of_any_case_share_a_number() {
        let text = "The the THE thé Thé O'Neill's o'neill ΣΑΣ σας";
        with_words(text, &[0], lexicon(), |toks| {
            let ids: Vec<u32> = toks.iter().map(|t| t.word).collect();
            // (a final capital sigma lowers to the final form)
            assert_eq!(ids, [0, 0, 0, 1, 1, 2, 2, 3, 3]);
            assert_eq!(toks.distinct(), 4);
            let keys: Vec<&str> = toks.iter().map(|t| toks.key_of(t)).collect();
            assert_eq!(keys[0], "the");
            assert_eq!(keys[4], "thé");
            assert_eq!(keys[5], "o'neill");
            assert_eq!(keys[7], "σας");
        });
    }

    /// Everything `toks` says about a text, to compare runs.
    fn dump(toks: Toks<'_>) -> String {
        let keys: Vec<&str> = toks.iter().map(|t| toks.key_of(t)).collect();
        format!("{:?} {} {:?}", &*toks, toks.distinct(), keys)
    }

    /// [`dump`] of `text`'s words, looked up in `vocab`.
    fn dump_with(text: &str, vocab: &mut Vocab) -> String {
        let words = tokenize_with(text, &[0], lexicon(), vocab);
        dump(words.toks(&vocab.keys))
    }

    #[test]
    fn earlier_documents_never_change_the_words() {
        let a = "The Senator said. THE senator's aide, Ann Lee, met Dept. officials in Zürich.";
        let b = "Officials said the aide met Lee; Straße and STRASSE are not the same word.";
        let fresh = |text: &str| dump_with(text, &mut Vocab::new());
        let (first_a, first_b) = (fresh(a), fresh(b));
        // One vocabulary, shared by the documents in turn.
        let mut vocab = Vocab::new();
        let mut run = |text: &str| dump_with(text, &mut vocab);
        assert_eq!(run(a), first_a);
        assert_eq!(run(b), first_b);
        assert_eq!(run(a), first_a);
        assert_eq!(run(b), first_b);
        // The thread's own vocabulary, too.
        let thread = |text: &str| with_words(text, &[0], lexicon(), dump);
        assert_eq!(thread(b), first_b);
        assert_eq!(thread(a), first_a);
    }

    #[test]
    fn a_full_vocabulary_starts_afresh() {
        let mut vocab = Vocab::new();
        let many: String = (0..VOCAB_MAX_WORDS + 10)
            .map(|n| format!("w{n} "))
            .collect();
        let words = tokenize_with(&many, &[0], lexicon(), &mut vocab);
        assert_eq!(words.toks(&vocab.keys).distinct(), VOCAB_MAX_WORDS + 10);
        let text = "w5 The the w5";
        let expected = dump_with(text, &mut Vocab::new());
        assert_eq!(dump_with(text, &mut vocab), expected);
        assert_eq!(vocab.keys.len(), 2, "emptied before the document");
    }

    #[test]
    fn short_keys_hash_apart() {
        // One-to-one for keys of up to eight bytes: no two collide.
        let keys = ["a", "b", "ab", "ba", "zzzzzzzz", "zzzzzzz"];
        let mut hashes: Vec<u64> = keys.iter().map(|k| hash_bytes(k.as_bytes())).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), keys.len());
        assert_eq!(
            hash_bytes(b"abc"),
            hash_step(0, u64::from_le_bytes(*b"abc\0\0\0\0\0"))
        );
    }

    #[test]
    fn long_runs_never_panic() {
        let text = "é".repeat(200) + "-'.x";
        let toks = tokenize(&text, &[0]);
        assert!(!toks.is_empty());
        for t in toks {
            assert!(text.get(t.span.start..t.span.end).is_some());
        }
    }
}
