//! The closed word lists attribution works from: reporting cues with their
//! stance family, and the function words the shallow phrase walks rely on.
//!
//! Everything here is general English news usage (see docs/attribution.md for
//! the families and why each word sits where it does). Words are looked up
//! lower-cased, once per token, into a [`WordInfo`].

use std::collections::HashMap;
use std::sync::OnceLock;

/// The stance a cue carries before modality and negation are applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Assert,
    Confirm,
    Deny,
    Predict,
    Urge,
    /// "warned": predict when the content is about the future, else assert.
    Warn,
    /// believe, think, fear: an assertion held; read by its content even when negated.
    Belief,
    /// doubt: the source withholds the claim.
    Doubt,
}

impl Family {
    pub const ALL: [Family; 8] = [
        Family::Assert,
        Family::Confirm,
        Family::Deny,
        Family::Predict,
        Family::Urge,
        Family::Warn,
        Family::Belief,
        Family::Doubt,
    ];
}

/// How a cue verb takes its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Content is a clause, a quote or a noun phrase ("said", "announced").
    Open,
    /// Content must be a clause or a quote (that, colon, quote mark, or a
    /// backward quote): "added", "noted", "believes". Keeps "added 10 jobs" out.
    Clause,
    /// An addressee comes first and is not content: "told reporters that".
    Addressee,
    /// The addressee is part of the content: "urged partners to", "called on X to".
    Directive,
}

impl Frame {
    pub const ALL: [Frame; 4] = [
        Frame::Open,
        Frame::Clause,
        Frame::Addressee,
        Frame::Directive,
    ];
}

/// Inflection of a cue token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    Base,
    S,
    Past,
    Ing,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    pub lemma: &'static str,
    pub family: Family,
    pub frame: Frame,
    pub form: Form,
    /// The particles the verb needs to be a cue, "+"-separated ("call" +
    /// on/upon/for, "point" + out).
    pub particle: Option<&'static str>,
    /// The cue itself hedges ("alleged", "suggested", "estimated").
    pub hedge: bool,
    /// Its agentless passive attributes ("is expected to", "is said to").
    pub raising: bool,
    /// Its passive subject is told to act ("was told to", "were encouraged to").
    pub directed: bool,
    /// Its passive marks hearsay or belief: the claim is hedged.
    pub hearsay: bool,
    /// It attributes only with a predication: "described X as Y".
    pub descriptive: bool,
}

impl Cue {
    /// A cue of `lemma` with no particle and no role flags.
    pub fn plain(lemma: &'static str, family: Family, frame: Frame, form: Form) -> Cue {
        Cue {
            lemma,
            family,
            frame,
            form,
            particle: None,
            hedge: false,
            raising: false,
            directed: false,
            hearsay: false,
            descriptive: false,
        }
    }
}

/// Defines each class as a bit flag and [`class::NAMED`], the classes by
/// the name the data files give them (the constant's own name).
macro_rules! classes {
    ($($(#[$doc:meta])* $name:ident = $bit:expr;)*) => {
        $($(#[$doc])* pub const $name: u128 = 1 << $bit;)*
        /// The classes read from data files, by name.
        pub const NAMED: &[(&str, u128)] = &[$((stringify!($name), $name)),*];
    };
}

/// Word classes, as bit flags.
pub(crate) mod class {
    classes! {
        DET = 0;
        PREP = 1;
        SUBJ_PRON = 2;
        OBJ_PRON = 3;
        CONJ = 4;
        SUB = 5;
        REL = 6;
        AUX = 7;
        MODAL = 8;
        NEG = 9;
        ADV = 10;
        TIME = 11;
        HEDGE = 12;
        /// will, would, shall, 'll, 'd: the content speaks of the future.
        FUTURE = 13;
        /// may, might, could: possibility.
        POSSIBLE = 14;
        /// declined, refused, unable, failed: "declined to confirm" negates the cue.
        WITHHOLD = 15;
        /// Nouns that head the venue of a statement: "in a statement", "at a briefing".
        VENUE = 16;
        /// Prepositions that may sit inside a source phrase: "spokesman for the ministry".
        NP_PREP = 17;
        /// Forms of "be".
        BE = 18;
        /// Forms of "have".
        HAVE = 19;
        /// Nouns a "no evidence" cue is built on.
        EVIDENCE = 20;
        /// Falsity words: "said it was false" is a denial.
        FALSE = 21;
        /// Common non-reporting verbs in their finite forms: a source phrase never crosses them.
        VERB = 22;
        /// Number words: an -s form after one is a plural noun ("eight states").
        NUMERAL = 23;
        /// no, nothing, nobody, neither, nor: a clause holding one denies.
        NEG_DET = 24;
        /// information, details, conclusions: "had no information about".
        KNOWLEDGE = 25;
        /// know, say, confirm, determine: negated, the source withholds.
        EPISTEMIC = 26;
        /// unclear, premature: the source cannot tell yet.
        UNCERTAIN = 27;
        /// "too" of "too early".
        TOO = 28;
        /// early, soon (after "too").
        SOON = 29;
        /// doubt, question: "no doubt that" affirms.
        DOUBT = 30;
        /// only, merely: "not only ... but also" adds.
        ADDITIVE = 31;
        /// his, her, its, their, our, my, your: possessive pronouns.
        POSS_PRON = 32;
        /// he, she: a person.
        PERSON_PRON = 33;
        /// it: a body or thing.
        NEUTER_PRON = 34;
        /// they: people or a body.
        PLURAL_PRON = 35;
        /// going, about, set, preparing, expected (+ to): the future.
        FUTURE_TO = 36;
        /// plans, expects, intends (+ to): a prediction.
        PLAN_TO = 37;
        /// important, necessary (+ to): a call to act.
        DIRECTIVE_TO = 38;
        /// need (after a determiner): a call to act.
        NEED = 39;
        /// Words in -ly that are not adverbs ("family", "july").
        NOT_ADVERB = 40;
        /// Nouns that follow "expressed" to make a cue ("expressed gratitude").
        EXPRESSED = 41;
        // The words the frame rules name (`lexicon/rule_words.txt`).
        THAT = 42;
        TO = 43;
        OF = 44;
        IT = 45;
        YET = 46;
        AND = 47;
        OR = 48;
        NOR = 49;
        BUT = 50;
        BY = 51;
        FOR = 52;
        ON = 53;
        UPON = 54;
        AS = 55;
        WITH = 56;
        WHILE = 57;
        ABOUT = 58;
        THERE = 59;
        THIS = 60;
        YOU = 61;
        NOT = 62;
        NO = 63;
        DO = 64;
        BEEN = 65;
        ABLE = 66;
        LIKELY = 67;
        CLEAR = 68;
        ACCORDING = 69;
        POSSIBLE_WORD = 70;
        IMPOSSIBLE = 71;
        REPORTEDLY = 72;
        ADJ_ASSERT = 73;
        ADJ_BELIEF = 74;
        ADJ_PREDICT = 75;
        ADJECTIVAL_PAST = 76;
        INTENSIFIER = 77;
        BASE_PRON = 78;
        COLLECTIVE = 79;
        PARTICIPLE_LEAD = 80;
        CONTINUE = 81;
        GO = 82;
        ASPECT = 83;
        FIND_SEE = 84;
        EVIDENCE_VERB = 85;
        DEADLINE = 86;
        NEW_CLAUSE_ING = 87;
        NOT_PARTICIPLE = 88;
        DECLARED_ACT = 89;
        TO_COME = 90;
        WH = 91;
        CLAUSE_OPENER = 92;
        CONTENT_OPENER = 93;
        CONTENT_POSS = 94;
        QUOTED = 95;
        THAT_NOUN = 96;
        CONCESSIVE = 97;
        DAY_DEIXIS = 98;
        DAY_LEAD = 99;
        QUANTIFIER = 100;
        DOCUMENT = 101;
    }
}

/// Word classes of content polarity (`lexicon/content_polarity.txt`).
const CONTENT_POLARITY: &str = include_str!("../lexicon/content_polarity.txt");
/// Pronoun classes of sources (`lexicon/pronouns.txt`).
const PRONOUNS: &str = include_str!("../lexicon/pronouns.txt");
/// Modality classes of content (`lexicon/modality.txt`).
const MODALITY: &str = include_str!("../lexicon/modality.txt");
/// Function-word classes of the phrase walks (`lexicon/function_words.txt`).
const FUNCTION_WORDS: &str = include_str!("../lexicon/function_words.txt");
/// The words the frame rules name (`lexicon/rule_words.txt`).
const RULE_WORDS: &str = include_str!("../lexicon/rule_words.txt");
/// Every class file.
pub(crate) const CLASS_FILES: [&str; 5] = [
    FUNCTION_WORDS,
    CONTENT_POLARITY,
    PRONOUNS,
    MODALITY,
    RULE_WORDS,
];
/// The reporting cues (`lexicon/cues.tsv`).
const CUES: &str = include_str!("../lexicon/cues.tsv");
/// Labels of house-style sections whose paragraphs are quotations (`lexicon/quote_labels.txt`).
const QUOTE_LABELS: &str = include_str!("../lexicon/quote_labels.txt");

/// The class bits of a section header's names ("AUX BE"); 0 if one is unknown.
fn section_bits(names: &str) -> u128 {
    let mut bits = 0;
    for name in names.split_whitespace() {
        match class::NAMED.iter().find(|(n, _)| *n == name) {
            Some((_, c)) => bits |= c,
            None => return 0,
        }
    }
    bits
}

/// Adds the classes of a class file: "[NAME]" lines (or "[NAME OTHER]") open
/// a class of [`class::NAMED`], the words after it belong to it, "#" starts a comment.
/// The file ships with the crate; a section name it does not know is a
/// build defect, caught by the lexicon test.
fn add_class_file(map: &mut HashMap<&'static str, WordInfo>, file: &'static str) {
    let mut current = 0;
    for line in file.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = section_bits(name);
        } else if current != 0 {
            add(map, line, current);
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    pub class: u128,
    pub cue: Option<Cue>,
}

impl WordInfo {
    pub fn is(&self, c: u128) -> bool {
        self.class & c != 0
    }
}

/// Lower-cases into `buf` and looks the word up. Curly apostrophes are folded to
/// straight ones so that "n’t" and "n't" are one entry.
pub(crate) fn lookup(word: &str, buf: &mut String) -> WordInfo {
    buf.clear();
    for c in word.chars() {
        match c {
            '’' | '‘' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
    let table = table();
    let mut info = table.get(buf.as_str()).copied().unwrap_or_default();
    if info.class == 0 && info.cue.is_none() && buf.len() > 4 && buf.ends_with("ly") {
        info.class |= class::ADV;
    }
    info
}

/// The table's own copy of `word` (lower-cased), for a lemma that must outlive the text.
pub(crate) fn form(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase().replace('’', "'");
    table().get_key_value(lower.as_str()).map(|(k, _)| *k)
}

fn table() -> &'static HashMap<&'static str, WordInfo> {
    static TABLE: OnceLock<HashMap<&'static str, WordInfo>> = OnceLock::new();
    TABLE.get_or_init(build)
}

fn add(map: &mut HashMap<&'static str, WordInfo>, words: &'static str, c: u128) {
    for w in words.split_whitespace() {
        map.entry(w).or_default().class |= c;
    }
}

fn build() -> HashMap<&'static str, WordInfo> {
    let mut m: HashMap<&'static str, WordInfo> = HashMap::new();
    for file in CLASS_FILES {
        add_class_file(&mut m, file);
    }
    for row in cue_rows() {
        let Some(cue) = row else { continue };
        add_cue(&mut m, cue);
    }
    m
}

/// One row of `cues.tsv`: the forms and the cue of their lemma.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueRow {
    forms: &'static str,
    participle: Option<&'static str>,
    cue: Cue,
}

/// The rows of `cues.tsv`, each parsed or None when it does not parse
/// (the file ships with the crate; the lexicon test rejects such a row).
pub(crate) fn cue_rows() -> impl Iterator<Item = Option<CueRow>> {
    CUES.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(parse_cue_row)
}

/// The variant of `all` whose name is `name` (the data files name variants as Rust does).
fn variant<T: Copy + std::fmt::Debug>(all: &[T], name: &str) -> Option<T> {
    all.iter().copied().find(|v| format!("{v:?}") == name)
}

fn parse_cue_row(line: &'static str) -> Option<CueRow> {
    let mut f = line.split('\t');
    let (forms, family, frame, options) = (f.next()?, f.next()?, f.next()?, f.next()?);
    let lemma = forms.split_whitespace().next()?;
    let family = variant(&Family::ALL, family)?;
    let frame = variant(&Frame::ALL, frame)?;
    let mut row = CueRow {
        forms,
        participle: None,
        cue: Cue::plain(lemma, family, frame, Form::Base),
    };
    for opt in options.split_whitespace().filter(|o| *o != "-") {
        let c = &mut row.cue;
        match opt.split_once('=') {
            Some(("participle", w)) => row.participle = Some(w),
            Some(("particle", w)) => c.particle = Some(w),
            None if opt == "hedge" => c.hedge = true,
            None if opt == "raising" => c.raising = true,
            None if opt == "directed" => c.directed = true,
            None if opt == "hearsay" => c.hearsay = true,
            None if opt == "descriptive" => c.descriptive = true,
            _ => return None,
        }
    }
    Some(row)
}

/// Adds the forms of one cue row: base, -s, past, -ing, and a separate past participle.
fn add_cue(m: &mut HashMap<&'static str, WordInfo>, row: CueRow) {
    let forms = [Form::Base, Form::S, Form::Past, Form::Ing];
    for (w, form) in row.forms.split_whitespace().zip(forms) {
        // "said" may also be listed as the participle of another entry; the first wins.
        m.entry(w)
            .or_default()
            .cue
            .get_or_insert(Cue { form, ..row.cue });
    }
    // A separate past participle (written, spoken) is a past form too.
    if let Some(pp) = row.participle {
        let cue = Cue {
            form: Form::Past,
            ..row.cue
        };
        m.entry(pp).or_default().cue.get_or_insert(cue);
    }
}

/// Labels of house-style sections whose paragraphs are quotations.
pub(crate) fn is_quote_label(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    QUOTE_LABELS
        .lines()
        .map(str::trim)
        .filter(|q| !q.is_empty() && !q.starts_with('#'))
        .any(|q| q == l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(w: &str) -> WordInfo {
        lookup(w, &mut String::new())
    }

    #[test]
    fn cues_carry_family_and_form() {
        let said = info("Said").cue.unwrap();
        assert_eq!(
            (said.lemma, said.family, said.form),
            ("say", Family::Assert, Form::Past)
        );
        assert_eq!(info("told").cue.unwrap().frame, Frame::Addressee);
        assert_eq!(info("urging").cue.unwrap().form, Form::Ing);
        assert_eq!(info("denies").cue.unwrap().family, Family::Deny);
        assert!(info("alleged").cue.unwrap().hedge);
        assert!(info("table").cue.is_none());
    }

    #[test]
    fn classes() {
        assert!(info("n’t").is(class::NEG));
        assert!(info("would").is(class::FUTURE) && info("would").is(class::MODAL));
        assert!(info("openly").is(class::ADV));
        assert!(!info("family").is(class::ADV));
        assert!(info("The").is(class::DET));
        assert!(info("untrue").is(class::FALSE));
        assert!(info("Nothing").is(class::NEG_DET));
    }

    #[test]
    fn every_class_file_section_is_known_and_every_word_is_in_its_class() {
        let mut seen = 0u128;
        for line in CLASS_FILES.iter().flat_map(|f| f.lines()) {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let bits = section_bits(name);
                assert!(bits != 0, "unknown class [{name}]");
                seen |= bits;
                continue;
            }
            for w in line.split_whitespace() {
                assert!(
                    table().get(w).is_some_and(|i| i.class != 0),
                    "{w} is in no class"
                );
            }
        }
        for (name, bit) in class::NAMED {
            assert!(seen & bit != 0, "class {name} has no words");
        }
    }

    #[test]
    fn every_cue_row_parses_and_each_form_finds_its_lemma() {
        let mut rows = 0;
        for row in cue_rows() {
            let row = row.expect("a cue row parses");
            rows += 1;
            let first = row.forms.split_whitespace().take(4);
            for w in first.chain(row.participle) {
                let cue = info(w).cue.expect(w);
                // a form listed by an earlier row belongs to that row ("told")
                assert!(cue.lemma == row.cue.lemma || cue.form == Form::Past, "{w}");
            }
        }
        assert!(rows > 100);
        assert!(parse_cue_row("say says said saying\tAssert\tOpen\tloud").is_none());
        assert!(parse_cue_row("say says said saying\tShout\tOpen\t-").is_none());
        let call = info("calls").cue.unwrap();
        assert_eq!(call.particle, Some("on+upon+for"));
        assert!(info("expected").cue.unwrap().raising && !info("added").cue.unwrap().raising);
    }

    #[test]
    fn quote_labels_match_whole() {
        assert!(is_quote_label(" Direct speech "));
        assert!(is_quote_label("QUOTE"));
        assert!(!is_quote_label("direct"));
    }
}
