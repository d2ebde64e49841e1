//! Attribution: direct quotes, reported speech and the stance of the speaker.
//!
//! Contract: [`Attributor::attribute`] returns quotes and attributions sorted by
//! start (an attribution starts at the earliest of its source, cue and
//! content). An attribution's `content` is one or more fragments (a quote that
//! runs across a paragraph break has two; "C1, he said, C2" has two); `speaker`
//! is an entity index from the [`EntityLayer`] or None when unknown.
//!
//! The pipeline, one pass over the tokens plus small per-sentence work:
//! quotation marks are paired (`quotes`), cues are found and framed sentence
//! by sentence (`frames`, with the phrase walks of `phrases`), the layout adds
//! headline and "Quote:" label attributions (`structure`), then nesting,
//! speakers (`speaker`) and stance (`stance`) are resolved. The cue lexicon and
//! the stance rules are documented in docs/attribution.md.

mod assemble;
mod ctx;
mod frames;
mod lexicon;
mod link;
pub mod model;
mod phrases;
mod quotes;
mod speaker;
mod stance;
mod structure;

use claimtrail_entities::EntityLayer;
use claimtrail_text::{Document, Span};
use ctx::Ctx;
use serde::{Deserialize, Serialize};

/// What the speaker does with the claim (docs/attribution.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// said, stated, noted, stressed, reported, announced
    Assert,
    /// confirmed, verified, acknowledged
    Confirm,
    /// denied, rejected, dismissed, said it was false
    Deny,
    /// could not / declined to / was unable to confirm; "there is no evidence that"
    CannotConfirm,
    /// expects, warned that X would, "would likely", "is preparing to"
    Predict,
    /// called on, urged, demanded, appealed
    Urge,
}

impl Stance {
    /// Every stance, in the order of the documented vocabulary.
    pub const ALL: [Stance; 6] = [
        Stance::Assert,
        Stance::Confirm,
        Stance::Deny,
        Stance::CannotConfirm,
        Stance::Predict,
        Stance::Urge,
    ];

    /// The stance's name in the JSON output and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Confirm => "confirm",
            Stance::Deny => "deny",
            Stance::CannotConfirm => "cannot_confirm",
            Stance::Predict => "predict",
            Stance::Urge => "urge",
        }
    }

    /// The stance named `s` (the inverse of [`Stance::as_str`]).
    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Whether the attributed content affirms or negates what it states: "said
/// no customer data had been taken" is negative, and with a stance of `deny`
/// it disputes the affirmative claim ("customer data was taken").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    #[default]
    Positive,
    Negative,
}

impl Polarity {
    /// The polarity's name in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// From the opening to the closing mark, both included; may cross paragraphs.
    pub span: Span,
    /// The speaker's entity (an index into the entity layer's entities), when known.
    pub speaker: Option<usize>,
    /// The reporting expression ("said", "Quote:"), when there is one.
    pub cue: Option<Span>,
}

/// One attribution: a source, a cue, and the content attributed to the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The source as written ("Lloyd Austin, US Defence Secretary"), if in the text.
    pub source: Option<Span>,
    /// The speaker's entity (an index into the entity layer's entities), when known.
    pub speaker: Option<usize>,
    /// The reporting expression ("said", "could not confirm", "according to").
    pub cue: Span,
    /// The attributed content: one fragment per paragraph it covers, and one
    /// on each side of a cue inside it ("C1, he said, C2").
    pub content: Vec<Span>,
    pub stance: Stance,
    /// The content negates what it states ("no data was taken", "it was false").
    #[serde(default)]
    pub polarity: Polarity,
    /// "likely", "may", "reportedly": the claim is hedged.
    pub hedged: bool,
    /// The content is a direct quote (index into the quotes).
    pub quote: Option<usize>,
    /// The attribution this one is nested in ("stated that he could not confirm").
    pub parent: Option<usize>,
    /// For a pronoun source with no entity ("it said", "officials, who
    /// spoke ..."), the earlier phrase it stands for ("the prosecutor's office").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<Span>,
    /// Why the attribution reads as it does: the pass that found it (`rules`,
    /// `tagger`, `label`, `statement`), the cue's family, and the rules that
    /// set its stance and speaker (docs/attribution.md, "Explanations").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<String>,
}

/// The attribution stage's layer: quotes and attributions, each sorted by start.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttributionLayer {
    pub quotes: Vec<Quote>,
    pub attributions: Vec<Attribution>,
}

/// How the rules and the learned tagger ([`model`]) combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Blend {
    /// The rules alone.
    Rules,
    /// The tagger alone (its spans, linked; speakers and stance as for the rules).
    Model,
    /// The rules, plus every tagger attribution whose cue and content touch
    /// no attribution of the rules.
    #[default]
    Union,
    /// The tagger decides where attributions are; where one of its contents
    /// meets a content of the rules, the rules' attribution stands instead.
    Refine,
}

/// Finds quotes and attributions; holds no per-document state, so one can
/// serve every document.
#[derive(Debug, Default)]
pub struct Attributor {
    blend: Blend,
    /// A model other than the shipped one.
    model: Option<Box<claimtrail_entities::perceptron::Model>>,
}

/// The token view of a document the passes share.
pub(crate) fn context(doc: &Document) -> Ctx<'_> {
    let pars = quotes::paragraph_tokens(doc);
    Ctx::new(doc, quotes::find_quotes(doc, &pars))
}

impl Attributor {
    /// An attributor with the shipped model (the lexicon and the model are
    /// loaded once, on first use).
    pub fn new() -> Attributor {
        Attributor::default()
    }

    /// An attributor that blends rules and tagger as `blend` says, with the
    /// model in `model` (a file written by [`model::train`]) instead of the
    /// shipped one; None if the bytes are not a model.
    pub fn with(blend: Blend, model: Option<&[u8]>) -> Option<Attributor> {
        let model = match model {
            Some(b) => Some(Box::new(
                claimtrail_entities::perceptron::Model::from_bytes(b)?,
            )),
            None => None,
        };
        Some(Attributor { blend, model })
    }

    fn learned(&self) -> Option<&claimtrail_entities::perceptron::Model> {
        match self.blend {
            Blend::Rules => None,
            _ => match self.model.as_deref() {
                Some(m) => Some(m),
                None => model::shipped(),
            },
        }
    }

    /// The quotes and attributions of `doc`; speakers are indices into `entities`.
    pub fn attribute(&self, doc: &Document, entities: &EntityLayer) -> AttributionLayer {
        let pars = quotes::paragraph_tokens(doc);
        let ctx = Ctx::new(doc, quotes::find_quotes(doc, &pars));
        let mut drafts = self.rule_drafts(&ctx, &pars);
        if let Some(m) = self.learned() {
            // the headline is the rules' (its house styles); a headline
            // restating the body would count its figure twice
            let headline = structure::headline_sentences(&ctx);
            let mut learned = link::drafts(&ctx, &model::tag(m, &ctx, entities));
            learned.retain(|d| !headline.contains(&d.sentence));
            match self.blend {
                Blend::Model => drafts = learned,
                Blend::Refine => drafts = link::refine(&ctx, drafts, learned),
                _ => link::add_untouched(&ctx, &mut drafts, learned),
            }
        }
        assemble::assemble(&ctx, entities, drafts)
    }

    fn rule_drafts(&self, ctx: &Ctx, pars: &[std::ops::Range<usize>]) -> Vec<frames::Draft> {
        let doc = ctx.doc;
        let headline = structure::headline_sentences(ctx);
        let mut drafts = Vec::new();
        for si in 0..doc.sentences().len() {
            let title_case = headline.contains(&si) && structure::is_title_case(ctx, si);
            frames::sentence_drafts(ctx, si, title_case, &mut drafts);
        }
        structure::headline(ctx, &mut drafts);
        structure::labels(ctx, pars, &mut drafts);
        structure::statements(ctx, pars, &mut drafts);
        structure::continuations(ctx, pars, &mut drafts);
        drafts
    }
}

/// Rewrites content spans into the PARC 3.0 convention (PolNeAR's): a
/// content introduced by the complementiser "that" right after its cue
/// includes it ("said that the talks failed" has the content "that the talks
/// failed"), and a content that opens a quotation inside it and ends just
/// before the closing punctuation and mark takes them in (`... "keep it
/// quiet."`). The engine's own spans leave both out (docs/attribution.md).
pub fn to_parc_spans(doc: &Document, layer: &mut AttributionLayer) {
    let toks = doc.tokens();
    let text = doc.text();
    for a in &mut layer.attributions {
        let Some(first) = a.content.first_mut() else {
            continue;
        };
        if let Some(t) = doc.token_at(first.start).and_then(|t| t.checked_sub(1)) {
            let that = doc.slice(toks[t].span).eq_ignore_ascii_case("that");
            if that && toks[t].span.start >= a.cue.end {
                first.start = toks[t].span.start;
            }
        }
        let Some(last) = a.content.last_mut() else {
            continue;
        };
        let inside = doc.slice(*last);
        let count = |f: fn(char) -> bool| inside.chars().filter(|&c| f(c)).count();
        let straight = inside.matches('"').count();
        let open = count(claimtrail_text::lex::is_opening_quote)
            > count(claimtrail_text::lex::is_closing_quote)
            || straight % 2 == 1;
        if open {
            let rest = &text[last.end..];
            let trimmed = rest.trim_start_matches(['.', ',', '?', '!']);
            let punct = rest.len() - trimmed.len();
            let closing = |c: char| claimtrail_text::lex::is_closing_quote(c) || c == '"';
            if let Some(q) = trimmed.chars().next().filter(|&c| closing(c)) {
                last.end += punct + q.len_utf8();
            }
        }
    }
}
