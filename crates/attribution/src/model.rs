//! The learned attribution tagger: every token of a document is labelled
//! Source, Cue or Content (BIO) or outside, by an averaged perceptron (the
//! entity crate's learner) decoded greedily left to right with the two
//! previous labels as features. Trained on PolNeAR (PARC 3.0 conventions) by
//! `claimtrail train attribution`; see docs/attribution.md.
//!
//! Features: the word and its neighbours, lower-cased; shape and suffix; the
//! lexicon's word classes (a cheap stand-in for part of speech) and cue
//! family, for the token and its neighbours; the entity type and mention kind
//! the entity layer gives it; the quote state (opening mark, inside, closing
//! mark); the distance to the nearest cue word on each side within the
//! sentence; the token's place in its sentence and paragraph.

use crate::ctx::Ctx;
use claimtrail_entities::perceptron::{feature, Model, Shuffle, Trainer};
use claimtrail_entities::EntityLayer;
use claimtrail_text::{Document, TokenKind};
use std::sync::OnceLock;

/// The labels, in model order: outside, then begin / inside of each role.
pub const LABELS: [&str; 7] = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"];

/// Hash table size of the shipped model (2^16 rows of 7 weights: 0.9 MB,
/// small enough to stay in cache, which is what tagging speed waits on).
const BITS: u32 = 16;

/// The word classes the shipped model was trained with (the classes of
/// content polarity came later; a retrained model may take them in).
const MODEL_CLASSES: u128 = (1 << 24) - 1;

/// A part of an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Source,
    Cue,
    Content,
}

impl Role {
    /// The label that begins (`inside == false`) or continues a span of this role.
    pub fn label(self, inside: bool) -> u8 {
        1 + 2 * self as u8 + u8::from(inside)
    }

    /// The role of a label (None for outside).
    pub fn of(label: u8) -> Option<Role> {
        match label {
            1 | 2 => Some(Role::Source),
            3 | 4 => Some(Role::Cue),
            5 | 6 => Some(Role::Content),
            _ => None,
        }
    }
}

/// The shipped model, or None when the file is empty or not a model.
pub(crate) fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(include_bytes!("../models/attribution.bin")))
        .as_ref()
}

/// Per-token values the features are built from, computed once per document.
struct Tokens {
    word: Vec<u64>,
    shape: Vec<u64>,
    suffix: Vec<u64>,
    class: Vec<u64>,
    cue: Vec<u64>,
    ent: Vec<u64>,
    quote: Vec<u64>,
    /// Distance buckets to the nearest cue word on the left and right in the sentence.
    cue_left: Vec<u64>,
    cue_right: Vec<u64>,
    /// Place in the sentence and paragraph.
    place: Vec<u64>,
}

/// A well-mixed combination of a template and two values.
#[inline]
fn mix(t: u64, a: u64, b: u64) -> u64 {
    let mut z = t
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(a)
        .rotate_left(23)
        ^ b.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of a word's shape ("Xx", "d,d", "x-x"): character classes with
/// repeats collapsed, at most six.
fn shape(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut last, mut n) = ('\0', 0);
    for c in w.chars() {
        let s = claimtrail_entities::shape_class(c);
        if s != last {
            h = (h ^ u64::from(u32::from(s))).wrapping_mul(0x0100_0000_01b3);
            last = s;
            n += 1;
            if n == 6 {
                break;
            }
        }
    }
    h
}

fn bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

impl Tokens {
    fn new(ctx: &Ctx, ents: &EntityLayer) -> Tokens {
        let doc = ctx.doc;
        let n = doc.tokens().len();
        let mut t = Tokens {
            word: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            suffix: Vec::with_capacity(n),
            class: Vec::with_capacity(n),
            cue: Vec::with_capacity(n),
            ent: vec![0; n],
            quote: vec![0; n],
            cue_left: vec![8; n],
            cue_right: vec![8; n],
            place: vec![0; n],
        };
        let mut lower = String::new();
        for (i, tok) in doc.tokens().iter().enumerate() {
            let w = doc.slice(tok.span);
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase).map(|c| match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                c => c,
            }));
            t.word.push(feature(0, &lower));
            t.shape.push(shape(w));
            let cut = lower.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
            t.suffix.push(feature(2, &lower[cut..]));
            let info = ctx.info[i];
            t.class
                .push(((info.class & MODEL_CLASSES) as u64) << 3 | tok.kind as u64);
            t.cue.push(info.cue.map_or(0, |c| {
                1 + c.family as u64 * 8 + c.frame as u64 * 2 + (c.form as u64 & 1)
            }));
        }
        for m in &ents.mentions {
            let etype = ents
                .entities
                .get(m.entity)
                .map_or(0, |e| e.etype as u64 + 1);
            let r = doc.token_range(m.span);
            let start = r.start;
            for k in r {
                t.ent[k] = etype * 8 + m.kind as u64 * 2 + u64::from(k == start) + 1;
            }
        }
        for i in 0..n {
            t.quote[i] = if ctx.opens_quote(i).is_some() {
                1
            } else if ctx.closes_quote(i).is_some() {
                3
            } else if ctx.in_quote(i) {
                2
            } else {
                u64::from(doc.tokens()[i].kind == TokenKind::Quote) * 4
            };
        }
        t.sentence_features(ctx);
        t
    }

    fn sentence_features(&mut self, ctx: &Ctx) {
        let doc = ctx.doc;
        let mut last_par = usize::MAX;
        for s in doc.sentences() {
            let r = s.tokens.clone();
            let first_in_par = s.paragraph != last_par;
            last_par = s.paragraph;
            let mut last_cue = None;
            for i in r.clone() {
                if let Some(c) = last_cue {
                    self.cue_left[i] = bucket(i - c);
                }
                if self.cue[i] != 0 {
                    last_cue = Some(i);
                }
                let at = if i == r.start {
                    0
                } else if i + 1 == r.end {
                    1
                } else if i + 2 == r.end {
                    2
                } else {
                    3
                };
                self.place[i] = at * 2 + u64::from(first_in_par);
            }
            let mut next_cue = None;
            for i in r.rev() {
                if let Some(c) = next_cue {
                    self.cue_right[i] = bucket(c - i);
                }
                if self.cue[i] != 0 {
                    next_cue = Some(i);
                }
            }
        }
    }

    /// The features of token `i` given the two previous labels.
    fn features(&self, i: usize, p1: u8, p2: u8, out: &mut Vec<u64>) {
        out.clear();
        let n = self.word.len();
        let at = |v: &Vec<u64>, k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j as usize >= n {
                0xdead
            } else {
                v[j as usize]
            }
        };
        let (p1, p2) = (u64::from(p1), u64::from(p2));
        let w = self.word[i];
        let q = self.quote[i];
        let (cl, cr) = (self.cue_left[i], self.cue_right[i]);
        out.extend([
            mix(1, 0, 0),
            mix(2, w, 0),
            mix(3, at(&self.word, -1), 0),
            mix(4, at(&self.word, 1), 0),
            mix(5, at(&self.word, -2), 0),
            mix(6, at(&self.word, 2), 0),
            mix(7, self.shape[i], 0),
            mix(8, self.suffix[i], 0),
            mix(9, self.class[i], 0),
            mix(10, at(&self.class, -1), 0),
            mix(11, at(&self.class, 1), 0),
            mix(12, self.cue[i], 0),
            mix(13, at(&self.cue, -1), at(&self.cue, 1)),
            mix(14, self.ent[i], 0),
            mix(15, at(&self.ent, -1), at(&self.ent, 1)),
            mix(16, q, at(&self.quote, -1)),
            mix(17, cl, cr),
            mix(18, cl, 0),
            mix(19, cr, 0),
            mix(20, self.place[i], 0),
            mix(21, p1, 0),
            mix(22, p1, p2),
            mix(23, p1, w),
            mix(24, p1, q),
            mix(25, p1, self.place[i]),
            mix(26, p1, self.cue[i]),
            mix(27, q, cl * 16 + cr),
            mix(28, w, at(&self.word, 1)),
            mix(29, at(&self.word, -1), w),
            mix(30, p1, self.class[i]),
            mix(31, p1 * 16 + cl, cr),
        ]);
    }
}

/// Whether label `l` may follow `prev` (an inside label continues its role).
fn allowed(prev: u8, l: u8) -> bool {
    l == 0 || l % 2 == 1 || Role::of(prev) == Role::of(l)
}

/// Labels every token of the document (greedy, left to right).
pub(crate) fn tag(model: &Model, ctx: &Ctx, ents: &EntityLayer) -> Vec<u8> {
    let toks = Tokens::new(ctx, ents);
    let n = toks.word.len();
    let mut labels = vec![0u8; n];
    let mut feats = Vec::with_capacity(32);
    let mut scores = vec![0f32; LABELS.len()];
    let (mut p1, mut p2) = (0u8, 0u8);
    for (i, slot) in labels.iter_mut().enumerate() {
        toks.features(i, p1, p2, &mut feats);
        let l = model.predict(&feats, &mut scores, |c| allowed(p1, c as u8)) as u8;
        *slot = l;
        (p2, p1) = (p1, l);
    }
    labels
}

/// One training document: its entity layer and the gold label of each token.
pub struct LabelledDoc<'a> {
    pub doc: &'a Document,
    pub entities: &'a EntityLayer,
    pub labels: Vec<u8>,
}

/// Trains the tagger (deterministic: fixed shuffle seed) and returns the
/// model file's bytes.
pub fn train(docs: &[LabelledDoc], iterations: usize) -> Vec<u8> {
    let classes = LABELS.iter().map(|s| s.to_string()).collect();
    let mut trainer = Trainer::new(classes, BITS);
    let prepared: Vec<(Tokens, &[u8])> = docs
        .iter()
        .map(|d| {
            let ctx = crate::context(d.doc);
            (Tokens::new(&ctx, d.entities), &d.labels[..])
        })
        .collect();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut shuffle = Shuffle::new(0x5eed_a770);
    let mut feats = Vec::with_capacity(32);
    let mut scores = vec![0f32; LABELS.len()];
    for _ in 0..iterations {
        shuffle.shuffle(&mut order);
        for &d in &order {
            let (toks, gold) = &prepared[d];
            let (mut p1, mut p2) = (0u8, 0u8);
            for (i, &truth) in gold.iter().enumerate() {
                // an inside label after a guess of another role begins its span
                let truth = if allowed(p1, truth) { truth } else { truth - 1 };
                toks.features(i, p1, p2, &mut feats);
                trainer.tick();
                let guess = trainer
                    .model
                    .predict(&feats, &mut scores, |c| allowed(p1, c as u8))
                    as u8;
                trainer.update(usize::from(truth), usize::from(guess), &feats);
                (p2, p1) = (p1, guess);
            }
        }
    }
    trainer.finish().to_bytes()
}

/// Tags a document with a model given as bytes (for scoring a fresh model).
pub fn tag_with(bytes: &[u8], doc: &Document, ents: &EntityLayer) -> Option<Vec<u8>> {
    let model = Model::from_bytes(bytes)?;
    let ctx = crate::context(doc);
    Some(tag(&model, &ctx, ents))
}
