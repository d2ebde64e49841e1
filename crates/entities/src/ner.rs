//! Statistical named-entity tagger: a greedy left-to-right averaged perceptron
//! over BIO labels (PERSON, ORG, GPE, LOC, NORP, PRODUCT), with word, shape,
//! part-of-speech, context, gazetteer and document features, and the rule
//! layer's typing of the token as a feature (so the model learns when the
//! lexicon rules are right).

use crate::context::Ctx;
use crate::fxhash::FastSet as HashSet;
use crate::lexicon::{Gender, Lexicon, PhraseKind};
use crate::names::Piece;
use crate::perceptron::{feature, feature2, Model, Shuffle, Trainer};
use crate::pos::{shape, Tagger};
use crate::EntityType;
use std::ops::Range;

const BITS: u32 = 18;

/// The entity types the tagger predicts, in label order.
pub const TYPES: [EntityType; 6] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Loc,
    EntityType::Norp,
    EntityType::Product,
];

pub fn labels() -> Vec<String> {
    let mut l = vec!["O".to_string()];
    for t in TYPES {
        l.push(format!("B-{}", t.as_str()));
        l.push(format!("I-{}", t.as_str()));
    }
    l
}

/// Label index -> (type, begins).
fn decode_label(l: usize) -> Option<(EntityType, bool)> {
    (l > 0).then(|| (TYPES[(l - 1) / 2], (l - 1) % 2 == 0))
}

fn piece_tag(p: &Piece) -> &'static str {
    match p.etype {
        None => "UNK",
        Some(t) => match (t, p.strong) {
            (EntityType::Person, true) => "PERSON!",
            (EntityType::Org, true) => "ORG!",
            (t, _) => t.as_str(),
        },
    }
}

const RULE_TAGS: [&str; 10] = [
    "UNK", "PERSON!", "ORG!", "PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT",
];
const RULE_B: [&str; 10] = [
    "BUNK", "BPERSON!", "BORG!", "BPERSON", "BORG", "BGPE", "BLOC", "BNORP", "BPRODUCT", "BEVENT",
];
const RULE_I: [&str; 10] = [
    "IUNK", "IPERSON!", "IORG!", "IPERSON", "IORG", "IGPE", "ILOC", "INORP", "IPRODUCT", "IEVENT",
];

fn gaz_tag(kind: PhraseKind, begin: bool) -> &'static str {
    match (kind, begin) {
        (PhraseKind::Country, true) => "CountryB",
        (PhraseKind::Country, false) => "CountryI",
        (PhraseKind::City, true) => "CityB",
        (PhraseKind::City, false) => "CityI",
        (PhraseKind::Nationality, true) => "NationalityB",
        (PhraseKind::Nationality, false) => "NationalityI",
        (PhraseKind::Location, true) => "LocationB",
        (PhraseKind::Location, false) => "LocationI",
        (PhraseKind::Product, true) => "ProductB",
        (PhraseKind::Product, false) => "ProductI",
        (PhraseKind::Organisation, true) => "OrganisationB",
        (PhraseKind::Organisation, false) => "OrganisationI",
    }
}

/// What the features of a document read: tokens, tags, the rule layer's and
/// the lexicons' view of each token. Features are computed on demand, so
/// tokens the decoder skips cost nothing.
pub struct Input<'a> {
    ctx: &'a Ctx<'a>,
    lex: &'a Lexicon,
    pos: &'a [&'a str],
    rule: Vec<&'static str>,
    gaz: Vec<&'static str>,
    /// Capitalised forms seen away from a clause start: names, not sentence openers.
    cap_inside: HashSet<&'a str>,
    upper: Vec<bool>,
}

impl<'a> Input<'a> {
    pub fn new(
        ctx: &'a Ctx<'a>,
        lex: &'a Lexicon,
        pieces: &[Piece],
        pos: &'a [&'a str],
    ) -> Input<'a> {
        let n = ctx.toks.len();
        let mut rule: Vec<&'static str> = vec![""; n];
        for p in pieces {
            let k = RULE_TAGS
                .iter()
                .position(|t| *t == piece_tag(p))
                .unwrap_or(0);
            for j in p.toks.clone() {
                rule[j] = if j == p.toks.start {
                    RULE_B[k]
                } else {
                    RULE_I[k]
                };
            }
        }
        let mut gaz: Vec<&'static str> = vec![""; n];
        let mut words: Vec<&str> = Vec::new();
        for s in &ctx.sentences {
            words.clear();
            words.extend(ctx.toks[s.clone()].iter().map(|t| t.bare()));
            let mut k = 0;
            while k < words.len() {
                match lex.longest_phrase(&words[k..]) {
                    Some((len, p)) => {
                        for j in 0..len {
                            gaz[s.start + k + j] = gaz_tag(p.kind, j == 0);
                        }
                        k += len;
                    }
                    None => k += 1,
                }
            }
        }
        let cap_inside = (0..n)
            .filter(|&i| ctx.toks[i].cap && !ctx.opens_clause(i))
            .map(|i| ctx.toks[i].norm.as_str())
            .collect();
        let upper = ctx
            .sentences
            .iter()
            .map(|s| crate::names::is_upper_sentence(ctx, s))
            .collect();
        Input {
            ctx,
            lex,
            pos,
            rule,
            gaz,
            cap_inside,
            upper,
        }
    }

    /// The label-independent features of token `i`.
    pub fn token(&self, i: usize) -> Vec<u64> {
        let mut f = Vec::with_capacity(48);
        self.token_into(i, &mut f);
        f
    }

    /// Appends the label-independent features of token `i` to `f`.
    pub fn token_into(&self, i: usize, f: &mut Vec<u64>) {
        let sent = self.ctx.toks[i].sent;
        token_features(self, i, &self.ctx.sentences[sent], self.upper[sent], f);
    }

    /// Whether token `i` can only be outside a name when the token before is:
    /// it starts with a lower-case letter or is punctuation.
    fn cannot_start(&self, i: usize) -> bool {
        let t = self.ctx.toks[i].text;
        !t.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
    }
}

fn token_features(
    input: &Input,
    i: usize,
    s: &Range<usize>,
    upper_sentence: bool,
    f: &mut Vec<u64>,
) {
    let (ctx, lex, pos, rule, gaz, cap_inside) = (
        input.ctx,
        input.lex,
        input.pos,
        &input.rule,
        &input.gaz,
        &input.cap_inside,
    );
    let t = &ctx.toks[i];
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= s.start as isize && j < s.end as isize).then_some(j as usize)
    };
    let word = |k: isize| {
        at(k).map_or(if k < 0 { "<s>" } else { "</s>" }, |j| {
            ctx.toks[j].norm.as_str()
        })
    };
    let tag = |k: isize| at(k).map_or("<s>", |j| pos[j]);
    let lower = t.norm.as_str();
    let sh = shape(t.text);
    f.push(feature(0, ""));
    f.push(feature(1, lower));
    f.push(feature(2, if upper_sentence { lower } else { t.text }));
    f.push(feature(3, &sh));
    f.push(feature(
        4,
        &lower[lower.char_indices().rev().nth(2).map_or(0, |(k, _)| k)..],
    ));
    f.push(feature(
        5,
        &lower[..lower.char_indices().nth(3).map_or(lower.len(), |(k, _)| k)],
    ));
    f.push(feature(6, tag(0)));
    f.push(feature2(7, tag(-1), tag(0)));
    f.push(feature2(8, tag(0), tag(1)));
    f.push(feature(9, word(-1)));
    f.push(feature(10, word(1)));
    f.push(feature(11, word(-2)));
    f.push(feature(12, word(2)));
    f.push(feature2(13, word(-1), &sh));
    f.push(feature2(14, &sh, word(1)));
    f.push(feature(15, rule[i]));
    f.push(feature2(16, rule[i], tag(0)));
    f.push(feature(17, at(-1).map_or("", |j| rule[j])));
    f.push(feature(18, at(1).map_or("", |j| rule[j])));
    f.push(feature(19, gaz[i]));
    f.push(feature2(20, gaz[i], &sh));
    if let Some(g) = lex.given_name(lower) {
        f.push(feature(
            21,
            match g {
                Gender::Male => "m",
                Gender::Female => "f",
                Gender::Unknown => "u",
            },
        ));
    }
    if lex.is_surname(lower) {
        f.push(feature(22, "surname"));
    }
    if at(-1).is_some_and(|j| lex.is_title(ctx.toks[j].bare())) {
        f.push(feature(23, "after-title"));
    }
    let ow = lex.org_word(lower);
    if ow.head || ow.lead {
        f.push(feature2(
            24,
            if ow.head { "head" } else { "" },
            if ow.lead { "lead" } else { "" },
        ));
    }
    if at(1).is_some_and(|j| lex.org_word(&ctx.toks[j].norm).head && ctx.toks[j].cap) {
        f.push(feature(25, "before-org-head"));
    }
    if lex.is_function(lower) {
        f.push(feature(26, "function"));
    }
    if t.cap {
        let opener = ctx.opens_clause(i);
        f.push(feature2(
            27,
            if opener { "opener" } else { "inside" },
            if ctx.lower_forms.contains(lower) {
                "lower-seen"
            } else {
                ""
            },
        ));
        f.push(feature(
            28,
            if cap_inside.contains(lower) {
                "cap-inside"
            } else {
                "cap-only-opener"
            },
        ));
    }
    if upper_sentence {
        f.push(feature(29, "upper-sentence"));
    }
    f.push(feature2(30, word(-1), lower));
    if i == s.start {
        f.push(feature(31, "first"));
    }
    class_features(input, i, s, f);
}

/// Features of word classes: the name words that type a name, common words
/// capitalised, surnames that are towns.
fn class_features(input: &Input, i: usize, s: &Range<usize>, f: &mut Vec<u64>) {
    let (ctx, lex, gaz) = (input.ctx, input.lex, &input.gaz);
    let t = &ctx.toks[i];
    let lower = t.norm.as_str();
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= s.start as isize && j < s.end as isize).then_some(j as usize)
    };
    // the word class that types a name it ends or begins ("Kherson Oblast",
    // "Lake Kivu", "World Cup"), of this word and of the next
    f.push(feature2(
        32,
        name_class(lex, lower),
        at(1).map_or("", |j| name_class(lex, &ctx.toks[j].norm)),
    ));
    // a capitalised word the part-of-speech lexicon knows as a common word
    // ("Grammar", "Actress", "Reviews"), and whether its neighbours are: a
    // run of such words names a concept or a work more often than a person
    if t.cap {
        let common = |j: Option<usize>| match j {
            Some(j) if ctx.toks[j].cap => {
                if ctx.uncommon.get(j) == Some(&false) {
                    "c"
                } else {
                    "u"
                }
            }
            Some(_) => "l",
            None => "",
        };
        f.push(feature2(34, common(Some(i)), common(at(-1))));
        f.push(feature2(35, common(Some(i)), common(at(1))));
    }
    // a surname that is a town ("Kennedy", "Austin") is a place after a
    // preposition of place and mostly a person elsewhere
    if lex.is_surname(lower) && !gaz[i].is_empty() {
        let prep = at(-1).is_some_and(|j| lex.name_word(&ctx.toks[j].norm).place_preposition);
        f.push(feature2(33, gaz[i], if prep { "place-prep" } else { "" }));
    }
}

/// The name-typing class of a normalised word (`name_words.txt`), "" if none.
fn name_class(lex: &Lexicon, w: &str) -> &'static str {
    let c = lex.name_word(w);
    if c.admin_head {
        "admin"
    } else if c.place_head {
        "place"
    } else if c.place_lead {
        "lead"
    } else if c.event_head {
        "event"
    } else {
        ""
    }
}

pub struct Ner {
    model: Model,
}

impl Ner {
    pub fn from_bytes(b: &[u8]) -> Option<Ner> {
        Model::from_bytes(b).map(|model| Ner { model })
    }

    /// Labels every token; returns typed spans (token ranges) per the BIO labels.
    pub fn spans(&self, input: &Input) -> Vec<(Range<usize>, EntityType)> {
        let feats_of = |i: usize, f: &mut Vec<u64>| input.token_into(i, f);
        let labels = decode(
            &self.model,
            input.ctx,
            |i| input.cannot_start(i),
            feats_of,
            None,
        );
        spans_of(&labels)
    }
}

fn allowed(prev: usize, l: usize) -> bool {
    // I-X only continues B-X or I-X
    match decode_label(l) {
        Some((t, false)) => decode_label(prev).is_some_and(|(p, _)| p == t),
        _ => true,
    }
}

/// Greedy decoding; `feats_of(i)` gives token `i`'s label-independent
/// features. With `train`, updates that trainer towards the gold labels (and
/// decodes with its current weights). A token that cannot start a name after
/// an outside token is labelled outside without scoring, in training too.
fn decode(
    model: &Model,
    ctx: &Ctx,
    cannot_start: impl Fn(usize) -> bool,
    mut feats_of: impl FnMut(usize, &mut Vec<u64>),
    mut train: Option<(&mut Trainer, &[usize])>,
) -> Vec<usize> {
    let names = &model.classes;
    let mut out = vec![0usize; ctx.toks.len()];
    let mut scores = vec![0.0; names.len()];
    let mut f = Vec::with_capacity(48);
    // Prediction history: the types this document already gave each
    // capitalised word (counts per type, "O" last), so that a name is read
    // the same way throughout ("Sampras" after "Pete Sampras").
    let mut history: crate::fxhash::FastMap<&str, [u16; TYPES.len() + 1]> = Default::default();
    for s in &ctx.sentences {
        for i in s.clone() {
            let p1 = if i > s.start { out[i - 1] } else { 0 };
            if p1 == 0 && cannot_start(i) {
                continue;
            }
            let p2 = if i > s.start + 1 { out[i - 2] } else { 0 };
            f.clear();
            feats_of(i, &mut f);
            f.push(feature(40, &names[p1]));
            f.push(feature2(41, &names[p1], &names[p2]));
            f.push(feature2(42, &names[p1], &ctx.toks[i].norm));
            let tok = &ctx.toks[i];
            if tok.cap {
                if let Some(h) = history.get(tok.norm.as_str()) {
                    let best = (0..h.len()).max_by_key(|&k| (h[k], std::cmp::Reverse(k)));
                    let name = best.map_or("O", |k| TYPES.get(k).map_or("O", |t| t.as_str()));
                    f.push(feature2(43, "history", name));
                }
            }
            let guess = match train.as_mut() {
                Some((t, gold)) => {
                    t.tick();
                    let g = t.model.predict(&f, &mut scores, |l| allowed(p1, l));
                    t.update(gold[i], g, &f);
                    g
                }
                None => model.predict(&f, &mut scores, |l| allowed(p1, l)),
            };
            out[i] = guess;
            if tok.cap {
                let k = decode_label(guess).map_or(TYPES.len(), |(t, _)| {
                    TYPES.iter().position(|&x| x == t).unwrap_or(TYPES.len())
                });
                let h = history.entry(tok.norm.as_str()).or_default();
                h[k] = h[k].saturating_add(1);
            }
        }
    }
    out
}

fn spans_of(labels: &[usize]) -> Vec<(Range<usize>, EntityType)> {
    let mut out: Vec<(Range<usize>, EntityType)> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        match decode_label(l) {
            Some((t, true)) => out.push((i..i + 1, t)),
            Some((t, false)) => match out.last_mut() {
                Some((r, lt)) if r.end == i && *lt == t => r.end = i + 1,
                _ => out.push((i..i + 1, t)),
            },
            None => {}
        }
    }
    out
}

/// One training document: sentences of tokens with BIO labels from [`labels`].
pub struct LabelledDoc {
    pub sentences: Vec<Vec<String>>,
    pub labels: Vec<Vec<String>>,
}

/// A training document ready for decoding: context, features per token,
/// which tokens cannot start a name, gold labels.
type Prepared<'a> = (Ctx<'a>, Vec<Vec<u64>>, Vec<bool>, Vec<usize>);

/// Trains the entity tagger; returns the model file bytes. `pos_model` is the
/// tagger whose predicted tags the features read (the one shipped beside it).
pub fn train(docs: &[LabelledDoc], pos_model: &[u8], iterations: usize) -> Vec<u8> {
    let lex = &crate::models().lexicon;
    let tagger = Tagger::from_bytes(pos_model);
    let classes = labels();
    let index: std::collections::HashMap<&str, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    // Contexts and label-independent features once per document.
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let refs: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            let mut ctx = Ctx::from_tokens(&refs);
            let pos = crate::tag_ctx(tagger.as_ref(), &ctx);
            ctx.set_tags(&pos);
            if let Some(t) = &tagger {
                ctx.set_common(|w| t.is_common_word(w));
            }
            let pieces = crate::rule_pieces(&ctx, lex);
            let input = Input::new(&ctx, lex, &pieces, &pos);
            let feats: Vec<Vec<u64>> = (0..ctx.toks.len()).map(|i| input.token(i)).collect();
            let skip: Vec<bool> = (0..ctx.toks.len()).map(|i| input.cannot_start(i)).collect();
            let gold = d
                .labels
                .iter()
                .flatten()
                .map(|l| index.get(l.as_str()).copied().unwrap_or(0))
                .collect();
            drop(input);
            (ctx, feats, skip, gold)
        })
        .collect();
    let mut trainer = Trainer::new(classes.clone(), BITS);
    let names = Model::new(classes, 0);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Shuffle::new(0xe17);
    for _ in 0..iterations {
        rng.shuffle(&mut order);
        for &d in &order {
            let (ctx, feats, skip, gold) = &prepared[d];
            let feats_of = |i: usize, f: &mut Vec<u64>| f.extend_from_slice(&feats[i]);
            decode(
                &names,
                ctx,
                |i| skip[i],
                feats_of,
                Some((&mut trainer, gold)),
            );
        }
    }
    trainer.finish().to_bytes()
}
