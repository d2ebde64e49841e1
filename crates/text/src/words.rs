//! One notion of a word for every stage: a word's normal form and the shared
//! word classes it belongs to (month, weekday, number word, determiner,
//! preposition, auxiliary).
//!
//! The classes are data, one commented file per class in `crates/text/lang/en/`
//! (`month.tsv`, `weekday.tsv`, `number.tsv`, `determiner.tsv`,
//! `preposition.tsv`, `auxiliary.tsv`), embedded in the binary and read once.
//! Every token gives its [`WordClasses`] ([`crate::Token::classes`],
//! [`crate::Document::token_classes`]; one hash probe) and its normal form
//! ([`crate::Document::token_norm`]); the month, weekday and number-word
//! values come from [`lookup`]. A stage's own
//! lexicon (reporting verbs, units, titles) stays in its crate; a class lives
//! here only when several stages need it.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A shared word class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    Month,
    Weekday,
    NumberWord,
    Determiner,
    Preposition,
    Auxiliary,
}

impl WordClass {
    pub const ALL: [WordClass; 6] = [
        WordClass::Month,
        WordClass::Weekday,
        WordClass::NumberWord,
        WordClass::Determiner,
        WordClass::Preposition,
        WordClass::Auxiliary,
    ];

    /// The class's data file, under `crates/text/`.
    pub fn file(self) -> &'static str {
        match self {
            WordClass::Month => "lang/en/month.tsv",
            WordClass::Weekday => "lang/en/weekday.tsv",
            WordClass::NumberWord => "lang/en/number.tsv",
            WordClass::Determiner => "lang/en/determiner.tsv",
            WordClass::Preposition => "lang/en/preposition.tsv",
            WordClass::Auxiliary => "lang/en/auxiliary.tsv",
        }
    }

    fn text(self) -> &'static str {
        match self {
            WordClass::Month => include_str!("../lang/en/month.tsv"),
            WordClass::Weekday => include_str!("../lang/en/weekday.tsv"),
            WordClass::NumberWord => include_str!("../lang/en/number.tsv"),
            WordClass::Determiner => include_str!("../lang/en/determiner.tsv"),
            WordClass::Preposition => include_str!("../lang/en/preposition.tsv"),
            WordClass::Auxiliary => include_str!("../lang/en/auxiliary.tsv"),
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The set of shared classes of one word (a word may be in several: "may" is
/// a month and an auxiliary).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WordClasses(u8);

impl WordClasses {
    pub fn contains(self, class: WordClass) -> bool {
        self.0 & class.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = WordClass> {
        WordClass::ALL
            .into_iter()
            .filter(move |c| self.contains(*c))
    }

    fn with(self, class: WordClass) -> WordClasses {
        WordClasses(self.0 | class.bit())
    }
}

/// A month name or abbreviation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    /// 1 to 12.
    pub number: u32,
    /// `Oct`, `Sept.`.
    pub abbreviated: bool,
}

/// A weekday name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weekday {
    /// ISO weekday number, Monday = 1.
    pub number: u32,
    /// `Mondays`.
    pub plural: bool,
}

/// A number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberWord {
    /// `three`, `twenty-five`, `hundred`.
    Cardinal(u32),
    /// `third`, `thirty-first`.
    Ordinal(u32),
}

/// What the shared word table knows of one normal form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub classes: WordClasses,
    pub month: Option<Month>,
    pub weekday: Option<Weekday>,
    pub number: Option<NumberWord>,
}

/// The normal form every stage compares words by: lower case, curly
/// apostrophes as `'`.
pub fn normal(word: &str) -> String {
    word.chars()
        .map(|c| {
            if matches!(c, '\u{2019}' | '\u{2018}') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The longest form in the table, in bytes (longer words are in no class).
const MAX_FORM: usize = 24;

/// What the table knows of `word` (any case, either apostrophe).
pub fn lookup(word: &str) -> Option<&'static WordInfo> {
    if word.is_empty() || word.len() > MAX_FORM {
        return None;
    }
    if word.is_ascii() {
        let mut buf = [0u8; MAX_FORM];
        for (b, w) in buf.iter_mut().zip(word.bytes()) {
            *b = w.to_ascii_lowercase();
        }
        let lower = std::str::from_utf8(&buf[..word.len()]).ok()?;
        return table().get(lower);
    }
    table().get(normal(word).as_str())
}

/// The shared classes of `word`.
pub fn classes(word: &str) -> WordClasses {
    lookup(word).map(|i| i.classes).unwrap_or_default()
}

pub fn month(word: &str) -> Option<Month> {
    lookup(word)?.month
}

pub fn weekday(word: &str) -> Option<Weekday> {
    lookup(word)?.weekday
}

pub fn number_word(word: &str) -> Option<NumberWord> {
    lookup(word)?.number
}

/// Every form of the table with what is known of it, in no set order: for a
/// stage that folds the shared classes into its own keyword table.
pub fn entries() -> impl Iterator<Item = (&'static str, &'static WordInfo)> {
    table().iter().map(|(k, v)| (k.as_str(), v))
}

/// One parsed row of a class file: the form and its fields after the first.
struct Row<'a> {
    form: &'a str,
    fields: Vec<&'a str>,
}

/// The rows of a class file.
fn rows(class: WordClass) -> Result<Vec<Row<'static>>, String> {
    parse_rows(class.file(), class.text())
}

/// The rows of a word file: `#` comments and blank lines skipped, fields
/// split on tabs. A form that is empty, too long or not in normal form is an
/// error naming the file and line.
fn parse_rows<'a>(file: &str, text: &'a str) -> Result<Vec<Row<'a>>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t').map(str::trim);
        let form = fields.next().unwrap_or("");
        if form.is_empty() || form.len() > MAX_FORM || form != normal(form) {
            return Err(format!(
                "{file} line {}: a form must be lower case, 1 to {MAX_FORM} bytes",
                i + 1
            ));
        }
        out.push(Row {
            form,
            fields: fields.collect(),
        });
    }
    Ok(out)
}

/// A row's numeric field `n`, or an error naming the file and the form.
fn number_field(class: WordClass, row: &Row, n: usize) -> Result<u32, String> {
    row.fields
        .get(n)
        .and_then(|f| f.parse().ok())
        .ok_or_else(|| {
            format!(
                "{}: {}: field {} is not a number",
                class.file(),
                row.form,
                n + 2
            )
        })
}

type Table = HashMap<String, WordInfo>;

fn add(t: &mut Table, form: String, class: WordClass, set: impl FnOnce(&mut WordInfo)) {
    let info = t.entry(form).or_default();
    info.classes = info.classes.with(class);
    set(info);
}

fn add_months(t: &mut Table) -> Result<(), String> {
    let class = WordClass::Month;
    for row in rows(class)? {
        let number = number_field(class, &row, 0)?;
        let abbreviated = match row.fields.get(1).copied() {
            Some("name") => false,
            Some("abbr") => true,
            _ => return Err(format!("{}: {}: want name or abbr", class.file(), row.form)),
        };
        let month = Month {
            number,
            abbreviated,
        };
        add(t, row.form.to_string(), class, |i| i.month = Some(month));
        if abbreviated {
            add(t, format!("{}.", row.form), class, |i| {
                i.month = Some(month)
            });
        }
    }
    Ok(())
}

fn add_weekdays(t: &mut Table) -> Result<(), String> {
    let class = WordClass::Weekday;
    for row in rows(class)? {
        let number = number_field(class, &row, 0)?;
        for (form, plural) in [
            (row.form.to_string(), false),
            (format!("{}s", row.form), true),
        ] {
            add(t, form, class, |i| {
                i.weekday = Some(Weekday { number, plural })
            });
        }
    }
    Ok(())
}

fn add_numbers(t: &mut Table) -> Result<(), String> {
    let class = WordClass::NumberWord;
    let (mut units, mut unit_ordinals, mut tens) = (Vec::new(), Vec::new(), Vec::new());
    for row in rows(class)? {
        let value = number_field(class, &row, 0)?;
        let word = match row.fields.get(1).copied() {
            Some("cardinal") => NumberWord::Cardinal(value),
            Some("ordinal") => NumberWord::Ordinal(value),
            _ => {
                return Err(format!(
                    "{}: {}: want cardinal or ordinal",
                    class.file(),
                    row.form
                ))
            }
        };
        match word {
            NumberWord::Cardinal(1..=9) => units.push((row.form, value)),
            NumberWord::Ordinal(1..=9) => unit_ordinals.push((row.form, value)),
            NumberWord::Cardinal(20..=90) if value % 10 == 0 => tens.push((row.form, value)),
            _ => {}
        }
        add(t, row.form.to_string(), class, |i| i.number = Some(word));
    }
    // "twenty-five", "thirty-first"
    for (ten, tv) in &tens {
        for (unit, uv) in &units {
            let word = NumberWord::Cardinal(tv + uv);
            add(t, format!("{ten}-{unit}"), class, |i| i.number = Some(word));
        }
        for (unit, uv) in &unit_ordinals {
            let word = NumberWord::Ordinal(tv + uv);
            add(t, format!("{ten}-{unit}"), class, |i| i.number = Some(word));
        }
    }
    Ok(())
}

fn add_plain(t: &mut Table, class: WordClass) -> Result<(), String> {
    for row in rows(class)? {
        add(t, row.form.to_string(), class, |_| {});
    }
    Ok(())
}

/// The whole table, or the first error of a data file.
fn build() -> Result<Table, String> {
    let mut t = Table::new();
    add_months(&mut t)?;
    add_weekdays(&mut t)?;
    add_numbers(&mut t)?;
    for class in [
        WordClass::Determiner,
        WordClass::Preposition,
        WordClass::Auxiliary,
    ] {
        add_plain(&mut t, class)?;
    }
    Ok(t)
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    // The files are embedded and checked by the tests below; a broken file
    // would leave the table empty rather than stop a run.
    TABLE.get_or_init(|| build().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_and_every_row_is_in_the_table() {
        let t = build().expect("the word class files parse");
        for class in WordClass::ALL {
            let rows = rows(class).unwrap();
            assert!(!rows.is_empty(), "{}", class.file());
            for row in rows {
                let info = t.get(row.form).expect(row.form);
                assert!(
                    info.classes.contains(class),
                    "{} {}",
                    class.file(),
                    row.form
                );
            }
        }
    }

    #[test]
    fn values_and_derived_forms() {
        let m = |n, abbreviated| {
            Some(Month {
                number: n,
                abbreviated,
            })
        };
        assert_eq!(month("October"), m(10, false));
        assert_eq!(month("Sept."), m(9, true));
        assert_eq!(month("SEP"), m(9, true));
        assert_eq!(
            weekday("Mondays"),
            Some(Weekday {
                number: 1,
                plural: true
            })
        );
        assert_eq!(number_word("twenty-five"), Some(NumberWord::Cardinal(25)));
        assert_eq!(number_word("Thirty-First"), Some(NumberWord::Ordinal(31)));
        assert_eq!(number_word("hundred"), Some(NumberWord::Cardinal(100)));
        assert_eq!(number_word("troops"), None);
        let may = classes("May");
        assert!(may.contains(WordClass::Month) && may.contains(WordClass::Auxiliary));
        assert!(classes("’ll").contains(WordClass::Auxiliary));
        assert!(classes("the").contains(WordClass::Determiner));
        assert!(classes("despite").contains(WordClass::Preposition));
        assert!(classes("").is_empty() && classes("Ukraine").is_empty());
    }

    #[test]
    fn a_document_token_gives_its_normal_form_and_classes() {
        let doc = crate::Document::new(
            "Talks resume on Monday in Geneva.",
            crate::Metadata::default(),
        );
        let at = |w: &str| (0..doc.tokens().len()).find(|&i| doc.token_text(i) == w);
        let monday = at("Monday").expect("Monday");
        assert_eq!(doc.token_norm(monday), "monday");
        assert!(doc.token_classes(monday).contains(WordClass::Weekday));
        assert!(doc
            .token_classes(at("on").expect("on"))
            .contains(WordClass::Preposition));
        assert!(doc.token_classes(at("Geneva").expect("Geneva")).is_empty());
        assert!(doc.token_classes(at(".").expect(".")).is_empty());
    }

    #[test]
    fn a_form_not_in_normal_form_is_an_error_naming_the_file_and_line() {
        let err = parse_rows("x.tsv", "# comment\nmonday\t1\nTuesday\t2\n")
            .err()
            .expect("an error");
        assert!(err.starts_with("x.tsv line 3"), "{err}");
        assert_eq!(normal("O’Clock"), "o'clock");
    }
}
