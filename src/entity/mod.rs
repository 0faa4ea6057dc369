//! Entities: mentions of people, organisations and groups; canonical
//! names; pronouns and role nouns resolved to the people they stand for.
//!
//! The attribution stage asks this module two things: which mentions lie
//! near a cue ([`Entities::mentions`]), and whom a chosen mention refers
//! to ([`Entities::resolve`]).
//!
//! One pass over the words finds mentions: capitalised chunks are split
//! into a title prefix (the description) and a name; lower-case role
//! nouns, group nouns and pronouns are found by lexicon look-up. A second
//! walk, in document order, links each mention to an entity: names by
//! their words (a later "Blinken" joins "Antony Blinken"), role nouns by
//! the titles seen so far, pronouns by the most recent compatible person
//! outside quotations, within a bounded window.
//!
//! Language data lives in `grammar/`: `titles.txt` (titles, honorifics
//! and role nouns, with gender), `pronouns.txt`, `organisations.txt`
//! (organisation heads, known short names, cues such as "news agency"),
//! `groups.txt`, `not-names.txt` (capitalised words that are not people:
//! function words, dates, places, demonyms, prepositions) and
//! `first-names.txt` (a weak gender hint used only when the text says
//! nothing). Gender is learned from the text first: Mr./Ms., gendered
//! roles ("spokeswoman"), "his"/"her" right after a name, and pronouns
//! already resolved to the person.
//!
//! Mentions: names (people and organisations), role nouns, groups (also
//! "X and Y") and the pronouns he, she and they. Other pronouns (him,
//! her, them) are resolved on demand by [`Entities::resolve`]. Title-case
//! lines (headlines, bylines) yield no mentions.

// The attribution stage calls in here; until it is merged, the lib build
// alone sees no caller.

mod lexicon;
mod tokens;

use rustc_hash::FxHashMap;
use smol_str::{SmolStr, StrExt};
use std::cell::RefCell;

use crate::attribute::{Mention, Speaker, SpeakerKind};
use crate::grammar::{ascii_lower8, is_alphanumeric};
use crate::segment::Sentence;
use crate::span::Span;

use lexicon::{Gender, Lexicon, NotName, OrgWord, lexicon, normalise_phrase, with_lower};
use tokens::{Token, Toks, with_words};

/// How many sentences back a pronoun looks for its antecedent.
const PRONOUN_LOOKBACK_SENTENCES: usize = 4;
/// How many sentences back a role noun with no matching title ("the
/// GOP nominee") looks for a named person.
const ROLE_LOOKBACK_SENTENCES: usize = 2;
/// How many mentions starting before a span are checked for reaching
/// into it.
const OVERLAP_BACK_MENTIONS: usize = 4;
/// How many mentions back a pronoun looks at most.
const LOOKBACK_MENTIONS: usize = 64;
/// How many mentions back a role noun looks for the person who holds
/// that title ("the FBI director" after "FBI Director James Comey").
const ROLE_LOOKBACK_MENTIONS: usize = 256;
/// How many words an appositive description may have ("a professor
/// with King's College London").
const APPOSITIVE_MAX_WORDS: usize = 12;
/// How many modifier words may precede a role or group noun ("senior
/// U.S. officials").
const MODIFIERS_MAX_WORDS: usize = 3;
/// How many entities sharing one name word a look-up considers, most
/// recent first; older ones drop out, so look-ups stay bounded.
const NAME_CANDIDATES_MAX: usize = 32;
/// The longest all-capitals word taken for an organisation's acronym
/// ("GOP", "S.E.C."); longer ones are names set in capitals.
const ACRONYM_MAX_LETTERS: usize = 4;
/// How many words a title-case line needs to count as a headline.
const HEADLINE_MIN_WORDS: usize = 4;
/// How many words a capitalised chunk may have.
const CHUNK_MAX_WORDS: usize = 12;

/// True when `word` is a title or role word of `grammar/titles.txt`
/// ("spokeswoman", "minister"), in any case.
pub(crate) fn is_role_word(word: &str) -> bool {
    lexicon().titles.get(&word.to_lowercase()).is_some()
}

/// True when `word` names a group of people that speaks together
/// ("lawmakers", "Parents").
pub(crate) fn is_group_word(word: &str) -> bool {
    lexicon().groups.contains(&word.to_lowercase())
}

/// What a mention is, grammatically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// A proper name, possibly with titles ("Secretary of State Antony Blinken").
    Name,
    /// A personal pronoun ("he", "she", "they").
    Pronoun,
    /// A role noun phrase ("the foreign minister", "a spokeswoman").
    Role,
    /// A group of people ("analysts", "Western officials", "Obama and
    /// Clinton").
    Group,
}

/// One mention of a possible speaker.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EntityMention {
    /// The bytes of the mention.
    pub span: Span,
    /// What the mention is.
    pub kind: MentionKind,
    /// Index into the entity table once resolved.
    pub entity: Option<usize>,
}

/// A resolved mention.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    /// Index of the entity.
    pub entity: usize,
    /// The canonical name ("Antony Blinken").
    pub name: String,
    /// Titles and role, if known.
    pub description: Option<String>,
    /// Person, organisation or group.
    pub kind: SpeakerKind,
}

/// A person, organisation or group the document mentions.
#[derive(Clone, Debug)]
struct Entity {
    kind: SpeakerKind,
    /// Every distinct name it was given; the canonical one is the fullest.
    names: Vec<String>,
    /// The index in `names` of the canonical name, and its
    /// [`name_rank`].
    canonical: (usize, (usize, usize)),
    /// Lower-case words of its names, without initials.
    words: Vec<SmolStr>,
    description: Option<String>,
    /// Lower-case titles and roles ("foreign minister", "spokeswoman").
    roles: Vec<String>,
    gender: Option<Gender>,
    /// Learned from the name itself (first-name list): a weak hint.
    gender_from_name: bool,
    /// How many mentions link to it so far: its salience.
    count: usize,
}

impl Entity {
    fn new(kind: SpeakerKind, name: &str) -> Entity {
        Entity::named(kind, name, name_words(name))
    }

    /// An entity called `name`, whose [`name_words`] are `words`.
    fn named(kind: SpeakerKind, name: &str, words: Vec<SmolStr>) -> Entity {
        Entity {
            kind,
            names: vec![name.to_owned()],
            canonical: (0, name_rank(name)),
            words,
            description: None,
            roles: Vec::new(),
            gender: None,
            gender_from_name: false,
            count: 0,
        }
    }

    /// An entity known by a description, not a name: no name words.
    fn unnamed(kind: SpeakerKind, name: &str) -> Entity {
        Entity::named(kind, name, Vec::new())
    }

    /// The fullest name: the highest [`name_rank`], the latest of equals.
    fn canonical(&self) -> &str {
        self.names.get(self.canonical.0).map_or("", String::as_str)
    }

    /// Adds `name`, whose [`name_words`] are `words`.
    fn add_name(&mut self, name: &str, words: &[SmolStr]) {
        if !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_owned());
            let rank = name_rank(name);
            if rank >= self.canonical.1 {
                self.canonical = (self.names.len() - 1, rank);
            }
            for w in words {
                if !self.words.contains(w) {
                    self.words.push(w.clone());
                }
            }
        }
    }

    fn learn_gender(&mut self, gender: Option<Gender>, strong: bool) {
        if let Some(g) = gender
            && (self.gender.is_none() || strong && self.gender_from_name)
        {
            self.gender = Some(g);
            self.gender_from_name = !strong;
        }
    }
}

/// How full a name is: most words, then the longest.
fn name_rank(name: &str) -> (usize, usize) {
    (word_count(name), name.len())
}

/// `name.split_whitespace().count()`, an ASCII name eight bytes at a
/// time.
fn word_count(name: &str) -> usize {
    if !name.is_ascii() {
        return name.split_whitespace().count();
    }
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = name.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut words = 0;
    // The high bit of the byte before the chunk: set inside a word.
    let mut carry = 0;
    for chunk in &mut chunks {
        let mut le = [0u8; 8];
        le.copy_from_slice(chunk);
        let in_word = in_word8(u64::from_le_bytes(le));
        words += count_high_bits(in_word & !(in_word << 8 | carry));
        carry = in_word >> 56;
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        return words;
    }
    if let Some(last) = bytes.last_chunk::<8>() {
        // The last eight bytes, of which the first `8 - rest.len()`
        // were counted already (and tell whether the rest starts in a
        // word).
        let in_word = in_word8(u64::from_le_bytes(*last));
        let counted = 8 * (8 - rest.len());
        let starts = in_word & !(in_word << 8) & HIGH << counted;
        return words + count_high_bits(starts);
    }
    // A name under eight bytes, padded with spaces.
    let mut le = [b' '; 8];
    for (dst, &b) in le.iter_mut().zip(rest) {
        *dst = b;
    }
    let in_word = in_word8(u64::from_le_bytes(le));
    count_high_bits(in_word & !(in_word << 8))
}

/// How many bytes of `bits` have their high bit set, when no other bit
/// is: the bits moved to the bottom of their bytes and summed (at most
/// eight, so no byte overflows) into the top byte.
#[inline]
fn count_high_bits(bits: u64) -> usize {
    ((bits >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The high bit of each byte of `chunk`, eight ASCII bytes, that is
/// inside a word as `split_whitespace` splits ASCII: not a space, tab,
/// line feed, vertical tab, form feed or carriage return.
#[inline]
fn in_word8(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // (ASCII bytes: no sum below carries into the next byte)
    let x = chunk & !HIGH;
    // The high bit of each byte that is b' '.
    let not_blank = (x ^ (ONES * u64::from(b' '))) + ONES * 0x7f;
    let blank = !not_blank & HIGH;
    // ... that is one of b'\t'..=b'\r'.
    let from_tab = x + ONES * (0x80 - u64::from(b'\t'));
    let past_cr = x + ONES * (0x80 - u64::from(b'\r') - 1);
    let control = from_tab & !past_cr & HIGH;
    !(blank | control) & HIGH
}

/// The lower-case words of a name, without initials.
fn name_words(name: &str) -> Vec<SmolStr> {
    let mut out = Vec::with_capacity(4);
    if name.is_ascii() {
        // What `split_whitespace` splits ASCII at.
        let words = name
            .as_bytes()
            .split(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'));
        let mut at = 0;
        for w in words {
            let word = &name[at..at + w.len()];
            at += w.len() + 1;
            let word = word.trim_end_matches('.');
            if word.len() > 1 {
                out.push(word.to_ascii_lowercase_smolstr());
            }
        }
        return out;
    }
    for w in name.split_whitespace() {
        let w = w.trim_end_matches('.');
        if w.is_ascii() {
            if w.len() > 1 {
                out.push(w.to_ascii_lowercase_smolstr());
            }
        } else {
            let w = w.to_lowercase_smolstr();
            if w.chars().count() > 1 {
                out.push(w);
            }
        }
    }
    out
}

/// True for the ASCII bytes that are `char::is_whitespace`, where
/// `split_whitespace` splits an ASCII name.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// `word` without its trailing dots.
fn trim_dots(word: &[u8]) -> &[u8] {
    let mut end = word.len();
    while end > 0 && word[end - 1] == b'.' {
        end -= 1;
    }
    &word[..end]
}

/// True when every word of [`name_words`]`(name)` is one of `words`
/// (which are lower-case), without collecting them.
fn name_words_within(name: &str, words: &[SmolStr]) -> bool {
    if name.is_ascii() {
        return name.as_bytes().split(|&b| is_ascii_space(b)).all(|w| {
            let w = trim_dots(w);
            w.len() <= 1
                || words
                    .iter()
                    .any(|have| have.as_bytes().eq_ignore_ascii_case(w))
        });
    }
    name.split_whitespace().all(|w| {
        with_lower(w.trim_end_matches('.'), |w| {
            w.chars().count() <= 1 || words.iter().any(|have| have == w)
        })
    })
}

/// True when the last word of [`name_words`]`(name)` is `word` (which
/// is lower-case), without collecting them.
fn last_name_word_is(name: &str, word: &str) -> bool {
    if name.is_ascii() {
        for w in name.as_bytes().rsplit(|&b| is_ascii_space(b)) {
            let w = trim_dots(w);
            if w.len() > 1 {
                return w.eq_ignore_ascii_case(word.as_bytes());
            }
        }
        return false;
    }
    for w in name.split_whitespace().rev() {
        let found = with_lower(w.trim_end_matches('.'), |w| {
            (w.chars().count() > 1).then(|| w == word)
        });
        if let Some(same) = found {
            return same;
        }
    }
    false
}

/// A mention found by the scan, before linking.
#[derive(Clone, Debug)]
struct Found<'t> {
    span: Span,
    kind: MentionKind,
    /// Person, organisation or group, for names.
    entity_kind: SpeakerKind,
    /// The name as it should be shown (possessive removed), a slice of
    /// the text.
    name: &'t str,
    description: Option<String>,
    /// Lower-case role or title words seen with the mention.
    roles: Vec<String>,
    gender: Option<Gender>,
    /// A role noun with "a"/"an": a new, unnamed person.
    indefinite: bool,
    /// "his" or "her": only teaches the gender of the person just named.
    possessive: bool,
    /// A role noun with "the": usually refers back to someone named.
    anaphoric: bool,
}

/// The entities of one document.
#[derive(Debug, Default)]
pub(crate) struct Entities {
    mentions: Vec<EntityMention>,
    /// The entities, and any made up later by [`Entities::resolve`] for
    /// a span that matched no mention.
    table: RefCell<Vec<Entity>>,
    /// Sentence index of each mention.
    sentence_of: Vec<usize>,
    /// Whether each mention lies inside a quotation.
    quoted: Vec<bool>,
    /// Whether each mention follows a preposition ("through a
    /// spokesman"): seldom the subject.
    oblique: Vec<bool>,
    /// Whether each mention is a possessive ("Haines's manager"): a
    /// modifier of the subject, not the subject.
    possessor: Vec<bool>,
    /// Unnamed people first met as a role noun with "the" that matched no
    /// titled person ("the GOP nominee") → that mention.
    role_origin: FxHashMap<usize, usize>,
    /// Start offsets of the sentences.
    sentence_starts: Vec<usize>,
    /// For each sentence, how many sentences before it are not wholly
    /// inside a quotation.
    narrative: Vec<usize>,
    /// Lower-case name word → entities that carry it.
    by_word: FxHashMap<SmolStr, Vec<usize>>,
    /// [`key_hash`] of kind and first name → the latest entity so
    /// keyed; [`Entities::keyed`] checks the name, so a shared hash
    /// never confuses two entities.
    by_key: RefCell<FxHashMap<u64, usize>>,
}

impl Entities {
    /// Finds every mention in `text`. `quotations` are the byte spans of
    /// quoted material: a person mentioned only inside quotations is never
    /// a pronoun's antecedent.
    pub(crate) fn build(text: &str, sentences: &[Sentence], quotations: &[Span]) -> Self {
        let lex = lexicon();
        let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
        let found = with_words(text, &sentence_starts, lex, |tokens| {
            scan(text, tokens, lex)
        });
        let found = coordinate(text, found);
        let quotes = merge_spans(quotations);
        // Sentences wholly inside quotations do not count as distance.
        let mut narrative = Vec::with_capacity(sentences.len());
        let mut count = 0;
        for s in sentences {
            narrative.push(count);
            if !inside(&quotes, s.span) {
                count += 1;
            }
        }
        let mut ents = Entities {
            sentence_starts,
            narrative,
            mentions: Vec::with_capacity(found.len()),
            sentence_of: Vec::with_capacity(found.len()),
            quoted: Vec::with_capacity(found.len()),
            oblique: Vec::with_capacity(found.len()),
            possessor: Vec::with_capacity(found.len()),
            table: RefCell::new(Vec::with_capacity(found.len())),
            by_word: FxHashMap::with_capacity_and_hasher(found.len(), Default::default()),
            by_key: RefCell::new(FxHashMap::with_capacity_and_hasher(
                found.len(),
                Default::default(),
            )),
            ..Entities::default()
        };
        // The mentions come in order of start, so the sentence and the
        // quotation they may lie in only move forward.
        let mut next_sentence = 0;
        let mut next_quote = 0;
        for mut f in found {
            let starts = &ents.sentence_starts;
            while next_sentence < starts.len() && starts[next_sentence] <= f.span.start {
                next_sentence += 1;
            }
            let raw = next_sentence.saturating_sub(1);
            let sentence = ents.narrative.get(raw).copied().unwrap_or(0);
            while next_quote < quotes.len() && quotes[next_quote].end <= f.span.start {
                next_quote += 1;
            }
            let quoted = quotes.get(next_quote).is_some_and(|q| q.contains(f.span));
            if f.possessive {
                if !quoted {
                    ents.learn_from_possessive(f.gender, sentence);
                }
                continue;
            }
            let entity = ents.link(&mut f, sentence, quoted, text);
            if let Some(id) = entity {
                ents.table.get_mut()[id].count += 1;
            }
            ents.mentions.push(EntityMention {
                span: f.span,
                kind: f.kind,
                entity,
            });
            ents.sentence_of.push(sentence);
            ents.quoted.push(quoted);
            ents.oblique.push(after_preposition(text, f.span.start));
            ents.possessor.push(
                text.get(f.span.end..)
                    .is_some_and(|r| r.starts_with(['\'', '’'])),
            );
            ents.join_apposition(text);
            if f.anaphoric
                && f.entity_kind == SpeakerKind::Person
                && let Some(id) = entity
                && ents.table.get_mut()[id].words.is_empty()
            {
                ents.role_origin
                    .entry(id)
                    .or_insert(ents.mentions.len() - 1);
            }
        }
        ents
    }

    /// "A White House spokesman, Kevin Moore, said": the role noun and
    /// the name in apposition after it are one person, so a later "he"
    /// finds the name. The role becomes the description when there is
    /// none.
    fn join_apposition(&mut self, text: &str) {
        let n = self.mentions.len();
        if n < 2 {
            return;
        }
        let name = &self.mentions[n - 1];
        // Skip a mention inside the role ("White House" in "A White House
        // spokesman").
        let mut r = n - 2;
        if r > 0 && self.mentions[r - 1].span.contains(self.mentions[r].span) {
            r -= 1;
        }
        let role = &self.mentions[r];
        let (Some(role_id), Some(name_id)) = (role.entity, name.entity) else {
            return;
        };
        let table = self.table.get_mut();
        if role.kind != MentionKind::Role
            || name.kind != MentionKind::Name
            || role_id == name_id
            || table[role_id].kind != SpeakerKind::Person
            || table[name_id].kind != SpeakerKind::Person
            || !table[role_id].words.is_empty()
            || text.get(role.span.end..name.span.start) != Some(", ")
            || self.quoted[r]
        {
            return;
        }
        if table[name_id].description.is_none() {
            table[name_id].description = Some(role.span.text(text).to_owned());
        }
        if table[name_id].gender.is_none() {
            table[name_id].gender = table[role_id].gender;
        }
        self.mentions[r].entity = Some(name_id);
    }

    /// All mentions, in document order.
    #[cfg_attr(not(test), allow(dead_code))] // the tests inspect mentions
    pub(crate) fn mentions(&self) -> &[EntityMention] {
        &self.mentions
    }

    /// Resolves the mention with exactly this span, or any span the
    /// attribution stage picked (a pronoun, a name, a role noun phrase).
    pub(crate) fn resolve(&self, text: &str, mention: Span) -> Option<Resolved> {
        if mention.is_empty() {
            return None;
        }
        let entity = match self.head_mention(text, mention) {
            Ok(Some(id)) => id,
            Ok(None) => self.analyse_span(text, mention, true)?,
            Err(()) => self.analyse_span(text, mention, false)?,
        };
        let entity = self.named_for_role(entity).unwrap_or(entity);
        let table = self.table.borrow();
        let e = table.get(entity)?;
        Some(Resolved {
            entity,
            name: e.canonical().to_owned(),
            description: e.description.clone(),
            kind: e.kind,
        })
    }

    /// One speaker entry for each entity in `used`, with all its mentions.
    pub(crate) fn speakers(&self, text: &str, used: &[usize]) -> Vec<Speaker> {
        let table = self.table.borrow();
        // where each used entity's speaker sits in `out`, by entity id:
        // one pass over the mentions then fills them all, so the cost
        // grows with mentions plus speakers, not with their product
        let mut slot: Vec<Option<usize>> = vec![None; table.len()];
        let mut out = Vec::new();
        for &id in used {
            let Some(e) = table.get(id) else { continue };
            if slot[id].is_some() {
                continue;
            }
            slot[id] = Some(out.len());
            out.push(Speaker {
                name: e.canonical().to_owned(),
                kind: e.kind,
                description: e.description.clone(),
                mentions: Vec::new(),
            });
        }
        for m in &self.mentions {
            if let Some(&Some(k)) = m.entity.and_then(|id| slot.get(id)) {
                out[k].mentions.push(Mention {
                    span: m.span,
                    text: m.span.text(text).to_owned(),
                });
            }
        }
        out
    }

    /// The narrative index of the sentence holding `pos`: sentences
    /// wholly inside quotations are not counted.
    fn sentence_index(&self, pos: usize) -> usize {
        let raw = self
            .sentence_starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1);
        self.narrative.get(raw).copied().unwrap_or(0)
    }

    /// The entity of the mention that heads `span`: the last linked
    /// mention before any comma or parenthesis ("Harsh V. Pant, a
    /// professor …"; "Trump lawyer Marc Kasowitz"). `Err` when the span
    /// holds mentions but its head word is none of them ("Obama's
    /// aides", "the Trump campaign", "Obama and Clinton").
    fn head_mention(&self, text: &str, span: Span) -> Result<Option<usize>, ()> {
        let region = span.text(text);
        // (ASCII marks, so a byte search finds the same offset)
        let head_len = region
            .bytes()
            .position(|b| matches!(b, b',' | b'(' | b';'))
            .unwrap_or(region.len());
        let head = Span::new(span.start, span.start + head_len).trim(text);
        if head.is_empty() {
            return Ok(None);
        }
        // Mentions are sorted by start; a few before the span may still
        // reach into it.
        let first = self
            .mentions
            .partition_point(|m| m.span.start < head.start)
            .saturating_sub(OVERLAP_BACK_MENTIONS);
        let mut best: Option<usize> = None;
        let mut count = 0;
        for (index, m) in self.mentions[first..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.span.start < head.end)
        {
            if m.entity.is_none() || m.span.end <= head.start {
                continue;
            }
            count += 1;
            // Mentions inside the span first; then the latest-ending one.
            let rank = |m: &EntityMention| (head.contains(m.span), m.span.end);
            if best.is_none_or(|b| rank(m) >= rank(&self.mentions[b])) {
                best = Some(first + index);
            }
        }
        let Some(index) = best else { return Ok(None) };
        let best = &self.mentions[index];
        let rest = Span::new(best.span.end.min(head.end), head.end).text(text);
        let rest = rest
            .trim_start_matches(['\'', '’'])
            .trim_start_matches(['s', 'S'])
            .trim_start_matches(['\'', '’']);
        // "Tom Cole of Oklahoma", "Ann Lee of the Urban Institute": a
        // person's name followed by where they come from.
        let of_place = best.kind == MentionKind::Name
            && rest.starts_with(" of ")
            && best
                .entity
                .is_some_and(|id| self.table.borrow()[id].kind == SpeakerKind::Person);
        // "a spokeswoman for the agency, Lena Cho": the mention is the
        // object of a modifier, and the name in apposition is the head.
        let lead = Span::new(head.start, best.span.start.max(head.start)).text(text);
        let lead = lead.trim_end();
        let lead = lead
            .strip_suffix(" the")
            .or_else(|| lead.strip_suffix(" a"))
            .unwrap_or(lead);
        let modifier_object = [" for", " at", " with", " from"]
            .iter()
            .any(|p| lead.ends_with(p));
        if modifier_object {
            return self.appositive_name(span, head.end).map(Some).ok_or(());
        }
        let tail_words = !of_place && rest.chars().any(is_alphabetic);
        let head_text = head.text(text);
        let coordinated = count >= 2 && (head_text.contains(" and ") || head_text.contains(" & "));
        if tail_words && !coordinated {
            // "Trump's campaign manager, Jane Doe": the name in apposition.
            if let Some(id) = self.appositive_name(span, head.end) {
                return Ok(Some(id));
            }
        }
        if tail_words || coordinated {
            return Err(());
        }
        Ok(best.entity)
    }

    /// The person named right after the head of `span`, inside it.
    fn appositive_name(&self, span: Span, head_end: usize) -> Option<usize> {
        let first = self.mentions.partition_point(|m| m.span.start < head_end);
        let m = self.mentions[first..]
            .iter()
            .take_while(|m| m.span.end <= span.end)
            .find(|m| m.kind == MentionKind::Name && m.entity.is_some())?;
        let id = m.entity?;
        let table = self.table.borrow();
        (table[id].kind == SpeakerKind::Person).then_some(id)
    }

    /// Resolves a span that holds no known mention by reading its words.
    /// With `names` false, the span's names are only modifiers ("the
    /// Trump campaign") and it becomes an entity of its own.
    fn analyse_span(&self, text: &str, span: Span, names: bool) -> Option<usize> {
        let lex = lexicon();
        let region = span.text(text);
        if region.is_empty() {
            return None;
        }
        let words: Vec<&str> = region
            .split(|c: char| !(is_alphanumeric(c) || matches!(c, '\'' | '’' | '-' | '.')))
            .map(|w| w.trim_matches(['.', '\'', '’']))
            .filter(|w| !w.is_empty())
            .collect();
        // "It said": the organisation named last.
        if let [word] = words.as_slice()
            && word.eq_ignore_ascii_case("it")
        {
            return self.organisation_before(span.start);
        }
        // A pronoun the scan did not keep ("him", "them", a quoted "he").
        if let [word] = words.as_slice()
            && let Some(p) = lex.pronouns.get(&word.to_lowercase())
        {
            return self.antecedent(
                span.start,
                p.gender,
                p.plural,
                usize::MAX,
                PRONOUN_LOOKBACK_SENTENCES,
            );
        }
        // A name: its last capitalised word that is a known name word.
        let mut chosen = None;
        for w in words.iter().rev().filter(|_| names) {
            let found = with_lower(strip_possessive(w), |key| {
                let ids = self.by_word.get(key)?;
                let person = self.find_person(&[SmolStr::new(key)], None);
                Some(person.or(ids.last().copied()))
            });
            if let Some(id) = found {
                chosen = id;
                break;
            }
        }
        if chosen.is_some() {
            return chosen;
        }
        // Anything else becomes an entity of its own, named as written.
        let name = strip_determiner(region.trim());
        let name = strip_possessive(name);
        if name.is_empty() {
            return None;
        }
        let last = words.last().copied().unwrap_or_default();
        let coordinated = words.iter().any(|w| matches!(*w, "and" | "&"));
        let kind = if coordinated || with_lower(last, |k| lex.groups.contains(k)) {
            SpeakerKind::Group
        } else if with_lower(last, |k| lex.org_lower_heads.contains(k))
            || words.iter().any(|w| {
                with_lower(w, |k| {
                    lex.org_heads.contains(k)
                        || lex.not_names.get(k) == Some(&NotName::Place)
                        || lex.orgs.get(k) == Some(&OrgWord::Known)
                })
            })
            || lex.orgs.get(&normalise_phrase(name)) == Some(&OrgWord::Known)
        {
            SpeakerKind::Organisation
        } else {
            SpeakerKind::Person
        };
        let hash = key_hash(kind, name);
        if let Some(i) = self.keyed_by(hash, kind, name) {
            return Some(i);
        }
        let mut table = self.table.borrow_mut();
        table.push(Entity::new(kind, name));
        self.by_key.borrow_mut().insert(hash, table.len() - 1);
        Some(table.len() - 1)
    }

    /// An unnamed person first met as "the GOP nominee" (no one so
    /// titled) is taken, when asked about, for the person named just
    /// before ("Trump … The GOP nominee said … He added"). Only here:
    /// pronoun chains are built without it.
    fn named_for_role(&self, id: usize) -> Option<usize> {
        let &origin = self.role_origin.get(&id)?;
        if self.quoted[origin] {
            return None;
        }
        let gender = self.table.borrow()[id].gender;
        let named = self.antecedent(
            self.mentions[origin].span.start,
            gender,
            false,
            self.sentence_of[origin],
            ROLE_LOOKBACK_SENTENCES,
        )?;
        // Someone shown to be a person: gender, title or a full name.
        let table = self.table.borrow();
        let e = &table[named];
        let person = e.gender.is_some() || e.description.is_some() || e.words.len() >= 2;
        (!e.words.is_empty() && person).then_some(named)
    }

    /// "his" or "her" right after a person named in the same sentence,
    /// outside quotations, hints at that person's gender ("Blinken urged
    /// his counterpart"). A weak hint: a title or pronoun overrides it.
    fn learn_from_possessive(&mut self, gender: Option<Gender>, sentence: usize) {
        let Some(i) = self.mentions.len().checked_sub(1) else {
            return;
        };
        let m = &self.mentions[i];
        if self.quoted[i] || self.sentence_of[i] != sentence || m.kind != MentionKind::Name {
            return;
        }
        if let Some(id) = m.entity {
            let e = &mut self.table.get_mut()[id];
            if e.kind == SpeakerKind::Person {
                e.learn_gender(gender, false);
            }
        }
    }

    /// The latest entity of `kind` first named `name`, in any case: the
    /// one [`key_hash`] files, or (when another name shares its hash)
    /// the latest such in the table. `hash` is the [`key_hash`] of
    /// `kind` and `name`.
    fn keyed_by(&self, hash: u64, kind: SpeakerKind, name: &str) -> Option<usize> {
        let id = *self.by_key.borrow().get(&hash)?;
        let table = self.table.borrow();
        let same = |e: &Entity| e.kind == kind && same_lower(&e.names[0], name);
        if same(&table[id]) {
            Some(id)
        } else {
            table.iter().rposition(same)
        }
    }

    /// Links one found mention to an entity, creating it when new; the
    /// entity takes the mention's roles and description.
    fn link(&mut self, f: &mut Found, sentence: usize, quoted: bool, text: &str) -> Option<usize> {
        match f.kind {
            MentionKind::Name => Some(self.link_name(f, quoted)),
            MentionKind::Group => Some(self.link_group(f)),
            MentionKind::Role => Some(self.link_role(f)),
            MentionKind::Pronoun => {
                if quoted {
                    return None;
                }
                let p = with_lower(f.span.text(text), |w| lexicon().pronouns.get(w).copied())?;
                let found = self.antecedent(
                    f.span.start,
                    p.gender,
                    p.plural,
                    sentence,
                    PRONOUN_LOOKBACK_SENTENCES,
                )?;
                self.table.get_mut()[found].learn_gender(p.gender, true);
                Some(found)
            }
        }
    }

    /// Files a new entity; returns its id.
    fn push_entity(&mut self, entity: Entity) -> usize {
        let hash = key_hash(entity.kind, &entity.names[0]);
        self.push_entity_keyed(entity, hash)
    }

    /// [`Entities::push_entity`], given `hash`, the [`key_hash`] of the
    /// entity's kind and first name.
    fn push_entity_keyed(&mut self, entity: Entity, hash: u64) -> usize {
        let table = self.table.get_mut();
        let id = table.len();
        for w in &entity.words {
            let Some(ids) = self.by_word.get_mut(w) else {
                // (a new word's list is this entity alone)
                self.by_word.insert(w.clone(), vec![id]);
                continue;
            };
            ids.push(id);
            if ids.len() > 4 * NAME_CANDIDATES_MAX {
                ids.drain(..ids.len() - 2 * NAME_CANDIDATES_MAX);
            }
        }
        self.by_key.get_mut().insert(hash, id);
        table.push(entity);
        id
    }

    /// Gives entity `id` the name `name`, whose [`name_words`] are
    /// `words`.
    fn add_name(&mut self, id: usize, name: &str, words: &[SmolStr]) {
        let table = self.table.get_mut();
        table[id].add_name(name, words);
        for w in words {
            let Some(ids) = self.by_word.get_mut(w) else {
                self.by_word.insert(w.clone(), vec![id]);
                continue;
            };
            // Most recently named last, so look-ups prefer it.
            let from = ids.len().saturating_sub(NAME_CANDIDATES_MAX);
            if let Some(pos) = ids[from..].iter().rposition(|&i| i == id) {
                ids.remove(from + pos);
            }
            ids.push(id);
            if ids.len() > 4 * NAME_CANDIDATES_MAX {
                ids.drain(..ids.len() - 2 * NAME_CANDIDATES_MAX);
            }
        }
    }

    /// Links a name. A name written inside a quotation ("Crooked
    /// Hillary") joins its person but never becomes the canonical name.
    fn link_name(&mut self, f: &mut Found, quoted: bool) -> usize {
        let words = name_words(f.name);
        let first_name_gender = if words.len() >= 2 {
            lexicon().first_names.get(words[0].as_str()).copied()
        } else {
            None
        };
        // (a person is found by name words, so hashed only when new)
        let (id, hash) = if f.entity_kind == SpeakerKind::Person {
            (self.find_person(&words, f.gender), None)
        } else {
            let hash = key_hash(f.entity_kind, f.name);
            (self.keyed_by(hash, f.entity_kind, f.name), Some(hash))
        };
        let id = match id {
            Some(id) => {
                if !quoted {
                    self.add_name(id, f.name, &words);
                }
                id
            }
            None => {
                let entity = Entity::named(f.entity_kind, f.name, words);
                match hash {
                    Some(hash) => self.push_entity_keyed(entity, hash),
                    None => self.push_entity(entity),
                }
            }
        };
        let e = &mut self.table.get_mut()[id];
        if e.description.is_none() {
            e.description = f.description.take();
        }
        for r in f.roles.drain(..) {
            if !e.roles.contains(&r) {
                e.roles.push(r);
            }
        }
        e.learn_gender(f.gender, true);
        if first_name_gender.is_some() {
            e.learn_gender(first_name_gender, false);
        }
        id
    }

    /// The person these name words refer to: every word of the shorter
    /// name appears in the longer one; the most recently named wins.
    fn find_person(&self, words: &[SmolStr], gender: Option<Gender>) -> Option<usize> {
        let last = words.last()?;
        let table = self.table.borrow();
        let compatible = |id: usize| match (gender, table[id].gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let ids = self.by_word.get(last)?;
        // A lone word is first taken for a surname ("Trump" is Donald
        // Trump before it is the "Trump Train").
        // Among several people of that surname, the most mentioned one
        // (Donald Trump rather than Ivanka Trump); ties go to the latest.
        if let [word] = words {
            let mut surname: Option<usize> = None;
            for id in ids.iter().rev().take(NAME_CANDIDATES_MAX).copied() {
                let e = &table[id];
                if e.kind == SpeakerKind::Person
                    && compatible(id)
                    && last_name_word_is(e.canonical(), word)
                    && surname.is_none_or(|b| e.count > table[b].count)
                {
                    surname = Some(id);
                }
            }
            if surname.is_some() {
                return surname;
            }
        }
        ids.iter()
            .rev()
            .take(NAME_CANDIDATES_MAX)
            .copied()
            .find(|&id| {
                let e = &table[id];
                e.kind == SpeakerKind::Person
                    && compatible(id)
                    && (words.iter().all(|w| e.words.contains(w))
                        || e.names.iter().all(|n| name_words_within(n, words)))
            })
    }

    fn link_group(&mut self, f: &Found) -> usize {
        let hash = key_hash(SpeakerKind::Group, f.name);
        let found = self.keyed_by(hash, SpeakerKind::Group, f.name);
        found.unwrap_or_else(|| {
            self.push_entity_keyed(Entity::unnamed(SpeakerKind::Group, f.name), hash)
        })
    }

    /// A role noun: the most recent person who carries that title, or an
    /// unnamed person of its own.
    fn link_role(&mut self, f: &mut Found) -> usize {
        if !f.indefinite {
            let start = self.mentions.len().saturating_sub(ROLE_LOOKBACK_MENTIONS);
            let table = self.table.get_mut();
            for m in self.mentions[start..].iter().rev() {
                let Some(id) = m.entity else { continue };
                let e = &table[id];
                let matches = f.roles.iter().any(|r| {
                    e.roles.iter().any(|have| {
                        have == r
                            || have
                                .strip_suffix(r.as_str())
                                .is_some_and(|head| head.ends_with(' '))
                    })
                });
                if matches && e.kind == f.entity_kind {
                    return id;
                }
            }
        }
        let mut e = Entity::unnamed(f.entity_kind, f.name);
        e.roles = std::mem::take(&mut f.roles);
        e.gender = f.gender;
        self.push_entity(e)
    }

    /// The organisation mentioned last, outside quotations, before `pos`
    /// and within [`PRONOUN_LOOKBACK_SENTENCES`]: what "it" stands for
    /// when it speaks.
    fn organisation_before(&self, pos: usize) -> Option<usize> {
        let sentence = self.sentence_index(pos);
        let end = self.mentions.partition_point(|m| m.span.start < pos);
        let start = end.saturating_sub(LOOKBACK_MENTIONS);
        let table = self.table.borrow();
        // Mentions are in document order: past the lookback, stop.
        (start..end)
            .rev()
            .take_while(|&i| {
                sentence.saturating_sub(self.sentence_of[i]) <= PRONOUN_LOOKBACK_SENTENCES
            })
            .filter(|&i| !self.quoted[i])
            .find_map(|i| {
                let id = self.mentions[i].entity?;
                (table[id].kind == SpeakerKind::Organisation).then_some(id)
            })
    }

    /// The most recent compatible person (or, for "they", group or
    /// organisation) mentioned outside quotations before `pos`, within
    /// [`PRONOUN_LOOKBACK_SENTENCES`]. Prefers subjects (the first
    /// mention of a sentence) and people whose gender is known to match.
    fn antecedent(
        &self,
        pos: usize,
        gender: Option<Gender>,
        plural: bool,
        sentence: usize,
        lookback: usize,
    ) -> Option<usize> {
        let sentence = if sentence == usize::MAX {
            self.sentence_index(pos)
        } else {
            sentence
        };
        let end = self.mentions.partition_point(|m| m.span.start < pos);
        let start = end.saturating_sub(LOOKBACK_MENTIONS);
        let table = self.table.borrow();
        let mut best: Option<(i64, usize)> = None;
        for i in (start..end).rev() {
            let m = &self.mentions[i];
            let s = self.sentence_of[i];
            if sentence.saturating_sub(s) > lookback {
                break;
            }
            if self.quoted[i] {
                continue;
            }
            let Some(id) = m.entity else { continue };
            let e = &table[id];
            let mut score: i64 = -4 * (sentence - s.min(sentence)) as i64;
            if plural {
                match e.kind {
                    SpeakerKind::Group => score += 3,
                    SpeakerKind::Organisation => score += 1,
                    _ => continue,
                }
            } else {
                if e.kind != SpeakerKind::Person {
                    continue;
                }
                match (gender, e.gender) {
                    (Some(want), Some(have)) if want != have => continue,
                    (Some(_), Some(_)) => score += if e.gender_from_name { 4 } else { 5 },
                    _ => {}
                }
                if m.kind == MentionKind::Name && e.words.len() >= 2 {
                    score += 1;
                }
                // A lone capitalised word with nothing to show it is a
                // person ("Obamacare") is a weak antecedent.
                if e.words.len() == 1
                    && e.gender.is_none()
                    && e.description.is_none()
                    && e.roles.is_empty()
                {
                    score -= 1;
                }
            }
            // The first mention of its sentence: most often the subject.
            // (A group "X and Y" starts where X does and does not count.)
            let mut j = i;
            while j > 0 && self.mentions[j - 1].span.start == m.span.start {
                j -= 1;
            }
            // A possessive modifies the subject ("Haines's manager, Tom
            // Kessler, disagreed"); it is not the subject.
            if self.possessor[i] {
                score -= 1;
            } else if j == 0 || self.sentence_of[j - 1] != s {
                score += 2;
            }
            // ("Through a spokesman, he declined": never the same person
            // within one sentence.)
            if self.oblique[i] {
                if s == sentence && !plural {
                    continue;
                }
                score -= 1;
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id));
            }
        }
        best.map(|(_, id)| id)
    }
}

/// How many bytes back [`after_preposition`] looks.
const PREPOSITION_WINDOW_BYTES: usize = 24;

/// True when the word before `pos` (skipping one determiner) is a
/// preposition: "through a spokesman", "with Trump".
fn after_preposition(text: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(PREPOSITION_WINDOW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..pos).unwrap_or("");
    // Punctuation right before the mention breaks the phrase.
    if before.trim_end().ends_with(|c: char| !is_alphanumeric(c)) {
        return false;
    }
    let (mut word, rest) = last_word(before);
    let determiner = if word.is_ascii() {
        ["the", "a", "an"]
            .iter()
            .any(|d| word.eq_ignore_ascii_case(d))
    } else {
        with_lower(word, is_determiner)
    };
    if determiner {
        word = last_word(rest).0;
    }
    with_lower(word, |w| lexicon().prepositions.contains(w))
}

/// The last run of letters in `s` (empty when there is none), and the
/// text before it: the last word of `s.split(|c| !c.is_alphabetic())`
/// that is not empty, read from the end.
fn last_word(s: &str) -> (&str, &str) {
    // ASCII bytes back to back, the usual case.
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && b[end - 1].is_ascii() && !b[end - 1].is_ascii_alphabetic() {
        end -= 1;
    }
    if end == 0 {
        return ("", "");
    }
    if b[end - 1].is_ascii() {
        let mut start = end - 1;
        while start > 0 && b[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        if start == 0 || b[start - 1].is_ascii() {
            return (&s[start..end], &s[..start]);
        }
    }
    let end = match s.char_indices().rev().find(|&(_, c)| is_alphabetic(c)) {
        Some((i, c)) => i + c.len_utf8(),
        None => return ("", ""),
    };
    let start = s[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_alphabetic(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (&s[start..end], &s[..start])
}

/// [`char::is_alphabetic`], answered at once for ASCII and for the
/// General Punctuation block (U+2000 to U+206F), none of which is
/// alphabetic (see [`is_alphanumeric`]).
#[inline]
fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphabetic()
}

/// The look-up hash of an entity of `kind` called `name`: a hash of the
/// kind and of `name.to_lowercase()`, eight bytes at a time (an ASCII
/// name lowered on the way).
fn key_hash(kind: SpeakerKind, name: &str) -> u64 {
    let kind: u64 = match kind {
        SpeakerKind::Person => 1,
        SpeakerKind::Organisation => 2,
        SpeakerKind::Group => 3,
    };
    let lower;
    let bytes = if name.is_ascii() {
        name.as_bytes()
    } else {
        lower = name.to_lowercase();
        lower.as_bytes()
    };
    // (lowering leaves a lower-case or non-ASCII byte as it is)
    tokens::hash_chunks(kind, bytes, ascii_lower8)
}

/// True when `a` and `b` are the same in lower case
/// (`str::to_lowercase`).
fn same_lower(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Merges quotation spans into sorted, disjoint spans.
fn merge_spans(spans: &[Span]) -> Vec<Span> {
    let mut v: Vec<Span> = spans.to_vec();
    v.sort();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// True when `span` lies inside one of the sorted, disjoint `quotes`.
fn inside(quotes: &[Span], span: Span) -> bool {
    let i = quotes.partition_point(|q| q.end <= span.start);
    quotes.get(i).is_some_and(|q| q.contains(span))
}

fn strip_possessive(s: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = s.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    s
}

fn strip_determiner(s: &str) -> &str {
    for det in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(det) {
            return rest.trim_start();
        }
    }
    s
}

/// The determiners that open a role or group phrase.
const DETERMINERS: [&str; 3] = ["the", "a", "an"];

fn is_determiner(key: &str) -> bool {
    DETERMINERS.contains(&key)
}

/// Possessive determiners that make a role noun definite ("my father").
fn is_possessive_determiner(key: &str) -> bool {
    matches!(key, "my" | "our" | "his" | "her" | "their" | "your")
}

/// The longest phrase of `phrases` that starts at token `i` and stays
/// within `end`; returns its length in words. (Inlined: most words
/// start no phrase, and are turned away at once.)
#[inline(always)]
fn match_phrase<'l, V>(
    tokens: Toks<'_>,
    i: usize,
    end: usize,
    phrases: &'l lexicon::Phrases<V>,
) -> Option<(usize, &'l V)> {
    // (the word's classes first: most words start no phrase)
    if i >= end || !phrases.starts_with_class(&tokens[i].class) {
        return None;
    }
    let max = phrases.max_words.min(end - i);
    if max == 0 {
        return None;
    }
    match_phrase_from(tokens, i, max, phrases)
}

/// [`match_phrase`] once the first word is known to start a phrase:
/// phrases of at most `max` words.
fn match_phrase_from<'l, V>(
    tokens: Toks<'_>,
    i: usize,
    max: usize,
    phrases: &'l lexicon::Phrases<V>,
) -> Option<(usize, &'l V)> {
    // One word needs no key of its own.
    let first = tokens.key_of(&tokens[i]).trim_end_matches('.');
    let mut best = phrases.get(first).map(|v| (1, v));
    if max == 1 || !phrases.extends(first) {
        return best;
    }
    let mut key = String::with_capacity(4 * first.len() + 16);
    key.push_str(first);
    for n in 2..=max {
        let t = &tokens[i + n - 1];
        if !t.joined || tokens[i + n - 2].poss {
            break;
        }
        key.push(' ');
        key.push_str(tokens.key_of(t).trim_end_matches('.'));
        if let Some(v) = phrases.get(&key) {
            best = Some((n, v));
        }
        if !phrases.extends(&key) {
            break;
        }
    }
    best
}

/// The value in `phrases` of the text from the start of token `a` to
/// byte `end` (see [`normalise_phrase`]), normalised only when its
/// first word may start a phrase.
fn phrase_value<'l, V>(
    text: &str,
    tokens: Toks<'_>,
    a: usize,
    end: usize,
    phrases: &'l lexicon::Phrases<V>,
) -> Option<&'l V> {
    let t = &tokens[a];
    // When the phrase's first word is the token's word, trailing dots
    // aside, the token's classes tell whether a phrase starts with it.
    if !phrases.starts_with_class(&t.class) {
        // (the usual cases first: the phrase ends with the word, or a
        // space follows it)
        if end == t.span.end || t.span.end < end && text.as_bytes().get(t.span.end) == Some(&b' ') {
            return None;
        }
        let after = Span::new(t.span.end, end)
            .text(text)
            .trim_start_matches('.');
        if after.is_empty() || after.starts_with(char::is_whitespace) {
            return None;
        }
    }
    phrases.get(&normalise_phrase(Span::new(t.span.start, end).text(text)))
}

/// The text from the start of token `a` to the end of token `b - 1`.
fn words_text<'t>(text: &'t str, tokens: Toks<'_>, a: usize, b: usize) -> &'t str {
    if a >= b {
        return "";
    }
    Span::new(tokens[a].span.start, tokens[b - 1].span.end).text(text)
}

/// A word that may modify a role or group noun ("senior", "Russian",
/// "diplomatic"): not a determiner, function word, verb form or number.
fn modifier(tokens: Toks<'_>, t: &Token) -> bool {
    let key = tokens.key_of(t);
    if is_determiner(key) || is_possessive_determiner(key) || t.class.pronoun.is_some() {
        return false;
    }
    match t.class.not_name {
        Some(NotName::Demonym) | Some(NotName::Place) => return t.cap,
        Some(_) => return false,
        None => {}
    }
    if t.cap {
        return !t.initial;
    }
    !(key.ends_with("ing") || key.ends_with("ed") || key.ends_with("ly"))
        && key.chars().all(char::is_alphabetic)
}

/// Walks back from token `i` over at most [`MODIFIERS_MAX_WORDS`] joined
/// modifiers; returns the first token of the phrase and whether a
/// determiner opens it (the determiner is then included).
fn walk_back(tokens: Toks<'_>, i: usize) -> (usize, Option<&str>) {
    let mut first = i;
    for _ in 0..MODIFIERS_MAX_WORDS {
        if first == 0 || !tokens[first].joined || tokens[first - 1].poss {
            break;
        }
        let prev = &tokens[first - 1];
        if is_determiner(tokens.key_of(prev)) {
            return (first - 1, Some(tokens.key_of(prev)));
        }
        if !modifier(tokens, prev) {
            break;
        }
        first -= 1;
    }
    if first > 0 && tokens[first].joined && is_determiner(tokens.key_of(&tokens[first - 1])) {
        return (first - 1, Some(tokens.key_of(&tokens[first - 1])));
    }
    (first, None)
}

/// Adds a group mention for two people joined by "and" ("Obama and
/// Clinton"), which "they" can then stand for. The group comes first, so
/// the mentions stay in document order.
fn coordinate<'t>(text: &'t str, found: Vec<Found<'t>>) -> Vec<Found<'t>> {
    // Two people joined by "and".
    let pair = |f: &Found, g: &Found| {
        f.kind == MentionKind::Name
            && g.kind == MentionKind::Name
            && f.entity_kind == SpeakerKind::Person
            && g.entity_kind == SpeakerKind::Person
            && matches!(
                text.get(f.span.end..g.span.start),
                Some(" and " | "’s and " | "'s and ")
            )
    };
    let groups = found.windows(2).filter(|w| pair(&w[0], &w[1])).count();
    if groups == 0 {
        return found;
    }
    let mut out = Vec::with_capacity(found.len() + groups);
    let mut found = found.into_iter().peekable();
    while let Some(f) = found.next() {
        if let Some(g) = found.peek()
            && pair(&f, g)
        {
            let span = Span::new(f.span.start, g.span.end);
            out.push(self::found(
                span,
                MentionKind::Group,
                SpeakerKind::Group,
                span.text(text),
            ));
        }
        out.push(f);
    }
    out
}

/// Finds all mentions, in document order.
fn scan<'t>(text: &'t str, tokens: Toks<'_>, lex: &Lexicon) -> Vec<Found<'t>> {
    // Capitalised words seen where a capital means something, and words
    // seen in lower case, by word number.
    let mut named = vec![false; tokens.distinct()];
    let mut lower = vec![false; tokens.distinct()];
    let headline = headlines(text, tokens, |t| {
        if t.cap {
            named[t.word as usize] |= !t.initial;
        } else {
            lower[t.word as usize] = true;
        }
    });
    let mut out: Vec<Found> = Vec::with_capacity(tokens.len() / 8);
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // (a lower-case word without a cue meets none of the tests below)
        if headline[i] || !t.cap && !t.class.lower_cue {
            i += 1;
            continue;
        }
        if let Some(p) = t.class.pronoun
            && p.gender.is_some()
            && !p.plural
            && matches!(tokens.key_of(t), "his" | "her")
        {
            // Not a speaker, but tells the gender of the person just named.
            let mut f = found(t.span, MentionKind::Pronoun, SpeakerKind::Person, "");
            f.gender = p.gender;
            f.possessive = true;
            out.push(f);
            i += 1;
            continue;
        }
        if let Some(p) = t.class.pronoun
            && p.personal
        {
            if matches!(tokens.key_of(t), "he" | "she" | "they") {
                out.push(found(t.span, MentionKind::Pronoun, SpeakerKind::Person, ""));
            }
            i += 1;
            continue;
        }
        if t.cap {
            i = scan_chunk(text, tokens, i, lex, &named, &lower, &mut out);
            continue;
        }
        if t.class.group {
            let (mut first, _) = walk_back(tokens, i);
            // A possessor belongs to the group: "Obama's aides".
            if first > 0
                && tokens[first].joined
                && tokens[first - 1].poss
                && !is_determiner(tokens.key_of(&tokens[first]))
            {
                first -= 1;
            }
            let start = if is_determiner(tokens.key_of(&tokens[first])) {
                first + 1
            } else {
                first
            };
            let name = words_text(text, tokens, start.min(i), i + 1);
            let span = Span::new(tokens[first].span.start, t.span.end);
            out.push(found(span, MentionKind::Group, SpeakerKind::Group, name));
            i += 1;
            continue;
        }
        if let Some((n, title)) = match_phrase(tokens, i, tokens.len(), &lex.titles)
            && !title.honorific
            && title.lower
        {
            let end = i + n;
            let before_name = tokens
                .get(end)
                .is_some_and(|u| u.joined && u.cap && !tokens[end - 1].poss);
            let (mut first, mut det) = walk_back(tokens, i);
            if det.is_none()
                && first > 0
                && tokens[first].joined
                && is_possessive_determiner(tokens.key_of(&tokens[first - 1]))
            {
                first -= 1;
                det = Some("my");
            }
            if !before_name && det.is_some() {
                let roles = vec![normalise_phrase(words_text(text, tokens, i, end))];
                let mut f = role_mention(text, tokens, first..end, roles, title.gender);
                f.indefinite = matches!(det, Some("a" | "an"));
                f.anaphoric = det == Some("the") && !title.plain;
                out.push(f);
            }
            i = end;
            continue;
        }
        if t.class.org_lower_head
            && i > 0
            && tokens[i].joined
            && tokens.key_of(&tokens[i - 1]) == "the"
        {
            let span = Span::new(tokens[i - 1].span.start, t.span.end);
            let mut f = found(
                span,
                MentionKind::Role,
                SpeakerKind::Organisation,
                span.text(text),
            );
            f.roles.push(tokens.key_of(t).to_string());
            out.push(f);
        }
        i += 1;
    }
    // A group may reach back over a name found before it ("White House
    // analysts"): keep document order (stable, so nearly sorted is cheap).
    out.sort_by_key(|f| f.span.start);
    out
}

/// A person named by role over `words` ("the foreign minister").
fn role_mention<'t>(
    text: &'t str,
    tokens: Toks<'_>,
    words: std::ops::Range<usize>,
    roles: Vec<String>,
    gender: Option<Gender>,
) -> Found<'t> {
    let span = Span::new(
        tokens[words.start].span.start,
        tokens[words.end - 1].span.end,
    );
    let mut f = found(
        span,
        MentionKind::Role,
        SpeakerKind::Person,
        span.text(text),
    );
    f.roles = roles;
    f.gender = gender;
    f
}

fn found(span: Span, kind: MentionKind, entity_kind: SpeakerKind, name: &str) -> Found<'_> {
    Found {
        span,
        kind,
        entity_kind,
        name,
        description: None,
        roles: Vec::new(),
        gender: None,
        indefinite: false,
        possessive: false,
        anaphoric: false,
    }
}

/// Reads the capitalised chunk that starts at token `i`; returns the
/// index of the first token after it.
fn scan_chunk<'t>(
    text: &'t str,
    tokens: Toks<'_>,
    i: usize,
    lex: &Lexicon,
    named: &[bool],
    lower: &[bool],
    out: &mut Vec<Found<'t>>,
) -> usize {
    // The chunk: capitalised words, with particles and "of" between them.
    let mut end = i + 1;
    // A possessive ends the chunk, unless an organisation's name goes on
    // ("King's College London").
    let goes_on = |end: usize| {
        !tokens[end - 1].poss
            || tokens
                .get(end)
                .is_some_and(|u| u.joined && u.cap && u.class.org_head)
    };
    while end < tokens.len() && end - i < CHUNK_MAX_WORDS && goes_on(end) {
        let u = &tokens[end];
        if !u.joined {
            break;
        }
        if u.cap {
            end += 1;
            continue;
        }
        let connector = u.class.connector;
        if connector {
            let mut j = end + 1;
            while j < tokens.len() && j - end < 3 && tokens[j].joined && tokens[j].class.connector {
                j += 1;
            }
            if tokens.get(j).is_some_and(|v| v.joined && v.cap) {
                end = j + 1;
                continue;
            }
        }
        break;
    }
    let mut k = i;
    // Function words capitalised at a sentence start.
    // and ordinary words the text also writes in lower case ("Were").
    while k < end
        && (matches!(tokens[k].class.not_name, Some(NotName::Function))
            || lower[tokens[k].word as usize]
                && !tokens[k].class.first_name
                && match_phrase(tokens, k, end, &lex.titles).is_none()
                && match_phrase(tokens, k, end, &lex.orgs).is_none_or(|(n, _)| n < 2)
                && match_phrase(tokens, k, end, &lex.not_names).is_none_or(|(n, _)| n < 2))
    {
        k += 1;
    }
    // A title and place prefix: the description.
    let mut desc_start = None;
    let mut gender = None;
    let mut roles = Vec::new();
    let mut honorific = false;
    while k < end {
        if let Some((n, title)) = match_phrase(tokens, k, end, &lex.titles)
            && !tokens[k + n - 1].poss
        {
            gender = gender.or(title.gender);
            if title.honorific {
                honorific = true;
            } else {
                desc_start.get_or_insert(k);
                roles.push(normalise_phrase(words_text(text, tokens, k, k + n)));
            }
            k += n;
            continue;
        }
        if let Some((n, NotName::Demonym | NotName::Place)) =
            match_phrase(tokens, k, end, &lex.not_names)
            && k + n < end
            && !tokens[k + n - 1].poss
        {
            desc_start.get_or_insert(k);
            k += n;
            continue;
        }
        // An acronym before a title ("RNC Chief of Staff").
        let t = &tokens[k];
        if tokens.key_of(t).len() >= 2
            && text[t.span.start..t.span.end]
                .chars()
                .all(|c| c.is_uppercase() || c == '.')
            && match_phrase(tokens, k + 1, end, &lex.titles).is_some_and(|(_, t)| !t.honorific)
        {
            desc_start.get_or_insert(k);
            k += 1;
            continue;
        }
        // A group word before a name ("Republicans David Jolly").
        if k + 1 < end && t.class.group {
            k += 1;
            continue;
        }
        break;
    }
    let mut desc_end = k;
    let mut resume = end;
    // A person's name ends before "of" ("Tom Cole of Oklahoma") and before
    // a word the text also writes in lower case ("Trump Finally Endorses").
    // A title inside the chunk: what precedes it is description too
    // ("Wells Fargo CEO John Stumpf", "Vermont Sen. Bernie Sanders"), even
    // when it names an organisation ("Bank of America CEO Ann Lee").
    let mut inner = None;
    let mut j = k + 1;
    while j + 1 < end {
        match match_phrase(tokens, j, end - 1, &lex.titles) {
            Some((n, title)) => {
                inner = Some((j, n, title));
                j += n;
            }
            None => j += 1,
        }
    }
    let name_from = inner.map_or(k, |(j, n, _)| j + n);
    let org_like = name_from < end
        && ((name_from..end).any(|j| {
            tokens[j].class.org_head_word && (j + 1 == end || tokens.key_of(&tokens[j + 1]) == "of")
        }) || phrase_value(text, tokens, name_from, tokens[end - 1].span.end, &lex.orgs)
            .is_some());
    if !org_like && k < end {
        if let Some((j, n, title)) = inner {
            gender = gender.or(title.gender);
            if title.honorific {
                honorific = true;
                // "Retired Gen. Dr. Ann Lee": keep the words before.
                if j > k {
                    desc_start.get_or_insert(k);
                    desc_end = j;
                }
            } else {
                desc_start.get_or_insert(k);
                roles.push(normalise_phrase(words_text(text, tokens, j, j + n)));
                desc_end = j + n;
            }
            k = j + n;
        }
        let cut = (k + 1..end).find(|&j| {
            let key = tokens.key_of(&tokens[j]);
            key == "of"
                || matches!(tokens[j].class.not_name, Some(NotName::Function))
                || tokens[j].cap
                    && lower[tokens[j].word as usize]
                    && !tokens[j].class.first_name
                    && !is_connector(key)
        });
        if let Some(j) = cut {
            if tokens.key_of(&tokens[j]) != "of" {
                resume = j;
            }
            end = j;
        }
    }
    if k >= end {
        // Only a title ("the President said"): a role noun.
        if !roles.is_empty() && !honorific {
            let (first, det) = walk_back(tokens, i);
            if det == Some("the") {
                out.push(role_mention(text, tokens, first..end, roles, gender));
            }
        }
        return resume;
    }
    // A dotted acronym keeps its last dot ("U.N.", "S.E.C.").
    let last_tok = &tokens[end - 1];
    let name_text = if last_tok.dot && !last_tok.poss && last_tok.span.text(text).contains('.') {
        Span::new(tokens[k].span.start, last_tok.span.end + 1).text(text)
    } else {
        words_text(text, tokens, k, end)
    };
    let name_end = tokens[k].span.start + name_text.len();
    let single = end - k == 1;
    // Groups written with a capital ("Republicans").
    if single && tokens[k].class.group {
        out.push(found(
            tokens[k].span,
            MentionKind::Group,
            SpeakerKind::Group,
            name_text,
        ));
        return resume;
    }
    // Organisations: a known one, one with an organisation word, or one
    // introduced by a cue ("news agency TASS").
    let (cue_start, org_cue) = org_cue_before(tokens, i, lex);
    let heads: Vec<String> = (k..end)
        .filter(|&j| {
            tokens[j].class.org_head_word
                && (j + 1 == end
                    || tokens.key_of(&tokens[j + 1]) == "of"
                    || (j + 1..end)
                        .all(|l| matches!(tokens[l].class.not_name, Some(NotName::Place))))
        })
        .map(|j| tokens.key_of(&tokens[j]).trim_end_matches('.').to_owned())
        .collect();
    let acronym = single && {
        let w = tokens[k].span.text(text);
        w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
            && (2..=ACRONYM_MAX_LETTERS).contains(&w.chars().filter(|c| c.is_alphabetic()).count())
    };
    // "Hollis & Brandt", "Procter & Gamble": firms.
    let firm = name_text.contains('&') && name_text.contains(" & ");
    let is_org = acronym
        || firm
        || phrase_value(text, tokens, k, name_end, &lex.orgs) == Some(&OrgWord::Known)
        || !heads.is_empty()
        || org_cue;
    let mut f;
    if is_org {
        // A place before an organisation is part of its name ("U.S.
        // Senate", "New York Times"), unless a title came first.
        let org_start = if roles.is_empty() {
            desc_start.unwrap_or(k)
        } else {
            k
        };
        let span = Span::new(tokens[org_start].span.start, tokens[end - 1].span.end);
        let name = Span::new(span.start, name_end).text(text);
        f = found(span, MentionKind::Name, SpeakerKind::Organisation, name);
        f.roles = heads;
        if org_cue {
            let start = cue_start.unwrap_or(i);
            f.description = Some(words_text(text, tokens, start, i).to_owned());
        }
        out.push(f);
        return resume;
    }
    // Places, times and demonyms alone are not people.
    let all_not_names = (k..end).all(|j| tokens[j].class.not_name.is_some())
        || phrase_value(text, tokens, k, name_end, &lex.not_names).is_some()
        || tokens[end - 1].class.not_name == Some(NotName::PlaceWord);
    if all_not_names {
        return resume;
    }
    // A lone word after "in" is a place ("back in Indiana").
    if single
        && desc_start.is_none()
        && !honorific
        && k > 0
        && tokens[k].joined
        && matches!(tokens.key_of(&tokens[k - 1]), "in" | "near" | "across")
    {
        return resume;
    }
    // A lone capitalised word at a sentence start is a name only when the
    // text capitalises it elsewhere too, or it is a known given name.
    if single
        && tokens[k].initial
        && desc_start.is_none()
        && !honorific
        && !named[tokens[k].word as usize]
        && !tokens[k].class.first_name
    {
        return resume;
    }
    // Words with digits are not names.
    if !tokens[k].cap
        || tokens[k..end]
            .iter()
            .any(|t| tokens.key_of(t).bytes().any(|b| b.is_ascii_digit()))
    {
        return resume;
    }
    f = found(
        Span::new(tokens[k].span.start, tokens[end - 1].span.end),
        MentionKind::Name,
        SpeakerKind::Person,
        name_text,
    );
    f.gender = gender;
    f.roles = roles;
    let mut desc = Vec::new();
    // A lower-case role just before the chunk: "diplomatic spokeswoman".
    if let Some((first, role, g)) = role_before(tokens, i, lex) {
        desc.push(words_text(text, tokens, first, i).to_owned());
        f.roles.push(role);
        f.gender = f.gender.or(g);
    }
    if let Some(ds) = desc_start {
        let mut d = words_text(text, tokens, ds, desc_end).to_owned();
        if tokens[desc_end - 1].dot {
            d.push('.');
        }
        desc.push(d);
    }
    if let Some((app, app_roles)) = appositive(text, tokens, end, lex) {
        desc.push(app);
        f.roles.extend(app_roles);
    }
    if !desc.is_empty() {
        f.description = Some(desc.join(", "));
    }
    out.push(f);
    resume
}

/// Marks the words of title-case lines (headlines, bylines, page
/// furniture): sentences of at least [`HEADLINE_MIN_WORDS`] words of
/// which most are capitalised, without final punctuation (or, for long
/// lines, nearly all capitalised even with it). Their capitals name nothing.
/// `visit` sees each token once, in order, on the way.
fn headlines(text: &str, tokens: Toks<'_>, mut visit: impl FnMut(&Token)) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start;
        let mut content = 0;
        let mut caps = 0;
        while end < tokens.len() && (end == start || !tokens[end].sentence_start) {
            let t = &tokens[end];
            visit(t);
            if t.cap {
                caps += 1;
                content += 1;
            } else if !t.class.headline_minor
                && !matches!(t.class.not_name, Some(NotName::Function))
            {
                // (a lower-case word that is not a function word)
                content += 1;
            }
            end += 1;
        }
        let rest = match tokens.get(end) {
            Some(t) => &text[tokens[end - 1].full_end..t.span.start],
            None => &text[tokens[end - 1].full_end..],
        };
        let ended = rest.contains(['.', '?', '!']);
        let title_case = !ended && content >= HEADLINE_MIN_WORDS && caps * 10 >= content * 8
            || content >= 2 * HEADLINE_MIN_WORDS && caps * 10 >= content * 9;
        if title_case {
            out[start..end].fill(true);
        }
        start = end;
    }
    out
}

/// Lower-case words inside names: "Bank of America", "van der Berg".
const CONNECTORS: [&str; 16] = [
    "of", "de", "da", "di", "del", "der", "den", "van", "von", "bin", "al", "la", "le", "du",
    "dos", "ter",
];

/// Short words that, besides connectors and determiners, count for
/// nothing in a title-case line (see [`headlines`]).
const HEADLINE_MINOR: [&str; 5] = ["in", "on", "at", "as", "is"];

/// True for the [`CONNECTORS`]. (A token's class answers this for its
/// key: [`lexicon::WordClass::connector`].)
fn is_connector(key: &str) -> bool {
    CONNECTORS.contains(&key)
}

/// True for a lower-case word that does not count as content in a
/// title-case line: a connector, determiner or one of
/// [`HEADLINE_MINOR`]. (A token's class answers this for its key:
/// [`lexicon::WordClass::headline_minor`].)
fn is_headline_minor(key: &str) -> bool {
    is_connector(key) || is_determiner(key) || HEADLINE_MINOR.contains(&key)
}

/// A lower-case organisation cue right before token `i` ("news agency").
fn org_cue_before(tokens: Toks<'_>, i: usize, lex: &Lexicon) -> (Option<usize>, bool) {
    if i == 0 || !tokens[i].joined {
        return (None, false);
    }
    let max = lex.orgs.max_words;
    for n in (1..=max.min(i)).rev() {
        let a = i - n;
        if tokens[a].cap {
            continue;
        }
        if let Some((m, OrgWord::Cue)) = match_phrase(tokens, a, i, &lex.orgs)
            && a + m == i
        {
            let (first, _) = walk_back(tokens, a);
            let first = if is_determiner(tokens.key_of(&tokens[first])) {
                first + 1
            } else {
                first
            };
            return (Some(first), true);
        }
    }
    (None, false)
}

/// A lower-case role noun right before token `i`, with its modifiers:
/// (first token, role, gender).
fn role_before(
    tokens: Toks<'_>,
    i: usize,
    lex: &Lexicon,
) -> Option<(usize, String, Option<Gender>)> {
    if i == 0 || !tokens[i].joined || tokens[i - 1].poss {
        return None;
    }
    let max = lex.titles.max_words;
    for n in (1..=max.min(i)).rev() {
        let a = i - n;
        if tokens[a].cap {
            continue;
        }
        if let Some((m, title)) = match_phrase(tokens, a, i, &lex.titles)
            && a + m == i
            && !title.honorific
        {
            let (first, _) = walk_back(tokens, a);
            let first = if is_determiner(tokens.key_of(&tokens[first])) {
                first + 1
            } else {
                first
            };
            let role = tokens[a..i]
                .iter()
                .map(|t| tokens.key_of(t))
                .collect::<Vec<_>>()
                .join(" ");
            return Some((first, role, title.gender));
        }
    }
    None
}

/// An appositive after the name that ends at token `end`:
/// ", a professor with King's College London," → its text and roles.
fn appositive(
    text: &str,
    tokens: Toks<'_>,
    end: usize,
    lex: &Lexicon,
) -> Option<(String, Vec<String>)> {
    let next = tokens.get(end)?;
    let gap = text.get(tokens[end - 1].full_end..next.span.start)?;
    if gap.trim() != "," {
        return None;
    }
    let opener = is_determiner(tokens.key_of(next))
        || match_phrase(tokens, end, tokens.len(), &lex.titles).is_some()
        || matches!(next.class.not_name, Some(NotName::Demonym));
    if !opener {
        return None;
    }
    let mut last = end;
    let mut roles = Vec::new();
    let mut j = end;
    while j < tokens.len() && j - end < APPOSITIVE_MAX_WORDS {
        if j > end && !tokens[j].joined && !tokens[j - 1].poss {
            break;
        }
        // A verb makes it a clause, not a description.
        if matches!(tokens[j].class.not_name, Some(NotName::Verb)) {
            return None;
        }
        if j > end && matches!(tokens.key_of(&tokens[j]), "who" | "which" | "that") {
            break;
        }
        if let Some((n, title)) = match_phrase(tokens, j, tokens.len(), &lex.titles)
            && !title.honorific
        {
            roles.push(normalise_phrase(words_text(text, tokens, j, j + n)));
        }
        last = j + 1;
        j += 1;
    }
    if roles.is_empty() && !is_determiner(tokens.key_of(next)) {
        return None;
    }
    // It must end at punctuation, not run on past the window.
    let after = text.get(tokens[last - 1].full_end..).unwrap_or("");
    if !(after.is_empty() || after.starts_with([',', '.', ';', ')', ':', '—', '–'])) {
        return None;
    }
    let end_byte = tokens[last - 1].full_end;
    let s = Span::new(next.span.start, end_byte).text(text);
    Some((s.to_owned(), roles))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod polnear;

#[cfg(test)]
mod tests_support {
    use super::Entities;
    use crate::segment;
    use crate::span::Span;

    pub(super) fn build(text: &str, quotes: &[Span]) -> Entities {
        let paragraphs = segment::paragraphs(text);
        let sentences = segment::sentences(text, &paragraphs);
        Entities::build(text, &sentences, quotes)
    }

    pub(super) fn quotes_in(text: &str) -> Vec<Span> {
        super::tests::quotes(text)
    }
}

#[cfg(test)]
mod word_tests {
    use super::{after_preposition, last_word};

    #[test]
    fn last_word_reads_as_splitting_does() {
        for s in [
            "",
            " ",
            "said through a ",
            "with Trump's",
            "in 2016 ",
            "Zürich-based ",
            "a",
            "x1y",
            "über  ",
            "—with",
            "THE",
            "O'Neill, ",
            "café",
            "éa",
            "a é",
            "1",
            "ab—",
            "ßa",
        ] {
            let mut words = s
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .rev();
            let (word, rest) = last_word(s);
            assert_eq!(word, words.next().unwrap_or(""), "{s:?}");
            assert_eq!(last_word(rest).0, words.next().unwrap_or(""), "{s:?}");
        }
    }

    #[test]
    fn words_count_as_split_whitespace_counts() {
        for name in [
            "",
            " ",
            "Antony Blinken",
            "  Harsh V.  Pant ",
            "a\tb\nc\x0bd\x0ce\rf",
            "x\x1cy",
            "Ängel Ölund",
            "a\u{a0}b",
            "one",
            "Ministry of Foreign Affairs",
            "exactly8",
            "exactly8 sixteen!",
            " \t\n\x0b\x0c\r\x1f!~\x7f",
            "a b c d e f g h i j k l m n o p q r",
            "        x",
            "x        ",
        ] {
            assert_eq!(
                super::word_count(name),
                name.split_whitespace().count(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn words_count_as_split_whitespace_counts_at_any_length() {
        // Every mix of spaces, controls and letters, of every length up
        // to twenty bytes, from a fixed pseudo-random sequence.
        let alphabet = [b' ', b'\t', b'\r', b'\x0b', b'\x1f', b'a', b'Z', b'.'];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..=20 {
            for _ in 0..200 {
                let name: String = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        char::from(alphabet[(state % 8) as usize])
                    })
                    .collect();
                assert_eq!(
                    super::word_count(&name),
                    name.split_whitespace().count(),
                    "{name:?}"
                );
            }
        }
    }

    #[test]
    fn alphabetic_as_char_says() {
        let blocks = (0..0x3000).chain(0x1_0000..0x1_0400);
        for c in blocks.filter_map(char::from_u32) {
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn prepositions_before_a_mention() {
        let text = "He spoke through a spokesman, and with Trump; THROUGH THE aide. Said Lee";
        let at = |w: &str| text.find(w).unwrap_or(0);
        assert!(after_preposition(text, at("spokesman")));
        assert!(after_preposition(text, at("Trump")));
        assert!(after_preposition(text, at("aide")));
        assert!(!after_preposition(text, at("Lee")));
    }
}
