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
    /// A particle the verb needs to be a cue ("call" + on/upon/for, "point" + out).
    pub particle: Option<&'static [&'static str]>,
    /// The cue itself hedges ("alleged", "suggested", "estimated").
    pub hedge: bool,
}

/// Word classes, as bit flags.
pub(crate) mod class {
    pub const DET: u64 = 1;
    pub const PREP: u64 = 1 << 1;
    pub const SUBJ_PRON: u64 = 1 << 2;
    pub const OBJ_PRON: u64 = 1 << 3;
    pub const CONJ: u64 = 1 << 4;
    pub const SUB: u64 = 1 << 5;
    pub const REL: u64 = 1 << 6;
    pub const AUX: u64 = 1 << 7;
    pub const MODAL: u64 = 1 << 8;
    pub const NEG: u64 = 1 << 9;
    pub const ADV: u64 = 1 << 10;
    pub const TIME: u64 = 1 << 11;
    pub const HEDGE: u64 = 1 << 12;
    /// will, would, shall, 'll, 'd: the content speaks of the future.
    pub const FUTURE: u64 = 1 << 13;
    /// may, might, could: possibility.
    pub const POSSIBLE: u64 = 1 << 14;
    /// declined, refused, unable, failed: "declined to confirm" negates the cue.
    pub const WITHHOLD: u64 = 1 << 15;
    /// Nouns that head the venue of a statement: "in a statement", "at a briefing".
    pub const VENUE: u64 = 1 << 16;
    /// Prepositions that may sit inside a source phrase: "spokesman for the ministry".
    pub const NP_PREP: u64 = 1 << 17;
    /// Forms of "be".
    pub const BE: u64 = 1 << 18;
    /// Forms of "have".
    pub const HAVE: u64 = 1 << 19;
    /// Nouns a "no evidence" cue is built on.
    pub const EVIDENCE: u64 = 1 << 20;
    /// Falsity words: "said it was false" is a denial.
    pub const FALSE: u64 = 1 << 21;
    /// Common non-reporting verbs in their finite forms: a source phrase never crosses them.
    pub const VERB: u64 = 1 << 22;
    /// Number words: an -s form after one is a plural noun ("eight states").
    pub const NUMERAL: u64 = 1 << 23;
    /// no, nothing, nobody, neither, nor: a clause holding one denies.
    pub const NEG_DET: u64 = 1 << 24;
    /// information, details, conclusions: "had no information about".
    pub const KNOWLEDGE: u64 = 1 << 25;
    /// know, say, confirm, determine: negated, the source withholds.
    pub const EPISTEMIC: u64 = 1 << 26;
    /// unclear, premature: the source cannot tell yet.
    pub const UNCERTAIN: u64 = 1 << 27;
    /// "too" of "too early".
    pub const TOO: u64 = 1 << 28;
    /// early, soon (after "too").
    pub const SOON: u64 = 1 << 29;
    /// doubt, question: "no doubt that" affirms.
    pub const DOUBT: u64 = 1 << 30;
    /// only, merely: "not only ... but also" adds.
    pub const ADDITIVE: u64 = 1 << 31;
    /// his, her, its, their, our, my, your: possessive pronouns.
    pub const POSS_PRON: u64 = 1 << 32;
    /// he, she: a person.
    pub const PERSON_PRON: u64 = 1 << 33;
    /// it: a body or thing.
    pub const NEUTER_PRON: u64 = 1 << 34;
    /// they: people or a body.
    pub const PLURAL_PRON: u64 = 1 << 35;
    /// going, about, set, preparing, expected (+ to): the future.
    pub const FUTURE_TO: u64 = 1 << 36;
    /// plans, expects, intends (+ to): a prediction.
    pub const PLAN_TO: u64 = 1 << 37;
    /// important, necessary (+ to): a call to act.
    pub const DIRECTIVE_TO: u64 = 1 << 38;
    /// need (after a determiner): a call to act.
    pub const NEED: u64 = 1 << 39;

    /// The classes read from data files, by the name their file gives them.
    pub const NAMED: &[(&str, u64)] = &[
        ("FALSE", FALSE),
        ("NEG_DET", NEG_DET),
        ("KNOWLEDGE", KNOWLEDGE),
        ("EPISTEMIC", EPISTEMIC),
        ("UNCERTAIN", UNCERTAIN),
        ("TOO", TOO),
        ("SOON", SOON),
        ("DOUBT", DOUBT),
        ("ADDITIVE", ADDITIVE),
        ("PERSON_PRON", PERSON_PRON),
        ("NEUTER_PRON", NEUTER_PRON),
        ("PLURAL_PRON", PLURAL_PRON),
        ("FUTURE_TO", FUTURE_TO),
        ("PLAN_TO", PLAN_TO),
        ("DIRECTIVE_TO", DIRECTIVE_TO),
        ("NEED", NEED),
    ];
}

/// Word classes of content polarity (`lexicon/content_polarity.txt`).
const CONTENT_POLARITY: &str = include_str!("../lexicon/content_polarity.txt");
/// Pronoun classes of sources (`lexicon/pronouns.txt`).
const PRONOUNS: &str = include_str!("../lexicon/pronouns.txt");
/// Modality classes of content (`lexicon/modality.txt`).
const MODALITY: &str = include_str!("../lexicon/modality.txt");

/// Adds the classes of a class file: "[NAME]" lines open a class of
/// [`class::NAMED`], the words after it belong to it, "#" starts a comment.
/// The file ships with the crate; a section name it does not know is a
/// build defect, caught by the lexicon test.
fn add_class_file(map: &mut HashMap<&'static str, WordInfo>, file: &'static str) {
    let mut current = 0;
    for line in file.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = class::NAMED
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, c)| *c);
        } else if current != 0 {
            add(map, line, current);
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    pub class: u64,
    pub cue: Option<Cue>,
}

impl WordInfo {
    pub fn is(&self, c: u64) -> bool {
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
    if info.class == 0
        && info.cue.is_none()
        && buf.len() > 4
        && buf.ends_with("ly")
        && !NOT_ADVERBS.contains(&buf.as_str())
    {
        info.class |= class::ADV;
    }
    info
}

const NOT_ADVERBS: &[&str] = &[
    "italy", "family", "supply", "reply", "rally", "ally", "assembly", "july", "anomaly",
    "monopoly", "bully", "early", "holy", "only", "daily", "weekly", "monthly", "friendly",
    "elderly", "likely",
];

fn table() -> &'static HashMap<&'static str, WordInfo> {
    static TABLE: OnceLock<HashMap<&'static str, WordInfo>> = OnceLock::new();
    TABLE.get_or_init(build)
}

fn add(map: &mut HashMap<&'static str, WordInfo>, words: &'static str, c: u64) {
    for w in words.split_whitespace() {
        map.entry(w).or_default().class |= c;
    }
}

fn build() -> HashMap<&'static str, WordInfo> {
    use class::*;
    let mut m: HashMap<&'static str, WordInfo> = HashMap::new();
    add(&mut m, "the a an this these those that his her its their our my your some many several both all each every another any no other such", DET);
    add(&mut m, "of for in on at by with from to into over under after before during since about against among between through without within across near like than per via amid despite toward towards upon behind beyond around along outside inside throughout", PREP);
    add(&mut m, "of for at in from with to on", NP_PREP);
    add(&mut m, "he she it they we i you who which", SUBJ_PRON);
    add(&mut m, "his her its their our my your", POSS_PRON);
    add(&mut m, "him them us me whom", OBJ_PRON);
    add(&mut m, "and or but nor yet so", CONJ);
    add(&mut m, "that because while although though when if whether as since whereas unless until once where after before", SUB);
    add(&mut m, "who which whom whose", REL);
    add(
        &mut m,
        "is are was were be been being am 's 're 'm",
        AUX | BE,
    );
    add(&mut m, "has have had having 've", AUX | HAVE);
    add(&mut m, "do does did", AUX);
    add(
        &mut m,
        "will would shall should can could may might must cannot ca wo sha 'll 'd",
        MODAL,
    );
    add(&mut m, "will would shall 'll 'd wo sha", FUTURE);
    add(&mut m, "may might could", POSSIBLE);
    add(&mut m, "not n't never cannot", NEG);
    add(&mut m, "declined refused unable failed yet declines refuses fails decline refuse fail declining refusing failing", WITHHOLD);
    add(&mut m, "also later earlier previously again then further repeatedly publicly privately reportedly allegedly recently already once now still just only even separately officially initially first last subsequently meanwhile however too openly directly personally himself herself themselves itself", ADV);
    add(&mut m, "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow morning afternoon evening night week weekend month year january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec earlier later recently day days weeks months years hours", TIME);
    add(&mut m, "likely unlikely probably possibly perhaps maybe may might could reportedly allegedly apparently presumably seemingly purportedly supposedly appears appear appeared seems seem seemed believed suspected thought estimated unconfirmed potentially", HEDGE);
    add(&mut m, "statement interview briefing conference address speech post message video tweet letter report email e-mail broadcast remarks comments session meeting call telegram twitter facebook x instagram television radio press parliament summit", VENUE);
    add(
        &mut m,
        "evidence proof indication sign confirmation",
        EVIDENCE,
    );
    add_class_file(&mut m, CONTENT_POLARITY);
    add_class_file(&mut m, PRONOUNS);
    add_class_file(&mut m, MODALITY);
    add(&mut m, "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred hundreds thousand thousands dozen dozens several few", NUMERAL);
    add(&mut m, "is are was were has have had do does did went came took made gave sent killed attacked began became left got met held won lost fell rose seized launched arrived returned continued remained", VERB);
    for entry in CUES {
        let mut words = entry.forms.split_whitespace();
        let lemma = words.next().unwrap_or("");
        let forms = [Form::Base, Form::S, Form::Past, Form::Ing];
        for (w, form) in entry.forms.split_whitespace().zip(forms) {
            let cue = Cue {
                lemma,
                family: entry.family,
                frame: entry.frame,
                form,
                particle: entry.particle,
                hedge: entry.hedge,
            };
            let e = m.entry(w).or_default();
            // "said" may also be listed as the participle of another entry; the first wins.
            e.cue.get_or_insert(cue);
        }
        // A separate past participle (written, spoken) is a past form too.
        if let Some(pp) = entry.participle {
            let cue = Cue {
                lemma,
                family: entry.family,
                frame: entry.frame,
                form: Form::Past,
                particle: entry.particle,
                hedge: entry.hedge,
            };
            m.entry(pp).or_default().cue.get_or_insert(cue);
        }
    }
    m
}

struct Entry {
    /// base, -s, past, -ing
    forms: &'static str,
    participle: Option<&'static str>,
    family: Family,
    frame: Frame,
    particle: Option<&'static [&'static str]>,
    hedge: bool,
}

const fn e(forms: &'static str, family: Family, frame: Frame) -> Entry {
    Entry {
        forms,
        participle: None,
        family,
        frame,
        particle: None,
        hedge: false,
    }
}

const fn hedged(forms: &'static str, family: Family, frame: Frame) -> Entry {
    Entry {
        forms,
        participle: None,
        family,
        frame,
        particle: None,
        hedge: true,
    }
}

const fn phrasal(
    forms: &'static str,
    family: Family,
    frame: Frame,
    particle: &'static [&'static str],
) -> Entry {
    Entry {
        forms,
        participle: None,
        family,
        frame,
        particle: Some(particle),
        hedge: false,
    }
}

const fn irregular(
    forms: &'static str,
    participle: &'static str,
    family: Family,
    frame: Frame,
) -> Entry {
    Entry {
        forms,
        participle: Some(participle),
        family,
        frame,
        particle: None,
        hedge: false,
    }
}

use Family::*;
use Frame::*;

/// Reporting cues of English news, by stance family.
const CUES: &[Entry] = &[
    // assert: plain reporting
    e("say says said saying", Assert, Open),
    e("state states stated stating", Assert, Open),
    e("note notes noted noting", Assert, Open),
    e("stress stresses stressed stressing", Assert, Open),
    e("emphasise emphasises emphasised emphasising", Assert, Open),
    e("emphasize emphasizes emphasized emphasizing", Assert, Open),
    e("report reports reported reporting", Assert, Open),
    e("announce announces announced announcing", Assert, Open),
    e("declare declares declared declaring", Assert, Open),
    e("add adds added adding", Assert, Clause),
    e("explain explains explained explaining", Assert, Clause),
    e("claim claims claimed claiming", Assert, Open),
    e("insist insists insisted insisting", Assert, Clause),
    e("argue argues argued arguing", Assert, Clause),
    e("maintain maintains maintained maintaining", Assert, Clause),
    e("contend contends contended contending", Assert, Clause),
    e("assert asserts asserted asserting", Assert, Clause),
    e("affirm affirms affirmed affirming", Assert, Clause),
    e("describe describes described describing", Assert, Open),
    irregular("write writes wrote writing", "written", Assert, Clause),
    e("post posts posted posting", Assert, Clause),
    e("tweet tweets tweeted tweeting", Assert, Clause),
    e("mention mentions mentioned mentioning", Assert, Clause),
    e("remark remarks remarked remarking", Assert, Clause),
    e("comment comments commented commenting", Assert, Clause),
    e("specify specifies specified specifying", Assert, Clause),
    e("clarify clarifies clarified clarifying", Assert, Clause),
    e(
        "highlight highlights highlighted highlighting",
        Assert,
        Clause,
    ),
    e(
        "underline underlines underlined underlining",
        Assert,
        Clause,
    ),
    e(
        "underscore underscores underscored underscoring",
        Assert,
        Clause,
    ),
    e("reiterate reiterates reiterated reiterating", Assert, Open),
    e("repeat repeats repeated repeating", Assert, Clause),
    e("recall recalls recalled recalling", Assert, Clause),
    e("recount recounts recounted recounting", Assert, Clause),
    e("reveal reveals revealed revealing", Assert, Open),
    e("disclose discloses disclosed disclosing", Assert, Open),
    e("indicate indicates indicated indicating", Assert, Clause),
    e(
        "signal signals signaled signalled signaling signalling",
        Assert,
        Clause,
    ),
    e("observe observes observed observing", Assert, Clause),
    e("testify testifies testified testifying", Assert, Clause),
    e("answer answers answered answering", Assert, Clause),
    e("reply replies replied replying", Assert, Clause),
    e("respond responds responded responding", Assert, Clause),
    e("continue continues continued continuing", Assert, Clause),
    e("agree agrees agreed agreeing", Confirm, Clause),
    e("complain complains complained complaining", Assert, Clause),
    e("boast boasts boasted boasting", Assert, Clause),
    e("lament laments lamented lamenting", Assert, Clause),
    e("accuse accuses accused accusing", Assert, Open),
    e("blame blames blamed blaming", Assert, Open),
    e("ask asks asked asking", Assert, Addressee),
    irregular("know knows knew knowing", "known", Assert, Clause),
    e("learn learns learned learning", Assert, Clause),
    e("find finds found finding", Assert, Clause),
    e("conclude concludes concluded concluding", Assert, Clause),
    e("express expresses expressed expressing", Assert, Open),
    phrasal("point points pointed pointing", Assert, Open, &["out"]),
    phrasal("make makes made making", Assert, Open, &["clear"]),
    irregular("tell tells told telling", "told", Assert, Addressee),
    e("inform informs informed informing", Assert, Addressee),
    e("assure assures assured assuring", Assert, Addressee),
    e("remind reminds reminded reminding", Assert, Addressee),
    e("brief briefs briefed briefing", Assert, Addressee),
    hedged("suggest suggests suggested suggesting", Assert, Clause),
    hedged("allege alleges alleged alleging", Assert, Open),
    hedged("estimate estimates estimated estimating", Assert, Clause),
    hedged("imply implies implied implying", Assert, Clause),
    hedged("hint hints hinted hinting", Assert, Clause),
    hedged(
        "speculate speculates speculated speculating",
        Assert,
        Clause,
    ),
    e(
        "characterize characterizes characterized characterizing",
        Assert,
        Open,
    ),
    e(
        "characterise characterises characterised characterising",
        Assert,
        Open,
    ),
    e("theorize theorizes theorized theorizing", Assert, Clause),
    e("reason reasons reasoned reasoning", Assert, Clause),
    e("enthuse enthuses enthused enthusing", Assert, Clause),
    e("charge charges charged charging", Assert, Clause),
    irregular("show shows showed showing", "shown", Assert, Clause),
    e("read reads read reading", Assert, Clause),
    e("detail details detailed detailing", Assert, Open),
    e("outline outlines outlined outlining", Assert, Open),
    e("present presents presented presenting", Assert, Open),
    e("concur concurs concurred concurring", Confirm, Clause),
    e("envision envisions envisioned envisioning", Predict, Clause),
    e("envisage envisages envisaged envisaging", Predict, Clause),
    e("propose proposes proposed proposing", Urge, Open),
    // confirm
    e(
        "recognize recognizes recognized recognizing",
        Confirm,
        Clause,
    ),
    e(
        "recognise recognises recognised recognising",
        Confirm,
        Clause,
    ),
    e("confirm confirms confirmed confirming", Confirm, Open),
    e("verify verifies verified verifying", Confirm, Open),
    e(
        "acknowledge acknowledges acknowledged acknowledging",
        Confirm,
        Open,
    ),
    e("admit admits admitted admitting", Confirm, Open),
    e("concede concedes conceded conceding", Confirm, Clause),
    e(
        "corroborate corroborates corroborated corroborating",
        Confirm,
        Open,
    ),
    // deny
    e("deny denies denied denying", Deny, Open),
    e("reject rejects rejected rejecting", Deny, Open),
    e("dismiss dismisses dismissed dismissing", Deny, Open),
    e("refute refutes refuted refuting", Deny, Open),
    e("rebut rebuts rebutted rebutting", Deny, Open),
    e("dispute disputes disputed disputing", Deny, Open),
    e("contest contests contested contesting", Deny, Clause),
    e("disavow disavows disavowed disavowing", Deny, Open),
    e(
        "contradict contradicts contradicted contradicting",
        Deny,
        Open,
    ),
    // predict
    e("predict predicts predicted predicting", Predict, Open),
    e("forecast forecasts forecasted forecasting", Predict, Open),
    e("expect expects expected expecting", Predict, Clause),
    e(
        "anticipate anticipates anticipated anticipating",
        Predict,
        Open,
    ),
    e("project projects projected projecting", Predict, Clause),
    e("vow vows vowed vowing", Predict, Clause),
    e("pledge pledges pledged pledging", Predict, Clause),
    e("promise promises promised promising", Predict, Clause),
    e("threaten threatens threatened threatening", Predict, Clause),
    e("warn warns warned warning", Warn, Addressee),
    e("caution cautions cautioned cautioning", Warn, Addressee),
    // urge
    e("urge urges urged urging", Urge, Directive),
    e("demand demands demanded demanding", Urge, Open),
    e("appeal appeals appealed appealing", Urge, Directive),
    e("plead pleads pleaded pleading", Urge, Directive),
    e("implore implores implored imploring", Urge, Directive),
    e("request requests requested requesting", Urge, Open),
    e(
        "encourage encourages encouraged encouraging",
        Urge,
        Directive,
    ),
    e("exhort exhorts exhorted exhorting", Urge, Directive),
    e("beg begs begged begging", Urge, Directive),
    e("advise advises advised advising", Urge, Directive),
    e("recommend recommends recommended recommending", Urge, Open),
    phrasal(
        "call calls called calling",
        Urge,
        Directive,
        &["on", "upon", "for"],
    ),
    e("press presses pressed pressing", Urge, Directive),
    // beliefs
    e("believe believes believed believing", Belief, Clause),
    irregular("think thinks thought thinking", "thought", Belief, Clause),
    e("feel feels felt feeling", Belief, Clause),
    e("suspect suspects suspected suspecting", Belief, Clause),
    e("fear fears feared fearing", Belief, Clause),
    e("hope hopes hoped hoping", Predict, Clause),
    e("consider considers considered considering", Belief, Clause),
    e("doubt doubts doubted doubting", Doubt, Clause),
];

/// Nouns that follow "expressed" to make a cue ("expressed gratitude").
pub(crate) const EXPRESSED: &[&str] = &[
    "gratitude",
    "concern",
    "concerns",
    "hope",
    "confidence",
    "regret",
    "doubt",
    "doubts",
    "support",
    "outrage",
    "condolences",
    "frustration",
    "optimism",
    "fear",
    "fears",
    "disappointment",
    "satisfaction",
    "surprise",
    "thanks",
    "skepticism",
    "scepticism",
    "alarm",
    "sympathy",
    "solidarity",
    "dismay",
    "anger",
    "belief",
    "willingness",
    "readiness",
];

/// Labels of house-style sections whose paragraphs are quotations.
pub(crate) fn is_quote_label(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    matches!(
        l.as_str(),
        "quote" | "quotes" | "quotation" | "direct speech" | "statement"
    )
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
    fn every_class_file_section_is_known() {
        for line in [CONTENT_POLARITY, PRONOUNS, MODALITY]
            .iter()
            .flat_map(|f| f.lines())
        {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                assert!(
                    class::NAMED.iter().any(|(n, _)| *n == name),
                    "unknown class [{name}]"
                );
            }
        }
    }
}
