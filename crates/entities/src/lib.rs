//! The entity layer: who and what an article talks about.
//!
//! Adds to a [`Document`] the part-of-speech tags of its tokens, the named,
//! nominal and pronominal mentions of people, organisations, places, groups and
//! products, the roles bound to people ("US Defence Secretary"), and
//! within-document coreference: every mention points to one [`Entity`].
//!
//! Contract (used by attribution, claims and the ledger):
//! - [`EntityRecognizer::recognize`] returns an [`EntityLayer`] whose mentions are
//!   sorted by start offset and do not overlap;
//! - every mention's `entity` indexes `EntityLayer::entities`, and every entity
//!   lists its mentions in text order;
//! - pronoun and title mentions ("he", "the president") are included when they
//!   were resolved; unresolved ones are left out.

use claimtrail_text::{Document, Span};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

mod context;
mod coref;
mod fxhash;
pub mod lexicon;
mod merge;
mod names;
mod ner;
pub mod perceptron;
mod places;
mod pos;
/// A character's class in a word shape, shared by the taggers' features.
pub use pos::shape_class;
mod roles;
mod sports;
mod wire;

/// Training entry points, called by `claimtrail train` (crate claimtrail-eval),
/// which reads the gold data and writes the model files this crate embeds.
pub mod training {
    pub use crate::ner::{labels as ner_labels, train as train_ner, LabelledDoc};
    pub use crate::pos::train as train_pos;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Other places: regions, rivers, fronts.
    Loc,
    /// Nationalities and religious or political groups ("Russians", "North Korean").
    Norp,
    /// Weapons, vehicles and other named products ("Shahed", "F-16", "iPhone").
    Product,
    Event,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Product => "PRODUCT",
            EntityType::Event => "EVENT",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name: "Kyrylo Budanov", "Zelenskyy", "NIS".
    Name,
    /// A description: "the president", "the agency", "these drones".
    Nominal,
    /// "he", "she", "they", "it".
    Pronoun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    /// Index into [`EntityLayer::entities`].
    pub entity: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest name seen in the document ("Volodymyr Zelenskyy"; "United States" for "US").
    pub canonical: String,
    pub etype: EntityType,
    /// The role bound to a person, as written ("US Defence Secretary").
    pub role: Option<String>,
    pub role_span: Option<Span>,
    /// The country an organisation or person belongs to, when the text says so
    /// ("South Korea's National Intelligence Service" -> "South Korea").
    pub country: Option<String>,
    /// Indices into [`EntityLayer::mentions`], in text order.
    pub mentions: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityLayer {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl EntityLayer {
    /// The entity of the mention that best covers `span`: a mention inside it
    /// (the head of "Kyrylo Budanov, Chief of ..."), or one containing it.
    pub fn entity_in(&self, span: Span) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .find(|m| span.contains(m.span) || m.span.contains(span))
            .map(|m| m.entity)
    }
}

/// The embedded lexicons and models, parsed on first use and shared.
struct Models {
    lexicon: lexicon::Lexicon,
    tagger: Option<pos::Tagger>,
    ner: Option<ner::Ner>,
}

const POS_MODEL: &[u8] = include_bytes!("../models/pos.bin");
const NER_MODEL: &[u8] = include_bytes!("../models/ner.bin");

fn models() -> &'static Models {
    static MODELS: OnceLock<Models> = OnceLock::new();
    MODELS.get_or_init(|| Models {
        lexicon: lexicon::Lexicon::load(),
        tagger: pos::Tagger::from_bytes(POS_MODEL),
        ner: ner::Ner::from_bytes(NER_MODEL),
    })
}

/// UPOS tags of every token of `ctx` ("X" for all without a tagger).
fn tag_ctx<'t>(tagger: Option<&'t pos::Tagger>, ctx: &context::Ctx) -> Vec<&'t str> {
    let mut out = Vec::with_capacity(ctx.toks.len());
    let mut tags = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut lower: Vec<&str> = Vec::new();
    for s in &ctx.sentences {
        words.clear();
        words.extend(ctx.toks[s.clone()].iter().map(|t| t.text));
        lower.clear();
        lower.extend(ctx.toks[s.clone()].iter().map(|t| t.norm.as_str()));
        match tagger {
            Some(t) => {
                t.tag_normed(&words, &lower, &mut tags);
                out.extend(tags.iter().map(|&k| t.tag_name(k)));
            }
            None => out.extend(words.iter().map(|_| "X")),
        }
    }
    out
}

/// The rule layer's named mentions of every sentence.
fn rule_pieces(ctx: &context::Ctx, lex: &lexicon::Lexicon) -> Vec<names::Piece> {
    let mut pieces = Vec::new();
    for sent in &ctx.sentences {
        names::find(ctx, lex, sent.clone(), &mut pieces);
    }
    pieces
}

/// Loads its models once; `recognize` is then cheap and thread-safe.
#[derive(Debug, Default)]
pub struct EntityRecognizer {}

impl EntityRecognizer {
    pub fn new() -> EntityRecognizer {
        models();
        EntityRecognizer {}
    }

    pub fn recognize(&self, doc: &Document) -> EntityLayer {
        let mut ctx = context::Ctx::new(doc);
        layer_of(&mut ctx, doc.text())
    }

    /// Universal POS tags of pre-tokenised sentences (empty without a model).
    pub fn pos_tags(&self, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
        let Some(t) = &models().tagger else {
            return sentences.iter().map(|_| Vec::new()).collect();
        };
        sentences.iter().map(|s| t.tag_strings(s)).collect()
    }

    /// Whether the statistical models are present (not placeholders).
    pub fn has_models(&self) -> bool {
        models().tagger.is_some() && models().ner.is_some()
    }

    /// Named-entity tags for text that is already split into sentences and
    /// tokens (CoNLL input): for each token, the type of the named mention it
    /// belongs to and whether it begins that mention.
    pub fn tag_tokens(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Option<(EntityType, bool)>>> {
        let mut ctx = context::Ctx::from_tokens(sentences);
        let joined = sentences
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let layer = layer_of(&mut ctx, &joined);
        let mut tags: Vec<Option<(EntityType, bool)>> = vec![None; ctx.toks.len()];
        let mut t = 0;
        for m in layer
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
        {
            while t < ctx.toks.len() && ctx.toks[t].span.end <= m.span.start {
                t += 1;
            }
            let mut k = t;
            while k < ctx.toks.len() && ctx.toks[k].span.start < m.span.end {
                tags[k] = Some((layer.entities[m.entity].etype, k == t));
                k += 1;
            }
        }
        let mut it = tags.into_iter();
        sentences
            .iter()
            .map(|s| it.by_ref().take(s.len()).collect())
            .collect()
    }
}

/// With `CLAIMTRAIL_TRACE_ENTITIES` set, the named mentions after each stage
/// go to stderr: where a name was lost or retyped.
fn tracing() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CLAIMTRAIL_TRACE_ENTITIES").is_some())
}

fn trace(stage: &str, ctx: &context::Ctx, pieces: &[names::Piece]) {
    if !tracing() {
        return;
    }
    let shown: Vec<String> = pieces
        .iter()
        .map(|p| {
            let words: Vec<&str> = ctx.toks[p.toks.clone()].iter().map(|t| t.text).collect();
            let ty = p.etype.map_or("?", EntityType::as_str);
            format!(
                "{}/{ty}{}",
                words.join("_"),
                if p.strong { "!" } else { "" }
            )
        })
        .collect();
    eprintln!("{stage}: {}", shown.join(" "));
}

/// The whole pipeline over a token context whose spans index `text`.
fn layer_of(ctx: &mut context::Ctx, text: &str) -> EntityLayer {
    let m = models();
    let pos = tag_ctx(m.tagger.as_ref(), ctx);
    ctx.set_tags(&pos);
    if let Some(t) = &m.tagger {
        ctx.set_common(|w| t.is_common_word(w));
    }
    let ctx = &*ctx;
    let mut pieces = rule_pieces(ctx, &m.lexicon);
    trace("rules", ctx, &pieces);
    if let Some(model) = &m.ner {
        let spans = model.spans(&ner::Input::new(ctx, &m.lexicon, &pieces, &pos));
        if tracing() {
            let typed: Vec<names::Piece> = spans
                .iter()
                .map(|(r, t)| names::Piece::from_span(r.clone(), *t))
                .collect();
            trace("tagger", ctx, &typed);
        }
        pieces = merge::merge(ctx, &m.lexicon, pieces, spans);
        trace("merged", ctx, &pieces);
    }
    merge::reconsider(ctx, &m.lexicon, &mut pieces);
    wire::headline_words(ctx, &m.lexicon, &mut pieces);
    wire::datelines(ctx, &m.lexicon, &mut pieces);
    trace("wire", ctx, &pieces);
    sports::clubs(ctx, &m.lexicon, &mut pieces);
    trace("sports", ctx, &pieces);
    merge::harmonize(ctx, &mut pieces);
    merge::surname_towns(ctx, &m.lexicon, &mut pieces);
    merge::coordinated_organisations(ctx, &m.lexicon, &mut pieces);
    trace("harmonized", ctx, &pieces);
    wire::headlines(ctx, &m.lexicon, &mut pieces);
    roles::bind(ctx, &m.lexicon, &mut pieces);
    trace("final", ctx, &pieces);
    let mut layer = coref::resolve(ctx, &m.lexicon, text, &pieces);
    places::resolve(&m.lexicon, &mut layer);
    layer
}

/// The GeoNames id of a place entity, from its canonical name and country
/// (None when the gazetteer has no such place: hand-compiled regions,
/// places only the tagger knows).
pub fn geonames_id(entity: &Entity) -> Option<u32> {
    if !matches!(entity.etype, EntityType::Gpe | EntityType::Loc) {
        return None;
    }
    let country = entity.country.as_deref()?;
    models().lexicon.geonames_id(&entity.canonical, country)
}
