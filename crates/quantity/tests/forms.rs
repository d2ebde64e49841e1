//! Each family of forms the tagger reads, and the numbers it must leave alone.

use claimtrail_quantity::{Qualifier, Quantity, QuantityTagger};
use claimtrail_text::{Document, Metadata, Span};
use claimtrail_time::{Timex, TimexType};

fn figures(text: &str) -> Vec<(String, Quantity)> {
    let doc = Document::new(text, Metadata::default());
    QuantityTagger::new()
        .tag(&doc, &[])
        .into_iter()
        .map(|q| (doc.slice(q.span).to_string(), q))
        .collect()
}

/// The only figure of `text`.
fn one(text: &str) -> (String, Quantity) {
    let mut all = figures(text);
    assert_eq!(all.len(), 1, "{text:?}: {all:#?}");
    all.remove(0)
}

fn values(text: &str) -> Vec<f64> {
    figures(text).into_iter().map(|(_, q)| q.value).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn digits_with_separators_decimals_and_signs() {
    assert_eq!(values("They fired 6,130 drones."), [6130.0]);
    assert_eq!(values("Output reached 1,234,567.5 barrels."), [1234567.5]);
    assert_eq!(values("It weighs 3.25 kg."), [3.25]);
    assert_eq!(values("The index lost -366.94 points."), [-366.94]);
    assert_eq!(values("The town has 10 000 residents."), [10000.0]);
    assert_eq!(values("Shares rose 8,26% on Monday."), [8.26]);
}

#[test]
fn number_words() {
    let (text, q) = one("Ten thousand people marched.");
    assert_eq!((text.as_str(), q.value), ("Ten thousand", 10000.0));
    assert_eq!(q.counted.as_deref(), Some("people"));
    assert_eq!(one("He bought a dozen eggs.").1.value, 12.0);
    assert_eq!(
        one("The talks lasted three and a half rounds.").1.value,
        3.5
    );
    assert_eq!(one("Some twenty-five ships sailed.").1.value, 25.0);
    assert_eq!(
        one("They hired one hundred and five nurses.").1.value,
        105.0
    );
    assert_eq!(one("Half a million people fled.").1.value, 500000.0);
}

#[test]
fn mixed_forms() {
    assert_eq!(values("The city has 1.5 million people."), [1.5e6]);
    let (text, q) = one("They sent another 20-25 thousand troops.");
    assert_eq!(text, "another 20-25 thousand");
    assert!(q.range && q.change);
    assert_eq!(
        (q.low, q.high, q.value),
        (Some(20000.0), Some(25000.0), 22500.0)
    );
    let (_, q) = one("The deal is worth $3bn.");
    assert_eq!((q.value, q.unit.as_deref()), (3e9, Some("USD")));
    assert_eq!(values("The app has 12k users."), [12000.0]);
    assert_eq!(values("Profit was £2.5m last year."), [2.5e6]);
    assert_eq!(values("The airline expects 70m passengers."), [70e6]);
}

#[test]
fn ordinals_are_not_cardinals() {
    assert!(figures("He came 3rd in the first round and 22nd overall.").is_empty());
    assert!(figures("It was the 15,599 th plane built.").is_empty());
    assert!(figures("The second half began.").is_empty());
    assert!(figures("He ran for a third time.").is_empty());
}

#[test]
fn fractions_and_percentages() {
    let (text, q) = one("About a third of voters stayed home.");
    assert_eq!(text, "About a third");
    assert!(close(q.value, 1.0 / 3.0));
    assert_eq!(
        (q.unit.as_deref(), q.counted.as_deref(), q.qualifier),
        (Some("fraction"), Some("voters"), Qualifier::Approximately)
    );
    let (_, q) = one("Turnout was 40% in the north.");
    assert_eq!((q.value, q.unit.as_deref()), (40.0, Some("percent")));
    assert_eq!(
        one("Turnout was 40 per cent.").1.unit.as_deref(),
        Some("percent")
    );
    assert_eq!(
        one("Turnout was 40 percent.").1.unit.as_deref(),
        Some("percent")
    );
    let (_, q) = one("Rates rose 0.25 percentage points.");
    assert_eq!(q.unit.as_deref(), Some("percentage_point"));
    let (_, q) = one("One in three visits ended early.");
    assert!(close(q.value, 1.0 / 3.0));
    let (_, q) = one("Two-thirds of the budget went to defence.");
    assert!(close(q.value, 2.0 / 3.0));
    assert_eq!(q.counted.as_deref(), Some("budget"));
    let (_, q) = one("Almost half of all children were vaccinated.");
    assert_eq!((q.value, q.counted.as_deref()), (0.5, Some("children")));
}

#[test]
fn ranges() {
    for (text, span) in [
        (
            "Between 10,000 and 12,000 troops arrived.",
            "Between 10,000 and 12,000",
        ),
        (
            "Officials counted 10,000 to 12,000 troops.",
            "10,000 to 12,000",
        ),
        ("Officials counted 20-25 tanks.", "20-25"),
        ("Officials counted 20 – 25 tanks.", "20 – 25"),
    ] {
        let (got, q) = one(text);
        assert_eq!(got, span, "{text}");
        assert!(q.range, "{text}");
        assert_eq!(q.value, (q.low.unwrap() + q.high.unwrap()) / 2.0);
    }
    let (_, q) = one("Growth of 3 to 7 percent is expected.");
    assert_eq!(
        (q.low, q.high, q.unit.as_deref()),
        (Some(3.0), Some(7.0), Some("percent"))
    );
    let (_, q) = one("They will hire 20 to 25 million workers.");
    assert_eq!((q.low, q.high), (Some(20e6), Some(25e6)));
    // two levels, not a range
    assert_eq!(values("Unemployment rose from 5% to 7%."), [5.0, 7.0]);
    let (_, q) = one("The scene had two or three officers.");
    assert_eq!(
        (q.low, q.high, q.qualifier),
        (Some(2.0), Some(3.0), Qualifier::Approximately)
    );
}

#[test]
fn vague_counts_follow_the_convention() {
    for (text, low, high) in [
        ("Dozens of villages burned.", 24.0, 120.0),
        ("Hundreds were arrested.", 200.0, 1000.0),
        ("Thousands of fans sang.", 2000.0, 10000.0),
        ("Tens of thousands of people marched.", 10000.0, 100000.0),
        ("Hundreds of thousands of Syrians fled.", 200000.0, 1e6),
        ("Scores of others were hurt.", 40.0, 200.0),
    ] {
        let (_, q) = one(text);
        assert!(q.vague, "{text}");
        assert_eq!(
            (q.low, q.high, q.value, q.qualifier),
            (
                Some(low),
                Some(high),
                (low + high) / 2.0,
                Qualifier::Approximately
            ),
            "{text}"
        );
    }
    let (text, q) = one("The war cost millions of dollars.");
    assert_eq!(
        (text.as_str(), q.unit.as_deref()),
        ("millions of dollars", Some("USD"))
    );
    assert!(figures("They came in their thousands.").is_empty());
}

#[test]
fn qualifiers_map_to_bounds() {
    for (text, qualifier, low, high) in [
        (
            "It sent exactly 1,500 troops.",
            Qualifier::Exact,
            Some(1500.0),
            Some(1500.0),
        ),
        (
            "It sent about 1,500 troops.",
            Qualifier::Approximately,
            None,
            None,
        ),
        (
            "It sent around 1,500 troops.",
            Qualifier::Approximately,
            None,
            None,
        ),
        (
            "It sent nearly 1,500 troops.",
            Qualifier::Approximately,
            None,
            None,
        ),
        (
            "It sent an estimated 1,500 troops.",
            Qualifier::Approximately,
            None,
            None,
        ),
        (
            "It sent more than 1,500 troops.",
            Qualifier::MoreThan,
            Some(1500.0),
            None,
        ),
        (
            "It sent over 1,500 troops.",
            Qualifier::MoreThan,
            Some(1500.0),
            None,
        ),
        (
            "It sent upwards of 1,500 troops.",
            Qualifier::MoreThan,
            Some(1500.0),
            None,
        ),
        (
            "It sent at least 1,500 troops.",
            Qualifier::AtLeast,
            Some(1500.0),
            None,
        ),
        (
            "It sent 1,500 troops or more.",
            Qualifier::AtLeast,
            Some(1500.0),
            None,
        ),
        (
            "It sent fewer than 1,500 troops.",
            Qualifier::LessThan,
            None,
            Some(1500.0),
        ),
        (
            "It sent under 1,500 troops.",
            Qualifier::LessThan,
            None,
            Some(1500.0),
        ),
        (
            "It sent up to 1,500 troops.",
            Qualifier::UpTo,
            None,
            Some(1500.0),
        ),
        (
            "It sent as many as 1,500 troops.",
            Qualifier::UpTo,
            None,
            Some(1500.0),
        ),
        (
            "It sent no more than 1,500 troops.",
            Qualifier::UpTo,
            None,
            Some(1500.0),
        ),
    ] {
        let (_, q) = one(text);
        assert_eq!(
            (q.qualifier, q.low, q.high, q.value),
            (qualifier, low, high, 1500.0),
            "{text}"
        );
        assert_eq!(q.counted.as_deref(), Some("troops"), "{text}");
    }
    let (text, q) = one("The jet is louder than 100 decibels.");
    assert_eq!(
        (text.as_str(), q.qualifier, q.unit.as_deref()),
        ("louder than 100 decibels", Qualifier::MoreThan, Some("dB"))
    );
}

#[test]
fn changes_are_not_levels() {
    for text in [
        "Sales rose by 20% last year.",
        "Sales rose 20% last year.",
        "Sales fell 3.5 percent.",
        "They sent another 2,000 troops.",
        "They sent 2,000 more troops.",
        "It was a 5% increase.",
        "The index was up 82 points.",
        "The ministry cut spending by $200 million.",
    ] {
        assert!(one(text).1.change, "{text}");
    }
    let (_, q) = one("Profits doubled.");
    assert_eq!(
        (q.value, q.unit.as_deref(), q.change),
        (2.0, Some("times"), true)
    );
    for text in [
        "Unemployment rose to 7%.",
        "The firm cut 10,000 jobs.",
        "They sent 1,500 troops.",
    ] {
        assert!(!one(text).1.change, "{text}");
    }
}

#[test]
fn currencies_and_units_are_normalized() {
    for (text, unit, value) in [
        ("It costs $5.", "USD", 5.0),
        ("It costs US$6.8 billion.", "USD", 6.8e9),
        ("It costs €20 million.", "EUR", 2e7),
        ("It costs £3.2bn.", "GBP", 3.2e9),
        ("It costs 500 UAH.", "UAH", 500.0),
        ("It costs 5,000 hryvnias.", "UAH", 5000.0),
        ("It costs 1,200 roubles.", "RUB", 1200.0),
        ("It costs 40 Canadian dollars.", "CAD", 40.0),
        ("It costs 77 cents.", "USD", 0.77),
        ("It costs 3 million pounds.", "GBP", 3e6),
        ("The man weighs 300 pounds.", "lb", 300.0),
        ("The road is 120 km long.", "km", 120.0),
        ("The zone covers 18,000 square kilometres.", "km2", 18000.0),
        ("The car reached 80 km/h.", "km/h", 80.0),
        ("The lorry carried 40 tonnes.", "ton", 40.0),
        ("The plant makes 84 MW.", "MW", 84.0),
    ] {
        let (_, q) = one(text);
        assert_eq!(q.unit.as_deref(), Some(unit), "{text}");
        assert!(close(q.value, value), "{text}: {}", q.value);
        assert_eq!(q.counted, None, "{text}");
    }
}

#[test]
fn counted_phrase_stops_at_prepositions_verbs_and_punctuation() {
    for (text, counted) in [
        (
            "It sent 1,500 special forces troops to Russia.",
            "special forces troops",
        ),
        (
            "About 11,000 North Korean infantry troops are training.",
            "North Korean infantry troops",
        ),
        ("Some 20 people died in the attack.", "people"),
        ("Police arrested 30 armed men, officials said.", "armed men"),
        (
            "It freed the 10 remaining hostages yesterday.",
            "remaining hostages",
        ),
        ("Dozens of civilians were killed.", "civilians"),
        ("It has 5,000 of its soldiers there.", "its soldiers"),
        ("A 5,000-strong force arrived.", "force"),
        ("The 27-nation bloc agreed.", "nation"),
    ] {
        let (_, q) = one(text);
        assert_eq!(q.counted.as_deref(), Some(counted), "{text}");
        let span = q.counted_span.unwrap();
        assert_eq!(&text[span.start..span.end], counted);
    }
}

#[test]
fn scope_comes_from_the_clause_timex() {
    let text =
        "On 17 October, officials said that 500 drones were launched since the start of the year.";
    let doc = Document::new(text, Metadata::default());
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        Timex {
            span: Span::new(start, start + s.len()),
            ttype: TimexType::Date,
            value: "X".into(),
            modifier: None,
            interval: None,
            rule: "",
        }
    };
    let timexes = [at("17 October"), at("the start of the year")];
    let found = QuantityTagger::new().tag(&doc, &timexes);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].scope, Some(1));
    // a figure never overlaps a timex it was given
    let timexes = [at("500 drones")];
    assert!(QuantityTagger::new()
        .tag(&doc, &timexes)
        .iter()
        .all(|q| !q.span.overlaps(timexes[0].span)));
}

#[test]
fn not_quantities() {
    for text in [
        "On 8 October 2024 the ministry spoke.",
        "The meeting starts at 10:30 and ends at 5pm.",
        "It happened in 2019 and again in the 1990s.",
        "Call +44 20 7946 0958 for details.",
        "Call 555-1234 for details.",
        "He lives at 10 Downing Street.",
        "Flight 17 was shot down.",
        "Article 5 of the treaty applies.",
        "The Shahed-136, the F-16, the A320 and the S-400 were shown.",
        "Boeing 737 jets were grounded.",
        "The 787 Dreamliner flew.",
        "Apple released iOS 5.1 and Safari 4.0.",
        "The FTSE 100 and the S&P 500 fell.",
        "Force protection is my number one priority.",
        "Barra, 51, will lead the firm.",
        "He died aged 56.",
        "The boy was a 14-year-old student.",
        "They talked for three years.",
        "Dozens is an estimate.[2]",
        "No one came, and one of them left.",
        "Coordinates: 33°47′N 44°30′E.",
    ] {
        let found = figures(text);
        let real: Vec<_> = found.iter().filter(|(t, _)| t != "Dozens").collect();
        assert!(real.is_empty(), "{text:?}: {real:#?}");
    }
}

#[test]
fn a_tally_is_two_counts() {
    let found = figures("The vote was 52-35 in favour.");
    let got: Vec<(&str, f64)> = found.iter().map(|(t, q)| (t.as_str(), q.value)).collect();
    assert_eq!(got, [("52", 52.0), ("35", 35.0)]);
}

#[test]
fn restatements_share_qualifiers() {
    let found = figures("It holds up to 160GB or 40,000 songs.");
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].1.qualifier, Qualifier::UpTo);
    let found = figures("Clock speeds are 1.83 and 2 GHz.");
    assert_eq!(found[0].1.unit.as_deref(), Some("GHz"));
}

#[test]
fn unit_names_normalize_as_the_tagger_names_them() {
    use claimtrail_quantity::normalize_unit;
    let n = |s: &str| normalize_unit(s);
    assert_eq!(n("dollars").as_deref(), Some("USD"));
    assert_eq!(n("US$").as_deref(), Some("USD"));
    assert_eq!(n("£").as_deref(), Some("GBP"));
    assert_eq!(n("cents").as_deref(), Some("cent"));
    assert_eq!(n("per cent").as_deref(), Some("percent"));
    assert_eq!(n("%").as_deref(), Some("percent"));
    assert_eq!(n("kilometres").as_deref(), Some("km"));
    assert_eq!(n("km2").as_deref(), Some("km2"));
    assert_eq!(n("Canadian dollars").as_deref(), Some("CAD"));
    assert_eq!(n("troops"), None);
}

#[test]
fn ranges_and_from_to_changes_expose_both_readings() {
    use claimtrail_quantity::Reading;
    let tag = |s: &str| {
        let doc = Document::new(s, Metadata::default());
        QuantityTagger::new().tag(&doc, &[])
    };
    let q = tag("Attendance will be from 180 to 215 people.");
    assert_eq!(q.len(), 1);
    assert!(q[0].range);
    assert_eq!(
        q[0].alternative,
        Some(Reading::Levels {
            from: 180.0,
            to: 215.0
        })
    );
    let q = tag("Unemployment rose from 5% to 7% last year.");
    assert_eq!(q.len(), 2);
    let range = Some(Reading::Range {
        low: 5.0,
        high: 7.0,
    });
    assert_eq!((q[0].alternative, q[1].alternative), (range, range));
    let q = tag("The workforce grew from 180 to 215 staff.");
    let counted: Vec<_> = q.iter().map(|q| q.counted.as_deref()).collect();
    assert_eq!(counted, [Some("staff"), Some("staff")]);
    let q = tag("The company hired 40 people.");
    assert_eq!(q[0].alternative, None);
}
