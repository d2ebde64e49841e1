//! Part-of-speech tagger: greedy left-to-right averaged perceptron over
//! Universal POS tags, with the classic word, affix, shape and context features
//! and the two previous predicted tags.

use crate::perceptron::{feature, feature2, Model, Shuffle, Trainer};

/// Bits of the feature table: 2^18 rows x 17 tags.
const BITS: u32 = 18;

/// The class of a character in a word's shape: `X` upper case, `x` lower
/// case, `d` an ASCII digit, anything else itself.
pub fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_ascii_digit() {
        'd'
    } else {
        c
    }
}

/// A word's shape, compressed: "Zelenskyy" -> "Xx", "F-16" -> "X-d", "1,500" -> "d,d".
pub fn shape(w: &str) -> String {
    let mut s = String::with_capacity(6);
    let mut last = ' ';
    for c in w.chars() {
        let k = shape_class(c);
        if k != last {
            s.push(k);
            last = k;
        }
        if s.len() >= 6 {
            break;
        }
    }
    s
}

fn suffix(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}

/// The per-sentence views the features read.
pub struct SentenceView<'a> {
    pub words: &'a [&'a str],
    /// What the lexicons know of each word alone ("Nationality", "given", ...).
    pub lexclass: Vec<&'static str>,
    /// Normalised forms ([`crate::lexicon::norm`]), borrowed when the caller has them.
    pub lower: Vec<std::borrow::Cow<'a, str>>,
    pub shapes: Vec<String>,
    /// Each word's ambiguity class: the tags it had in training ("NOUN|VERB").
    pub amb: Vec<&'a str>,
}

impl<'a> SentenceView<'a> {
    pub fn new(words: &'a [&'a str], classes: &'a HashMap<String, String>) -> SentenceView<'a> {
        let lower = words
            .iter()
            .map(|w| std::borrow::Cow::Owned(crate::lexicon::norm(w)))
            .collect();
        SentenceView::with_lower(words, lower, classes)
    }

    /// A view over words whose normalised forms `lower` are known.
    pub fn with_lower(
        words: &'a [&'a str],
        lower: Vec<std::borrow::Cow<'a, str>>,
        classes: &'a HashMap<String, String>,
    ) -> SentenceView<'a> {
        let lex = &crate::models().lexicon;
        let lexclass = lower
            .iter()
            .map(|w| {
                let bare = w.trim_end_matches('.');
                match lex.phrase(&[bare]).map(|p| p.kind) {
                    Some(crate::lexicon::PhraseKind::Nationality) => "nationality",
                    Some(crate::lexicon::PhraseKind::Country) => "country",
                    Some(crate::lexicon::PhraseKind::City) => "city",
                    Some(_) => "phrase",
                    None if lex.is_function(bare) => "function",
                    None if lex.given_name(bare).is_some() => "given",
                    None if lex.is_surname(bare) => "surname",
                    None if lex.is_title(bare) => "title",
                    None => "",
                }
            })
            .collect();
        let amb = lower
            .iter()
            .map(|w| classes.get(w.as_ref()).map_or("", String::as_str))
            .collect();
        SentenceView {
            words,
            lexclass,
            lower,
            shapes: words.iter().map(|w| shape(w)).collect(),
            amb,
        }
    }
}

/// Features of word `i` that do not depend on tags: computed once per word
/// and shared by both passes.
fn word_features(v: &SentenceView, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            v.lower.get(j as usize).map_or("</s>", |w| w.as_ref())
        }
    };
    let sh = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            v.shapes.get(j as usize).map_or("</s>", String::as_str)
        }
    };
    let cur = w(0);
    out.push(feature(0, ""));
    out.push(feature(1, cur));
    out.push(feature(2, suffix(cur, 3)));
    out.push(feature(3, suffix(cur, 2)));
    out.push(feature(4, suffix(cur, 1)));
    out.push(feature(
        5,
        &cur[..cur.char_indices().nth(1).map_or(cur.len(), |(k, _)| k)],
    ));
    out.push(feature(9, w(-1)));
    out.push(feature(10, suffix(w(-1), 3)));
    out.push(feature(11, w(-2)));
    out.push(feature(12, w(1)));
    out.push(feature(13, suffix(w(1), 3)));
    out.push(feature(14, w(2)));
    out.push(feature2(
        15,
        &v.shapes[i],
        if i == 0 { "first" } else { "" },
    ));
    out.push(feature(16, suffix(cur, 4)));
    out.push(feature2(17, w(-1), cur));
    out.push(feature2(18, cur, w(1)));
    out.push(feature(19, v.words[i]));
    out.push(feature(
        20,
        &cur[..cur.char_indices().nth(3).map_or(cur.len(), |(k, _)| k)],
    ));
    out.push(feature2(22, sh(-1), sh(0)));
    out.push(feature2(23, sh(0), sh(1)));
    out.push(feature2(25, w(-1), w(1)));
    out.push(feature2(26, v.lexclass[i], &v.shapes[i]));
    out.push(feature2(27, v.lexclass[i], w(1)));
    let amb = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            v.amb.get(j as usize).copied().unwrap_or("</s>")
        }
    };
    out.push(feature(32, amb(0)));
    out.push(feature2(33, amb(0), amb(1)));
    out.push(feature2(34, amb(-1), amb(0)));
}

/// Features of word `i` that read the previous tags and, in the second pass,
/// the first pass's tags of the next words ("?" during the first pass).
fn tag_features(
    v: &SentenceView,
    i: usize,
    p1: &str,
    p2: &str,
    next: (&str, &str),
    out: &mut Vec<u64>,
) {
    let cur = v.lower[i].as_ref();
    let w1 = v.lower.get(i + 1).map_or("</s>", |w| w.as_ref());
    out.push(feature(6, p1));
    out.push(feature2(7, p1, p2));
    out.push(feature2(8, p1, cur));
    out.push(feature2(21, p1, w1));
    out.push(feature2(24, p1, suffix(cur, 3)));
    out.push(feature(28, next.0));
    out.push(feature2(29, next.0, next.1));
    out.push(feature2(30, next.0, cur));
    out.push(feature2(31, p1, next.0));
}

pub struct Tagger {
    model: Model,
    /// Frequent words that always had one tag in training: tagged without scoring.
    dict: HashMap<String, usize>,
    /// Ambiguity classes of the training words (lower case).
    amb: HashMap<String, String>,
    /// The training words seen as anything but a proper noun.
    common: crate::fxhash::FastSet<String>,
}

type HashMap<K, V> = crate::fxhash::FastMap<K, V>;

/// Words seen at least this often, with one tag this share of the time, go in
/// the tag dictionary.
const DICT_MIN_COUNT: usize = 20;
const DICT_MIN_SHARE: f64 = 0.995;

impl Tagger {
    /// Reads a tagger file: length-prefixed text with the tag dictionary
    /// ("D\tword\ttag" lines) and the ambiguity classes ("A\tword\tTAG|TAG"),
    /// then the perceptron.
    pub fn from_bytes(b: &[u8]) -> Option<Tagger> {
        let (len, rest) = b.split_at_checked(4)?;
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        let (dict_text, model) = rest.split_at_checked(len)?;
        let model = Model::from_bytes(model)?;
        let index: HashMap<&str, usize> = model
            .classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        let mut dict = HashMap::default();
        let mut amb = HashMap::default();
        for line in std::str::from_utf8(dict_text).ok()?.lines() {
            let mut f = line.split('\t');
            match (f.next(), f.next(), f.next()) {
                (Some("D"), Some(w), Some(t)) => {
                    if let Some(&i) = index.get(t) {
                        dict.insert(w.to_string(), i);
                    }
                }
                (Some("A"), Some(w), Some(c)) => {
                    amb.insert(w.to_string(), c.to_string());
                }
                _ => {}
            }
        }
        // the words seen as anything but a proper noun, for `is_common_word`
        let common = amb
            .iter()
            .filter(|(_, c)| c.split('|').any(|t| t != "PROPN"))
            .map(|(w, _)| w.clone())
            .collect();
        Some(Tagger {
            model,
            dict,
            amb,
            common,
        })
    }

    /// Whether the tagger saw `norm` (a normalised word) as anything but a
    /// proper noun in training: a common word of the language.
    pub fn is_common_word(&self, norm: &str) -> bool {
        self.common.contains(norm)
    }

    pub fn tag_name(&self, t: usize) -> &str {
        &self.model.classes[t]
    }

    /// Tags one sentence; `out` gets one tag index per word.
    pub fn tag(&self, words: &[&str], out: &mut Vec<usize>) {
        self.tag_view(&SentenceView::new(words, &self.amb), out);
    }

    /// Tags one sentence whose normalised forms are known (`lower[i]` is
    /// [`crate::lexicon::norm`] of `words[i]`).
    pub fn tag_normed(&self, words: &[&str], lower: &[&str], out: &mut Vec<usize>) {
        let lower = lower
            .iter()
            .map(|&w| std::borrow::Cow::Borrowed(w))
            .collect();
        self.tag_view(&SentenceView::with_lower(words, lower, &self.amb), out);
    }

    fn tag_view(&self, v: &SentenceView, out: &mut Vec<usize>) {
        if self.model.is_quantised() {
            *out = self.tag_quantised(v);
            return;
        }
        let mut scores = vec![0.0; self.model.classes.len()];
        let c = &self.model.classes;
        let mut cache = Vec::new();
        let first = pass(v, c, &self.dict, None, &mut cache, |f, _| {
            self.model.predict(f, &mut scores, |_| true)
        });
        *out = pass(v, c, &self.dict, Some(&first), &mut cache, |f, _| {
            self.model.predict(f, &mut scores, |_| true)
        });
    }

    /// The two passes of [`Tagger::tag`] over a loaded model: a word's
    /// tag-independent features are scored once, in the first pass, and the
    /// second adds only the features that read tags (the same sums as
    /// scoring every feature again).
    fn tag_quantised(&self, v: &SentenceView) -> Vec<usize> {
        let c = &self.model.classes;
        let (n, nc) = (v.words.len(), c.len());
        let mut base = vec![0i32; n * nc];
        let mut feats = Vec::with_capacity(40);
        let mut acc = vec![0i32; nc];
        let known: Vec<Option<usize>> =
            v.words.iter().map(|w| self.dict.get(*w).copied()).collect();
        // all words' tag-independent sums first: with no decision between
        // them, the processor overlaps their memory reads
        for i in 0..n {
            if known[i].is_none() {
                word_features(v, i, &mut feats);
                self.model
                    .accumulate(&feats, &mut base[i * nc..(i + 1) * nc]);
            }
        }
        let mut first: Vec<usize> = Vec::new();
        for second in [false, true] {
            let mut out: Vec<usize> = Vec::with_capacity(n);
            let ahead = |k: usize| -> &str {
                if second {
                    first.get(k).map_or("</s>", |&t| c[t].as_str())
                } else {
                    "?"
                }
            };
            for i in 0..n {
                if let Some(t) = known[i] {
                    out.push(t);
                    continue;
                }
                let base = &base[i * nc..(i + 1) * nc];
                let p1 = if i >= 1 {
                    c[out[i - 1]].as_str()
                } else {
                    "<s>"
                };
                let p2 = if i >= 2 {
                    c[out[i - 2]].as_str()
                } else {
                    "<s>"
                };
                feats.clear();
                tag_features(v, i, p1, p2, (ahead(i + 1), ahead(i + 2)), &mut feats);
                acc.copy_from_slice(base);
                self.model.accumulate(&feats, &mut acc);
                out.push(Model::best(&acc));
            }
            first = out;
        }
        first
    }

    /// Tags as strings.
    pub fn tag_strings(&self, words: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        self.tag(words, &mut out);
        out.into_iter()
            .map(|t| self.tag_name(t).to_string())
            .collect()
    }
}

/// One left-to-right pass; `decide` picks the tag of word `i` from its
/// features. The second pass sees the first pass's tags of the next words.
/// `cache` keeps each word's tag-independent features between the passes.
fn pass(
    v: &SentenceView,
    classes: &[String],
    dict: &HashMap<String, usize>,
    first: Option<&[usize]>,
    cache: &mut Vec<Vec<u64>>,
    mut decide: impl FnMut(&[u64], usize) -> usize,
) -> Vec<usize> {
    let n = v.words.len();
    cache.resize(n, Vec::new());
    let mut out: Vec<usize> = Vec::with_capacity(n);
    let mut feats = Vec::with_capacity(40);
    let ahead = |k: usize| -> &str {
        match first {
            None => "?",
            Some(f) => f.get(k).map_or("</s>", |&t| classes[t].as_str()),
        }
    };
    for i in 0..n {
        if let Some(&t) = dict.get(v.words[i]) {
            out.push(t);
            continue;
        }
        let p1 = if i >= 1 {
            classes[out[i - 1]].as_str()
        } else {
            "<s>"
        };
        let p2 = if i >= 2 {
            classes[out[i - 2]].as_str()
        } else {
            "<s>"
        };
        if first.is_none() {
            word_features(v, i, &mut cache[i]);
        }
        feats.clear();
        feats.extend_from_slice(&cache[i]);
        tag_features(v, i, p1, p2, (ahead(i + 1), ahead(i + 2)), &mut feats);
        out.push(decide(&feats, i));
    }
    out
}

/// Trains a tagger on (words, tags) sentences; returns the model file bytes.
pub fn train(sentences: &[(Vec<String>, Vec<String>)], iterations: usize) -> Vec<u8> {
    let mut classes: Vec<String> = sentences
        .iter()
        .flat_map(|(_, t)| t.iter().cloned())
        .collect();
    classes.sort();
    classes.dedup();
    let index: HashMap<&str, usize> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let dict = tag_dictionary(sentences, &index);
    let amb = ambiguity_classes(sentences);
    let mut trainer = Trainer::new(classes.clone(), BITS);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Shuffle::new(0x5eed);
    let mut scores = vec![0.0; classes.len()];
    for _ in 0..iterations {
        rng.shuffle(&mut order);
        for &s in &order {
            let (words, tags) = &sentences[s];
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let v = SentenceView::new(&refs, &amb);
            let gold: Vec<usize> = tags.iter().map(|t| index[t.as_str()]).collect();
            let mut learn = |f: &[u64], i: usize| {
                trainer.tick();
                let guess = trainer.model.predict(f, &mut scores, |_| true);
                trainer.update(gold[i], guess, f);
                guess
            };
            let mut cache = Vec::new();
            let first = pass(&v, &classes, &dict, None, &mut cache, &mut learn);
            pass(&v, &classes, &dict, Some(&first), &mut cache, &mut learn);
        }
    }
    let mut entries: Vec<(&String, &usize)> = dict.iter().collect();
    entries.sort();
    let mut text: String = entries
        .iter()
        .map(|(w, &t)| format!("D\t{w}\t{}\n", classes[t]))
        .collect();
    let mut amb_entries: Vec<(&String, &String)> = amb.iter().collect();
    amb_entries.sort();
    text.extend(amb_entries.iter().map(|(w, c)| format!("A\t{w}\t{c}\n")));
    let mut out = (text.len() as u32).to_le_bytes().to_vec();
    out.extend(text.as_bytes());
    out.extend(trainer.finish().to_bytes());
    out
}

/// Words seen at least twice in training (lower case, normalised) and the
/// tags they had: "NOUN|VERB" for "attack".
fn ambiguity_classes(sentences: &[(Vec<String>, Vec<String>)]) -> HashMap<String, String> {
    let mut seen: HashMap<String, (usize, std::collections::BTreeSet<&str>)> = HashMap::default();
    for (words, tags) in sentences {
        for (w, t) in words.iter().zip(tags) {
            let e = seen.entry(crate::lexicon::norm(w)).or_default();
            e.0 += 1;
            e.1.insert(t.as_str());
        }
    }
    seen.into_iter()
        .filter(|(w, (n, _))| *n >= 2 && !w.contains(['\t', '\n']))
        .map(|(w, (_, tags))| (w, tags.into_iter().collect::<Vec<_>>().join("|")))
        .collect()
}

/// Frequent words with one tag ("the", ",", "said").
fn tag_dictionary(
    sentences: &[(Vec<String>, Vec<String>)],
    index: &HashMap<&str, usize>,
) -> HashMap<String, usize> {
    let mut counts: HashMap<&str, HashMap<usize, usize>> = HashMap::default();
    for (words, tags) in sentences {
        for (w, t) in words.iter().zip(tags) {
            *counts
                .entry(w.as_str())
                .or_default()
                .entry(index[t.as_str()])
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, tags)| {
            let total: usize = tags.values().sum();
            let (&tag, &n) = tags
                .iter()
                .max_by_key(|&(t, n)| (*n, std::cmp::Reverse(*t)))?;
            (total >= DICT_MIN_COUNT && n as f64 / total as f64 >= DICT_MIN_SHARE)
                .then(|| (w.to_string(), tag))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Zelenskyy"), "Xx");
        assert_eq!(shape("F-16"), "X-d");
        assert_eq!(shape("1,500"), "d,d");
    }
}
