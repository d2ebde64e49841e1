//! Recognition and normalization on short news sentences, anchored on
//! Sunday 2024-10-20 unless said otherwise.

use chrono::NaiveDate;
use claimtrail_text::{Document, Metadata};
use claimtrail_time::{TimeTagger, TimexMod, TimexType};

/// (text, type, value, mod) of every timex in `text`.
fn tag_on(
    text: &str,
    published: Option<NaiveDate>,
) -> Vec<(String, TimexType, String, Option<TimexMod>)> {
    let doc = Document::new(
        text,
        Metadata {
            published,
            ..Metadata::default()
        },
    );
    TimeTagger::new()
        .tag(&doc)
        .into_iter()
        .map(|t| (doc.slice(t.span).to_string(), t.ttype, t.value, t.modifier))
        .collect()
}

fn tag(text: &str) -> Vec<(String, TimexType, String, Option<TimexMod>)> {
    tag_on(text, NaiveDate::from_ymd_opt(2024, 10, 20))
}

/// The single timex of `text`: (extent, type, value).
fn one(text: &str) -> (String, TimexType, String) {
    let all = tag(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    let (s, t, v, _) = all.into_iter().next().unwrap();
    (s, t, v)
}

fn check(text: &str, extent: &str, ttype: TimexType, value: &str) {
    assert_eq!(
        one(text),
        (extent.to_string(), ttype, value.to_string()),
        "{text}"
    );
}

#[test]
fn weekdays_follow_the_tense() {
    check(
        "The ministry said on Tuesday that talks had failed.",
        "Tuesday",
        TimexType::Date,
        "2024-10-15",
    );
    check(
        "The talks will resume on Tuesday.",
        "Tuesday",
        TimexType::Date,
        "2024-10-22",
    );
    check(
        "The talks will resume on Tuesday night.",
        "Tuesday night",
        TimexType::Time,
        "2024-10-22TNI",
    );
    check(
        "Troops crossed the border on Sunday.",
        "Sunday",
        TimexType::Date,
        "2024-10-20",
    );
    check(
        "He met the envoy last Friday.",
        "last Friday",
        TimexType::Date,
        "2024-10-18",
    );
    check(
        "He meets the envoy next Friday.",
        "next Friday",
        TimexType::Date,
        "2024-10-25",
    );
    // without a publication date the week is unknown
    let all = tag_on("The talks will resume on Tuesday.", None);
    assert_eq!(all[0].2, "XXXX-WXX-2");
}

#[test]
fn calendar_dates() {
    check(
        "It was signed on 8 October 2023.",
        "8 October 2023",
        TimexType::Date,
        "2023-10-08",
    );
    check(
        "It was signed on Oct. 8, 2023, in Kyiv.",
        "Oct. 8, 2023",
        TimexType::Date,
        "2023-10-08",
    );
    check(
        "The plant closed on Tuesday, Oct. 8.",
        "Tuesday, Oct. 8",
        TimexType::Date,
        "2024-10-08",
    );
    check("Sales fell in March.", "March", TimexType::Date, "2024-03");
    check(
        "Sales fell in December.",
        "December",
        TimexType::Date,
        "2023-12",
    );
    check(
        "The deal closes in December.",
        "December",
        TimexType::Date,
        "2024-12",
    );
    check(
        "Prices rose in October 2008.",
        "October 2008",
        TimexType::Date,
        "2008-10",
    );
    check(
        "The report is dated 2024-10-08.",
        "2024-10-08",
        TimexType::Date,
        "2024-10-08",
    );
    check("The war began in 2022.", "2022", TimexType::Date, "2022");
    check(
        "Profits rose in the third quarter of 2023.",
        "the third quarter of 2023",
        TimexType::Date,
        "2023-Q3",
    );
    check(
        "Profits rose in the third quarter.",
        "the third quarter",
        TimexType::Date,
        "2024-Q3",
    );
    // a four-letter past ("died", "tied") sets past narration
    check(
        "Fourteen patients died in January.",
        "January",
        TimexType::Date,
        "2024-01",
    );
    // the quarter just ended, in the future tense: its results are to come
    check(
        "The company expects a loss for the third quarter.",
        "the third quarter",
        TimexType::Date,
        "2024-Q3",
    );
    check(
        "The plant will open in the second quarter.",
        "the second quarter",
        TimexType::Date,
        "2025-Q2",
    );
    check(
        "It was built in the 1990s.",
        "the 1990s",
        TimexType::Date,
        "199",
    );
    check(
        "It was built in the 20th century.",
        "the 20th century",
        TimexType::Date,
        "19",
    );
    check(
        "They met last summer.",
        "last summer",
        TimexType::Date,
        "2024-SU",
    );
    check(
        "They will meet on Christmas Eve.",
        "Christmas Eve",
        TimexType::Date,
        "2024-12-24",
    );
}

#[test]
fn relative_dates() {
    check(
        "Shelling resumed yesterday.",
        "yesterday",
        TimexType::Date,
        "2024-10-19",
    );
    check(
        "The vote is tomorrow.",
        "tomorrow",
        TimexType::Date,
        "2024-10-21",
    );
    check(
        "Prices fell last year.",
        "last year",
        TimexType::Date,
        "2023",
    );
    check(
        "Prices will fall next month.",
        "next month",
        TimexType::Date,
        "2024-11",
    );
    check(
        "Drones struck this week.",
        "this week",
        TimexType::Date,
        "2024-W42",
    );
    check(
        "They rested this weekend.",
        "this weekend",
        TimexType::Date,
        "2024-W42-WE",
    );
    check(
        "The plant opened two weeks ago.",
        "two weeks ago",
        TimexType::Date,
        "2024-10-06",
    );
    check(
        "The plant opened five years ago.",
        "five years ago",
        TimexType::Date,
        "2019",
    );
    check(
        "Sirens sounded last night.",
        "last night",
        TimexType::Time,
        "2024-10-19TNI",
    );
    check(
        "He spoke this morning.",
        "this morning",
        TimexType::Time,
        "2024-10-20TMO",
    );
    let all = tag("On 8 October the minister resigned. He left that night and returned the following morning.");
    assert_eq!(
        (all[1].2.as_str(), all[2].2.as_str()),
        ("2024-10-08TNI", "2024-10-09TMO")
    );
    let all = tag("It was founded in 1998 and went public a decade later.");
    assert_eq!(
        (all[1].0.as_str(), all[1].2.as_str()),
        ("a decade later", "2008")
    );
    let all = tag("Sales fell in 2009, after rising 3% the year before.");
    assert_eq!(
        (all[1].0.as_str(), all[1].2.as_str()),
        ("the year before", "2008")
    );
    assert_eq!(tag("The day before the vote, he resigned.").len(), 0);
    let all = tag("On 8 October the minister resigned. He left the country the next day.");
    assert_eq!(all[1].0, "the next day");
    assert_eq!(all[1].2, "2024-10-09");
}

#[test]
fn bounds_and_modifiers() {
    let all = tag("Exports fell in early June.");
    assert_eq!(all[0].0, "early June");
    assert_eq!(
        (all[0].2.as_str(), all[0].3),
        ("2024-06", Some(TimexMod::Start))
    );
    let all = tag("It will be ready by the end of the year.");
    assert_eq!(
        (all[0].0.as_str(), all[0].2.as_str(), all[0].3),
        ("the end of the year", "2024", Some(TimexMod::End))
    );
    let all = tag("The siege lasted more than two years.");
    assert_eq!(all[0].0, "more than two years");
    assert_eq!(
        (all[0].2.as_str(), all[0].3),
        ("P2Y", Some(TimexMod::MoreThan))
    );
    let all = tag("The navy may use the base for at least 20 more years.");
    assert_eq!(
        (all[0].0.as_str(), all[0].2.as_str(), all[0].3),
        (
            "at least 20 more years",
            "P20Y",
            Some(TimexMod::EqualOrMore)
        )
    );
    let all = tag("The blast happened at about 3:30 p.m.");
    assert_eq!(
        (all[0].0.as_str(), all[0].2.as_str(), all[0].3),
        (
            "about 3:30 p.m.",
            "2024-10-20T15:30",
            Some(TimexMod::Approx)
        )
    );
    let all = tag("At mid-afternoon yesterday, the shares were up.");
    assert_eq!(
        (all[0].0.as_str(), all[0].2.as_str(), all[0].3),
        (
            "mid-afternoon yesterday",
            "2024-10-19TAF",
            Some(TimexMod::Mid)
        )
    );
    let all = tag("Output grew by about 5% in mid-2023.");
    assert_eq!(
        (all[0].0.as_str(), all[0].2.as_str(), all[0].3),
        ("mid-2023", "2023", Some(TimexMod::Mid))
    );
}

#[test]
fn clock_times() {
    check(
        "The explosion happened at 6:40 p.m. local time.",
        "6:40 p.m. local time",
        TimexType::Time,
        "2024-10-20T18:40",
    );
    check(
        "Markets opened at 08:30 UTC.",
        "08:30 UTC",
        TimexType::Time,
        "2024-10-20T08:30Z",
    );
    check(
        "The curfew starts at midnight.",
        "midnight",
        TimexType::Time,
        "2024-10-20T24:00",
    );
    check(
        "He spoke at 10 am on 8 October."
            .replace(" on 8 October", "")
            .as_str(),
        "10 am",
        TimexType::Time,
        "2024-10-20T10:00",
    );
}

#[test]
fn clock_times_take_a_nearby_day() {
    // The day of the same sentence, else the anchor: not a date from far back.
    let all = tag(
        "The raid began on 8 October. Officials met later.\n\nTrading resumed at 9:30 a.m. EDT.",
    );
    assert_eq!(
        all.last().map(|t| t.2.as_str()),
        Some("2024-10-20T09:30-04")
    );
    let all = tag("The raid began at 6 a.m. on Tuesday.");
    assert_eq!(
        (all[0].2.as_str(), all[1].2.as_str()),
        ("2024-10-15T06:00", "2024-10-15")
    );
    let all = tag("On Tuesday the raid began at 6 a.m.");
    assert_eq!(all[1].2, "2024-10-15T06:00");
}

#[test]
fn durations() {
    check(
        "The strike lasted three days.",
        "three days",
        TimexType::Duration,
        "P3D",
    );
    check(
        "Talks went on for 12 hours.",
        "12 hours",
        TimexType::Duration,
        "PT12H",
    );
    check(
        "He served two and a half years.",
        "two and a half years",
        TimexType::Duration,
        "P2.5Y",
    );
    check(
        "Workers lost earning power in the last decade.",
        "the last decade",
        TimexType::Date,
        "201",
    );
    check(
        "Prices rose over the past decade.",
        "the past decade",
        TimexType::Duration,
        "P10Y",
    );
    check(
        "Prices doubled over the past five years.",
        "the past five years",
        TimexType::Duration,
        "P5Y",
    );
    check(
        "They signed a five-year contract.",
        "five-year",
        TimexType::Duration,
        "P5Y",
    );
    check(
        "Fighting has raged for years.",
        "years",
        TimexType::Duration,
        "PXY",
    );
    check(
        "Attacks have continued over the past few weeks.",
        "the past few weeks",
        TimexType::Duration,
        "PXW",
    );
    check(
        "Attacks rose in recent weeks.",
        "recent weeks",
        TimexType::Duration,
        "PXW",
    );
    check(
        "The plan will be spread over the next three quarters.",
        "the next three quarters",
        TimexType::Duration,
        "P9M",
    );
    check(
        "The job will take a week or so.",
        "a week or so",
        TimexType::Duration,
        "P1W",
    );
}

#[test]
fn sets() {
    check(
        "The drones were used daily.",
        "daily",
        TimexType::Set,
        "P1D",
    );
    check(
        "The council meets every week.",
        "every week",
        TimexType::Set,
        "P1W",
    );
    check(
        "The council meets twice a month.",
        "twice a month",
        TimexType::Set,
        "P1M",
    );
    let all = tag("Two flights will leave on Monday and Tuesday nights.");
    let found: Vec<(&str, &str)> = all.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        found,
        [
            ("Monday", "XXXX-WXX-1TNI"),
            ("Tuesday nights", "XXXX-WXX-2TNI")
        ]
    );
    assert!(all.iter().all(|t| t.1 == TimexType::Set));
    check(
        "The council meets every Monday.",
        "every Monday",
        TimexType::Set,
        "XXXX-WXX-1",
    );
    // Frequency adjectives TimeBank leaves untagged.
    for text in [
        "Qantas plans daily flights to Bombay.",
        "It cut its quarterly dividend.",
        "Average hourly earnings rose.",
    ] {
        assert!(tag(text).is_empty(), "{text}: {:?}", tag(text));
    }
    check(
        "The council meets three times a year.",
        "three times a year",
        TimexType::Set,
        "P1Y",
    );
    // Rates are quantities, not times (TimeBank leaves them untagged).
    for text in [
        "It costs $5 million a year.",
        "It will add four flights a week.",
        "The economy added 358,000 jobs a month.",
    ] {
        assert!(tag(text).is_empty(), "{text}: {:?}", tag(text));
    }
}

#[test]
fn vague_references() {
    check(
        "The border is now closed.",
        "now",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "The plant recently closed.",
        "recently",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "More troops may come in the future.",
        "the future",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "The border stays closed for the time being.",
        "the time being",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "They are not happy right now.",
        "right now",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "Markets hurt more these days.",
        "these days",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "There were sell programs in past years.",
        "past years",
        TimexType::Date,
        "PAST_REF",
    );
    // A stretch of unsaid length next to now, where something happens.
    check(
        "Rates have fallen in the last few months.",
        "the last few months",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "Talks will continue in the coming days.",
        "the coming days",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "The economy will slow in coming months.",
        "coming months",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "The budget will soon move into surplus.",
        "soon",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "It blamed the recent closing of a bakery.",
        "recent",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "Stereotypes reflect current realities.",
        "current",
        TimexType::Date,
        "PRESENT_REF",
    );
    for text in [
        "He will call as soon as he lands.",
        "It unveiled its most recent model.",
        "It sells its five current models.",
        "Women earn a living in today's world.",
        "He would have chosen the people of tomorrow.",
    ] {
        assert!(tag(text).is_empty(), "{text}: {:?}", tag(text));
    }
}

#[test]
fn numbers_that_are_not_times() {
    for text in [
        "North Korea sent 1,500 special forces troops.",
        "Ukraine received F-16 jets and Shahed-136 drones were shot down.",
        "The airline ordered 20 A320 aircraft and a Boeing 737.",
        "Russia sent 2000 troops to the border.",
        "A 51-year-old man was arrested.",
        "He said he was 51 years old.",
        "Three quarters of the staff left.",
        "The ministry may march on; this may change.",
        "Fighters marched toward the town in a second wave.",
        "The fall of the city shocked the region.",
        "The Sunday Times reported the deal.",
        "The Daily Mail reported the deal.",
        "Call 555 1212 for details.",
        "The storm moved at 60 miles an hour, gusting to 90 km per hour.",
        "She starred in Seven Days and A Month in the Country.",
        "Farmers planted winter wheat and ran a summer school.",
        "The index rose 125 points to 1,950.",
        "The yield on the 30-year Treasury bond fell and 10-year notes rose.",
    ] {
        assert!(tag(text).is_empty(), "{text}: {:?}", tag(text));
    }
}

#[test]
fn as_soon_as_possible_is_not_a_date() {
    assert!(tag("A war that must be ended justly and as soon as possible.").is_empty());
}

#[test]
fn title_case_headlines_keep_their_times() {
    let all = tag("Talks To Resume Next Week After Three Days Of Fighting");
    let found: Vec<&str> = all.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(found, ["Next Week", "Three Days"]);
}

#[test]
fn the_verb_before_an_adverbial_sets_its_tense() {
    // "will" governs "by March", not the participle after it.
    check(
        "Qantas will double its flights by March in the search for markets untouched by the crisis.",
        "March",
        TimexType::Date,
        "2025-03",
    );
    // A schedule in the present simple lies ahead.
    check(
        "The offer expires Friday.",
        "Friday",
        TimexType::Date,
        "2024-10-25",
    );
    // The present perfect tells of the past.
    let all = tag_on(
        "The stock has fluctuated, rising to a high in June from $29.75 in March.",
        NaiveDate::from_ymd_opt(1989, 10, 30),
    );
    assert_eq!(
        (all[0].2.as_str(), all[1].2.as_str()),
        ("1989-06", "1989-03")
    );
    // A clause boundary hands over to the nearest cue.
    check(
        "The minister, who resigned in March, will speak.",
        "March",
        TimexType::Date,
        "2024-03",
    );
}

#[test]
fn earnings_reports_compare_with_the_quarter_a_year_before() {
    let all = tag_on(
        "Travelers Corp.'s third-quarter net income rose 11%.\n\n\
         Net advanced to $94.2 million, up from $10 million a year ago. \
         Earnings fell 59% in the latest quarter, compared with a loss of $3 million last year. \
         In the year-ago quarter, the company reported net income of $1.9 million.",
        NaiveDate::from_ymd_opt(1989, 11, 2),
    );
    let found: Vec<(&str, &str)> = all.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        found,
        [
            ("third-quarter", "1989-Q3"),
            ("a year ago", "1988-Q3"),
            ("the latest quarter", "1989-Q3"),
            ("last year", "1988-Q3"),
            ("the year-ago quarter", "1988-Q3"),
        ]
    );
    let all = tag_on(
        "Net was $306 million, compared with a loss in the 1988 period. \
         Results included a charge in the 1988 second quarter.",
        NaiveDate::from_ymd_opt(1989, 11, 2),
    );
    let found: Vec<(&str, &str)> = all.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        found,
        [
            ("the 1988 period", "1988"),
            ("the 1988 second quarter", "1988-Q2")
        ]
    );
    let all = tag_on(
        "Sales fell 35% in January, compared to the same month a year ago. \
         It lost $2.2 billion in the third quarter of this year. \
         In the same period a year earlier, it had gained $700 million.",
        NaiveDate::from_ymd_opt(2009, 2, 3),
    );
    let found: Vec<(&str, &str)> = all.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        found,
        [
            ("January", "2009-01"),
            ("the same month a year ago", "2008-01"),
            ("the third quarter of this year", "2009-Q3"),
            ("the same period a year earlier", "2008-Q3"),
        ]
    );
    // Without a quarter in context, "a year ago" is the year before.
    check(
        "Prices rose from a year ago.",
        "a year ago",
        TimexType::Date,
        "2023",
    );
    // A quarter still to come is not the one reported on.
    let all = tag_on(
        "The quake will cost it in the fourth quarter. Sales rose from a year ago.",
        NaiveDate::from_ymd_opt(1989, 11, 2),
    );
    assert_eq!(all[1].2, "1988");
}

#[test]
fn ranges_mark_each_bound() {
    let found = |text: &str| -> Vec<(String, String)> {
        tag_on(text, NaiveDate::from_ymd_opt(1998, 2, 6))
            .into_iter()
            .map(|t| (t.0, t.2))
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    // "X to Y units": one expression at its lower bound (TimeBank).
    let all = tag_on(
        "Shipments will resume within two to three weeks.",
        NaiveDate::from_ymd_opt(1989, 10, 30),
    );
    assert_eq!(
        (all[0].0.as_str(), all[0].2.as_str(), all[0].3),
        ("two to three weeks", "P2W", Some(TimexMod::EqualOrMore))
    );
    // "between X and Y units": each bound (MEANTIME).
    assert_eq!(
        found("Approval takes between 60 and 90 days."),
        pairs(&[("60", "P60D"), ("90 days", "P90D")])
    );
    assert_eq!(
        found("Sales rose in 1996-97."),
        pairs(&[("1996", "1996"), ("97", "1997")])
    );
    assert_eq!(
        found("Women's Day is this coming Sunday, March eighth."),
        pairs(&[("this coming Sunday, March eighth", "1998-03-08")])
    );
    // The second end of a range follows the first.
    assert_eq!(
        found("The strike ran from November to January."),
        pairs(&[("November", "1997-11"), ("January", "1998-01")])
    );
    // An age is not a range of durations.
    assert!(found("Children two to three years old were vaccinated.").is_empty());
}
