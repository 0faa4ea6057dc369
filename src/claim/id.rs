//! Stable claim IDs.
//!
//! An ID is `qc-` followed by 16 lower-case hex digits: the 64-bit XXH3
//! hash (seed 0) of the UTF-8 bytes
//!
//! ```text
//! "quotecheck-claim-v1" NUL normalised(claimant) NUL normalised(text)
//! ```
//!
//! where `normalised` lower-cases, reads curly quotes and apostrophes as
//! straight ones and dashes as `-`, drops quotation marks, and collapses
//! every run of whitespace to one space, trimmed. The claimant is empty
//! for the reporter's voice. So an ID survives rewrapped lines, added
//! whitespace and reordered paragraphs, and changes when any word or
//! number of the claim changes. When two claims of one document would share an
//! ID (the same words, by the same claimant, twice), the later ones get
//! `-2`, `-3`, … in document order.

use rustc_hash::FxHashMap;

use xxhash_rust::xxh3::xxh3_64;

use super::Claim;

/// Prefix of the hashed bytes; bump the version when normalisation
/// changes.
const DOMAIN: &str = "quotecheck-claim-v1";

/// Appends the normalised `s` to `out`.
fn normalise_into(s: &str, out: &mut String) {
    let empty = out.len();
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '’' | '‘' | '\'' => '\'',
            '“' | '”' | '"' | '«' | '»' => continue,
            '–' | '—' | '‒' | '−' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && out.len() > empty {
            out.push(' ');
        }
        space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The stable ID of a claim with this text and claimant (`None` for the
/// reporter's voice). See the module documentation for the formula.
///
/// ```
/// use quotecheck::claim_id;
///
/// let a = claim_id("The bloc has 19\n  members.", Some("Jane Doe"));
/// assert_eq!(a, claim_id("The bloc has 19 members.", Some("Jane Doe")));
/// assert_ne!(a, claim_id("The bloc has 20 members.", Some("Jane Doe")));
/// assert!(a.starts_with("qc-") && a.len() == 19);
/// ```
pub fn claim_id(text: &str, claimant: Option<&str>) -> String {
    let mut bytes = String::with_capacity(DOMAIN.len() + 2 + text.len() + 32);
    bytes.push_str(DOMAIN);
    bytes.push('\0');
    normalise_into(claimant.unwrap_or(""), &mut bytes);
    bytes.push('\0');
    normalise_into(text, &mut bytes);
    format!("qc-{:016x}", xxh3_64(bytes.as_bytes()))
}

/// Gives every claim its ID, numbering repeats in document order.
pub(crate) fn assign(claims: &mut [Claim]) {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for claim in claims {
        let id = claim_id(&claim.text, claim.claimant.as_deref());
        let n = seen.entry(id.clone()).or_insert(0);
        *n += 1;
        claim.id = if *n == 1 { id } else { format!("{id}-{n}") };
    }
}
