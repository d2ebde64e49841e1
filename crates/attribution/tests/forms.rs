//! Each quote form, speech pattern and stance family on small news sentences.
//! `run` tests the rules alone (the learned tagger is tested in model.rs).

use claimtrail_attribution::{Attribution, AttributionLayer, Attributor, Blend, Polarity, Stance};
use claimtrail_entities::{Entity, EntityLayer, EntityType, Mention, MentionKind};
use claimtrail_text::{Document, Metadata, Span};

fn run(text: &str) -> (Document, AttributionLayer) {
    let doc = Document::new(text, Metadata::default());
    let rules = Attributor::with(Blend::Rules, None).unwrap();
    let layer = rules.attribute(&doc, &EntityLayer::default());
    (doc, layer)
}

/// The attribution whose cue reads `cue`.
fn by_cue<'a>(doc: &Document, layer: &'a AttributionLayer, cue: &str) -> &'a Attribution {
    let found = layer.attributions.iter().find(|a| doc.slice(a.cue) == cue);
    found.unwrap_or_else(|| panic!("no cue {cue:?} in {:?}", summary(doc, layer)))
}

fn content<'a>(doc: &'a Document, a: &Attribution) -> Vec<&'a str> {
    a.content.iter().map(|c| doc.slice(*c)).collect()
}

fn source<'a>(doc: &'a Document, a: &Attribution) -> Option<&'a str> {
    a.source.map(|s| doc.slice(s))
}

fn summary(doc: &Document, layer: &AttributionLayer) -> Vec<String> {
    layer
        .attributions
        .iter()
        .map(|a| {
            format!(
                "{:?} {:?} {:?}",
                source(doc, a),
                doc.slice(a.cue),
                content(doc, a)
            )
        })
        .collect()
}

/// Source, cue and content of the only attribution of `text`.
fn only(text: &str) -> (Option<String>, String, Vec<String>, Stance, bool) {
    let (doc, layer) = run(text);
    assert_eq!(layer.attributions.len(), 1, "{:?}", summary(&doc, &layer));
    let a = &layer.attributions[0];
    let c = content(&doc, a).into_iter().map(String::from).collect();
    (
        source(&doc, a).map(String::from),
        doc.slice(a.cue).to_string(),
        c,
        a.stance,
        a.hedged,
    )
}

// ---- quote forms ----

#[test]
fn straight_and_curly_double_quotes() {
    let (src, cue, c, ..) = only("\"We won the vote,\" he said.");
    assert_eq!(
        (src.as_deref(), cue.as_str(), c),
        (Some("he"), "said", vec!["\"We won the vote,\"".to_string()])
    );
    let (src, _, c, ..) = only("“We won the vote,” the minister said on Monday.");
    assert_eq!(
        (src.as_deref(), c),
        (Some("the minister"), vec!["“We won the vote,”".to_string()])
    );
}

#[test]
fn single_quotes_guillemets_and_inverted_source() {
    let (src, cue, c, ..) = only("‘We will fight on,’ said Defence Minister Jan Novak.");
    assert_eq!(
        (src.as_deref(), cue.as_str()),
        (Some("Defence Minister Jan Novak"), "said")
    );
    assert_eq!(c, ["‘We will fight on,’"]);
    let (src, cue, c, ..) = only("The minister said: «We will not give up.»");
    assert_eq!(
        (src.as_deref(), cue.as_str(), c),
        (
            Some("The minister"),
            "said:",
            vec!["«We will not give up.»".to_string()]
        )
    );
}

#[test]
fn quotes_inside_quotes_are_one_quote() {
    let (doc, layer) = run("“He told me ‘never again’ and left,” she said.");
    assert_eq!(layer.quotes.len(), 1);
    assert_eq!(
        doc.slice(layer.quotes[0].span),
        "“He told me ‘never again’ and left,”"
    );
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "said")),
        ["“He told me ‘never again’ and left,”"]
    );
}

#[test]
fn multi_paragraph_quote_has_a_fragment_per_paragraph() {
    let (doc, layer) = run("The governor said: \"We will rebuild the bridge.\n\nIt will take two years.\"\n\nWork starts in May.");
    let a = by_cue(&doc, &layer, "said:");
    assert_eq!(
        content(&doc, a),
        ["\"We will rebuild the bridge.", "It will take two years.\""]
    );
    assert_eq!(a.quote, Some(0));
}

#[test]
fn label_introduced_quote_speaks_for_the_report_subject() {
    let text = "Mayor Ann Lee has called on residents to stay home.\n\nQuote: \"The storm is the worst in decades.\"";
    let doc = Document::new(text, Metadata::default());
    let span = |s: &str| {
        let a = text.find(s).unwrap();
        Span::new(a, a + s.len())
    };
    let ents = EntityLayer {
        entities: vec![Entity {
            canonical: "Ann Lee".into(),
            etype: EntityType::Person,
            role: None,
            role_span: None,
            country: None,
            mentions: vec![0],
        }],
        mentions: vec![Mention {
            span: span("Ann Lee"),
            kind: MentionKind::Name,
            entity: 0,
        }],
    };
    let layer = Attributor::new().attribute(&doc, &ents);
    let label = by_cue(&doc, &layer, "Quote:");
    assert_eq!(label.source, None);
    assert_eq!(label.speaker, Some(0));
    assert_eq!(
        content(&doc, label),
        ["\"The storm is the worst in decades.\""]
    );
    assert_eq!(layer.quotes[0].speaker, Some(0));
    assert_eq!(by_cue(&doc, &layer, "has called on").speaker, Some(0));
}

#[test]
fn quote_split_by_its_attribution_is_one_content() {
    let (src, _, c, ..) = only("\"We are ready,\" he said, \"and we will go.\"");
    assert_eq!(src.as_deref(), Some("he"));
    assert_eq!(c, ["\"We are ready,\"", "\"and we will go.\""]);
}

#[test]
fn quote_continued_in_the_next_sentence() {
    let (_, _, c, ..) = only("\"The vote was fair,\" said Smith. \"Nobody doubts it.\"");
    assert_eq!(c, ["\"The vote was fair,\"", "\"Nobody doubts it.\""]);
}

#[test]
fn headline_attribution() {
    let (doc, layer) =
        run("Zelenskyy: North Korea has joined the war\n\nThe president spoke on Sunday.");
    let a = by_cue(&doc, &layer, ":");
    assert_eq!(source(&doc, a), Some("Zelenskyy"));
    assert_eq!(content(&doc, a), ["North Korea has joined the war"]);
    let (doc, layer) = run("Talks have failed – Blinken\n\nThe envoy left Cairo.");
    assert_eq!(source(&doc, by_cue(&doc, &layer, "–")), Some("Blinken"));
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let (_, layer) = run("The so-called \"death grip\" hurt sales of the \"Apple\" brand.");
    assert!(layer.quotes.is_empty() && layer.attributions.is_empty());
}

#[test]
fn a_dateline_is_not_content_and_a_possessive_pronoun_not_the_speaker() {
    let (doc, layer) = run("LONDON, March 3 — A former aide appeared in court, prosecutors said.");
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "said")),
        ["A former aide appeared in court"]
    );
    assert_eq!(
        speaker_name(
            "John Parker denied the charges. His lawyer, Emma Stone, said the case was weak.",
            "said"
        )
        .as_deref(),
        Some("Emma Stone")
    );
}

#[test]
fn a_quantifier_opening_its_clause_is_a_source() {
    let (doc, layer) =
        run("Most economists expect a cut in June, though some warned inflation could persist.");
    let a = by_cue(&doc, &layer, "warned");
    assert_eq!(source(&doc, a), Some("some"));
    assert_eq!(content(&doc, a), ["inflation could persist"]);
    // a determiner before a noun is not a source on its own
    let (doc, layer) = run("Some reported attacks were never confirmed.");
    assert!(
        layer
            .attributions
            .iter()
            .all(|a| doc.slice(a.cue) != "reported"),
        "{:?}",
        summary(&doc, &layer)
    );
}

#[test]
fn signalling_is_reporting() {
    let (doc, layer) = run("The central bank signaled it still expects to cut rates.");
    let a = by_cue(&doc, &layer, "signaled");
    assert_eq!(content(&doc, a), ["it still expects to cut rates"]);
}

#[test]
fn a_lowercase_title_with_a_cue_word_is_part_of_the_source() {
    let (doc, layer) = run(
        "\"These tariffs are about fairness,\" press secretary Karine Jean-Pierre told reporters.",
    );
    let a = by_cue(&doc, &layer, "told");
    assert_eq!(source(&doc, a), Some("press secretary Karine Jean-Pierre"));
    // and a few quoted words of manner after speech to come are no statement
    let (doc, layer) =
        run("The minister said Ottawa would respond \"swiftly and firmly\" to the tariffs.");
    let cues: Vec<&str> = layer
        .attributions
        .iter()
        .map(|a| doc.slice(a.cue))
        .collect();
    assert_eq!(cues, ["said"]);
}

#[test]
fn appearing_in_court_is_no_hedge() {
    let (doc, layer) = run("A former aide appeared in court on Tuesday, prosecutors said.");
    assert!(!by_cue(&doc, &layer, "said").hedged);
    let (doc, layer) = run("The aide appeared to have left, prosecutors said.");
    assert!(by_cue(&doc, &layer, "said").hedged);
}

#[test]
fn a_possessive_after_the_addressee_opens_the_content() {
    let (doc, layer) = run("The lawyer told the court her client \"never shared any files\".");
    let a = by_cue(&doc, &layer, "told the court");
    assert_eq!(content(&doc, a), ["her client \"never shared any files\""]);
}

#[test]
fn according_to_a_document_by_its_author() {
    let (doc, layer) =
        run("According to a report by the care regulator, at least 14 patients died.");
    let a = by_cue(&doc, &layer, "According to");
    assert_eq!(source(&doc, a), Some("a report by the care regulator"));
    assert_eq!(content(&doc, a), ["at least 14 patients died"]);
}

#[test]
fn a_plural_noun_in_a_coordination_is_no_cue() {
    let (doc, layer) =
        run("The rules cover research or scientific notes and findings that have no conclusion.");
    assert!(layer.attributions.is_empty(), "{:?}", summary(&doc, &layer));
    let (doc, layer) = run("The ministry notes and regrets that the talks failed.");
    assert!(
        !layer.attributions.is_empty(),
        "{:?}",
        summary(&doc, &layer)
    );
}

#[test]
fn a_that_clause_of_a_noun_is_not_the_content_of_a_cue_before_it() {
    // "posts" is a noun here; the clause belongs to "pretext"
    let (doc, layer) =
        run("The gunners fired at border posts under the pretext that the army had fired first.");
    assert!(layer.attributions.is_empty(), "{:?}", summary(&doc, &layer));
    // a phrase without such a noun still leads to the content
    let (doc, layer) = run("The ministry says in a statement that the talks failed.");
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "says")),
        ["the talks failed"]
    );
}

/// The speaker's canonical name of the attribution whose cue reads `cue`,
/// with the real entity layer.
fn speaker_name(text: &str, cue: &str) -> Option<String> {
    let doc = Document::new(text, Metadata::default());
    let ents = claimtrail_entities::EntityRecognizer::new().recognize(&doc);
    let layer = Attributor::new().attribute(&doc, &ents);
    let a = by_cue(&doc, &layer, cue);
    a.speaker.map(|e| ents.entities[e].canonical.clone())
}

#[test]
fn the_person_after_a_title_and_its_place_is_the_speaker() {
    assert_eq!(
        speaker_name(
            "Kremlin spokesman Dmitry Peskov told reporters the strikes hit only military targets.",
            "told reporters"
        )
        .as_deref(),
        Some("Dmitry Peskov")
    );
    assert_eq!(
        speaker_name(
            "Ukrainian Prime Minister Denys Shmyhal said the grid was damaged.",
            "said"
        )
        .as_deref(),
        Some("Denys Shmyhal")
    );
    // without a person, the possessor is not the speaker when a name follows it
    let nis = speaker_name(
        "South Korea's National Intelligence Service said 1,500 troops had been sent.",
        "said",
    );
    assert_eq!(nis.as_deref(), Some("National Intelligence Service"));
}

#[test]
fn an_agency_or_officials_of_a_state_are_not_the_state() {
    for (text, written) in [
        (
            "Britain's foreign intelligence service said the plot had failed.",
            "Britain's foreign intelligence service",
        ),
        (
            "U.S. officials said the talks had stalled.",
            "U.S. officials",
        ),
        (
            "Russia's foreign ministry said the ships had left port.",
            "Russia's foreign ministry",
        ),
    ] {
        let doc = Document::new(text, Metadata::default());
        let ents = claimtrail_entities::EntityRecognizer::new().recognize(&doc);
        let layer = Attributor::new().attribute(&doc, &ents);
        let a = by_cue(&doc, &layer, "said");
        // the source names the body; no entity stands for it, and the state is not the speaker
        assert_eq!(source(&doc, a), Some(written), "{text}");
        let name = a.speaker.map(|e| ents.entities[e].canonical.clone());
        assert_eq!(name, None, "{text}");
    }
}

#[test]
fn a_pronoun_source_is_the_nearest_compatible_earlier_source() {
    // "He" is the nearest earlier person speaker, not the first one named
    let text = "Anna Berg said the searches had ended. Karl Weiss said the case was closed. \
                He added that the files were complete.";
    assert_eq!(speaker_name(text, "added").as_deref(), Some("Karl Weiss"));
    // "it" takes the phrase of the nearest earlier source that is not a person
    let text = "The prosecutor's office said the searches had ended. \
                It added that the files were complete.";
    let doc = Document::new(text, Metadata::default());
    let ents = claimtrail_entities::EntityRecognizer::new().recognize(&doc);
    let layer = Attributor::new().attribute(&doc, &ents);
    let a = by_cue(&doc, &layer, "added");
    assert_eq!(
        a.antecedent.map(|s| doc.slice(s)),
        Some("The prosecutor's office")
    );
    // a relative pronoun stands for the noun phrase before its comma
    let text = "US officials, who spoke on condition of anonymity, said the talks had stalled.";
    let doc = Document::new(text, Metadata::default());
    let ents = claimtrail_entities::EntityRecognizer::new().recognize(&doc);
    let layer = Attributor::new().attribute(&doc, &ents);
    let a = by_cue(&doc, &layer, "said");
    let named = a.antecedent.or(a.source).map(|s| doc.slice(s));
    assert!(
        named.is_some_and(|n| n.contains("US officials")),
        "{named:?}"
    );
}

#[test]
fn a_participle_after_the_source_leaves_the_content_before_it() {
    let (doc, layer) = run(
        "Russia launched 188 drones overnight, the air force said on Tuesday, adding that 76 had been shot down.",
    );
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "said")),
        ["Russia launched 188 drones overnight"]
    );
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "adding")),
        ["76 had been shot down"]
    );
    // a new clause after the source is not content
    let (doc, layer) =
        run("Russia has lost 12,000 troops, the staff said, while Moscow put its losses at 2,000.");
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "said")),
        ["Russia has lost 12,000 troops"]
    );
    // any participle clause after the source: the content is still before it
    let (doc, layer) = run(
        "Russia launched about 200 drones, the air force said on Wednesday, revising its earlier count.",
    );
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "said")),
        ["Russia launched about 200 drones"]
    );
}

#[test]
fn speech_to_come_about_a_thing_is_not_a_claim() {
    let (doc, layer) =
        run("Officials said the government would announce a new aid package next week.");
    let cues: Vec<&str> = layer
        .attributions
        .iter()
        .map(|a| doc.slice(a.cue))
        .collect();
    assert_eq!(cues, ["said"]);
    // with a clause it still reports
    let (doc, layer) = run("The minister will announce that the border is closed.");
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "will announce")),
        ["the border is closed"]
    );
}

#[test]
fn the_report_itself_withholds_confirmation() {
    for (text, cue, what) in [
        (
            "It was not possible to independently confirm the claim.",
            "It was not possible to independently confirm",
            "the claim",
        ),
        (
            "The figure could not be independently verified.",
            "could not be independently verified",
            "The figure",
        ),
    ] {
        let (doc, layer) = run(text);
        let a = by_cue(&doc, &layer, cue);
        assert_eq!(a.stance, Stance::CannotConfirm, "{text}");
        assert_eq!((a.source, content(&doc, a)), (None, vec![what]), "{text}");
    }
    // an affirmative passive is no claim, and "possible to confirm" is not withheld
    let (_, layer) = run("The figure was verified. It was possible to confirm the claim.");
    assert!(layer.attributions.is_empty());
}

#[test]
fn agreeing_to_something_is_an_act() {
    let (doc, layer) =
        run("The two sides agreed to a ceasefire that would take effect on Wednesday.");
    assert!(layer.attributions.is_empty(), "{:?}", summary(&doc, &layer));
    let (doc, layer) = run("The leaders agreed that the talks should continue.");
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "agreed")),
        ["the talks should continue"]
    );
}

#[test]
fn a_name_in_apposition_is_the_speaker() {
    assert_eq!(
        speaker_name(
            "A senior Hezbollah official, Mahmoud Qmati, told Al Jazeera the group had not seen the text.",
            "told Al Jazeera"
        )
        .as_deref(),
        Some("Mahmoud Qmati")
    );
}

#[test]
fn an_addressee_and_a_time_after_the_cue_leave_the_content_before_it() {
    let (doc, layer) =
        run("Boeing will lay off 17,000 workers, the chief executive told employees on Friday.");
    let a = by_cue(&doc, &layer, "told employees");
    assert_eq!(content(&doc, a), ["Boeing will lay off 17,000 workers"]);
    let (doc, layer) = run("The plant will close, the manager told staff in a memo on Monday.");
    let a = by_cue(&doc, &layer, "told staff");
    assert_eq!(content(&doc, a), ["The plant will close"]);
}

#[test]
fn asking_someone_to_act_is_an_urge() {
    for (text, cue, what) in [
        (
            "The envoy asked the governments of the region not to turn away the boats.",
            "asked",
            "the governments of the region not to turn away the boats",
        ),
        (
            "Several towns have started asking schools to pay the tax.",
            "have started asking",
            "schools to pay the tax",
        ),
    ] {
        let (doc, layer) = run(text);
        let a = by_cue(&doc, &layer, cue);
        assert_eq!(a.stance, Stance::Urge, "{text}");
        assert_eq!(content(&doc, a), [what], "{text}");
    }
    // asking a question is still reported speech
    let (doc, layer) = run("Reporters asked whether the talks would resume.");
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "asked")),
        ["whether the talks would resume"]
    );
}

#[test]
fn a_company_named_by_its_domain_is_a_source() {
    let (doc, layer) =
        run("The security firm Secunia.com has said that the browser has 277 flaws.");
    let a = by_cue(&doc, &layer, "has said");
    assert_eq!(source(&doc, a), Some("The security firm Secunia.com"));
}

#[test]
fn quoted_as_saying_and_went_on_to_say() {
    for (text, who) in [
        (
            "The agency quoted the minister as saying that the talks had failed.",
            "the minister",
        ),
        (
            "The minister was quoted as saying that the talks had failed.",
            "The minister",
        ),
        (
            "The minister went on to say that the talks had failed.",
            "The minister",
        ),
    ] {
        let (doc, layer) = run(text);
        assert_eq!(layer.attributions.len(), 1, "{:?}", summary(&doc, &layer));
        let a = &layer.attributions[0];
        assert_eq!(source(&doc, a), Some(who), "{text}");
        assert_eq!(content(&doc, a), ["the talks had failed"], "{text}");
    }
}

#[test]
fn a_quote_after_a_colon_is_a_statement_of_its_own() {
    let (doc, layer) = run(
        "The prime minister said an update was coming: \"We are working to bring forward the plan.\"",
    );
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "said")),
        ["an update was coming"]
    );
    let colon = by_cue(&doc, &layer, ":");
    assert_eq!(source(&doc, colon), Some("The prime minister"));
    assert_eq!(
        content(&doc, colon),
        ["\"We are working to bring forward the plan.\""]
    );
}

#[test]
fn a_quote_before_quoted_as_saying() {
    let (doc, layer) =
        run("\"We do not need to buy aircraft,\" the agency quoted the minister as saying.");
    let a = by_cue(&doc, &layer, "as saying");
    assert_eq!(source(&doc, a), Some("the minister"));
    assert_eq!(content(&doc, a), ["\"We do not need to buy aircraft,\""]);
    // a negated need is a statement (of negative polarity), not a call
    assert_eq!(a.stance, Stance::Deny);
    assert_eq!(a.polarity, Polarity::Negative);
}

// ---- speech patterns ----

#[test]
fn said_that_and_said_without_that() {
    let (src, cue, c, ..) = only("The army said that it had taken the town.");
    assert_eq!(
        (src.as_deref(), cue.as_str(), c),
        (
            Some("The army"),
            "said",
            vec!["it had taken the town".to_string()]
        )
    );
    let (_, _, c, ..) = only("Police said the suspect had fled.");
    assert_eq!(c, ["the suspect had fled"]);
}

#[test]
fn according_to_before_and_after() {
    let (src, cue, c, ..) = only("According to the health ministry, 40 people died.");
    assert_eq!(
        (src.as_deref(), cue.as_str(), c),
        (
            Some("the health ministry"),
            "According to",
            vec!["40 people died".to_string()]
        )
    );
    let (src, _, c, ..) = only("Forty people died, according to officials.");
    assert_eq!(
        (src.as_deref(), c),
        (Some("officials"), vec!["Forty people died".to_string()])
    );
}

#[test]
fn told_reporters_keeps_the_addressee_in_the_cue() {
    let (src, cue, c, ..) = only("The general told reporters that the offensive had stalled.");
    assert_eq!(
        (src.as_deref(), cue.as_str(), c),
        (
            Some("The general"),
            "told reporters",
            vec!["the offensive had stalled".to_string()]
        )
    );
}

#[test]
fn possessive_office_after_the_content() {
    let (src, _, c, ..) = only("The meeting was cancelled, the mayor's office said.");
    assert_eq!(
        (src.as_deref(), c),
        (
            Some("the mayor's office"),
            vec!["The meeting was cancelled".to_string()]
        )
    );
}

#[test]
fn relative_clause_and_appositive_of_the_source() {
    let (src, ..) = only("Maria Silva, who leads the union, said the strike would go on.");
    assert_eq!(src.as_deref(), Some("Maria Silva"));
    let (src, ..) = only("Maria Silva, head of the union, said the strike is over.");
    assert_eq!(src.as_deref(), Some("Maria Silva, head of the union"));
}

#[test]
fn passive_with_an_agent() {
    let (src, cue, c, ..) = only("It was announced by the central bank that rates would rise.");
    assert_eq!(
        (src.as_deref(), cue.as_str(), c),
        (
            Some("the central bank"),
            "was announced",
            vec!["rates would rise".to_string()]
        )
    );
}

#[test]
fn agentless_raising_passive() {
    let (src, cue, c, stance, _) = only("The plant is expected to create 2,000 jobs.");
    assert_eq!(
        (src, cue.as_str(), stance),
        (None, "is expected", Stance::Predict)
    );
    assert_eq!(c, ["The plant", "to create 2,000 jobs"]);
}

#[test]
fn noun_phrase_complement() {
    let (_, cue, c, stance, _) =
        only("On 14 October, Zelenskyy declared North Korea's direct involvement in the war.");
    assert_eq!((cue.as_str(), stance), ("declared", Stance::Assert));
    assert_eq!(c, ["North Korea's direct involvement in the war"]);
}

#[test]
fn shared_subject_across_coordinated_cues() {
    let (doc, layer) = run("The minister announced new sanctions, urging allies to follow.");
    let announced = by_cue(&doc, &layer, "announced");
    assert_eq!(content(&doc, announced), ["new sanctions"]);
    let urging = by_cue(&doc, &layer, "urging");
    assert_eq!(
        (source(&doc, urging), urging.stance),
        (Some("The minister"), Stance::Urge)
    );
    assert_eq!(content(&doc, urging), ["allies to follow"]);
}

#[test]
fn nested_attribution_sets_the_parent() {
    let (doc, layer) =
        run("The envoy said he could not confirm reports that the talks had failed.");
    let inner = by_cue(&doc, &layer, "could not confirm");
    let outer = layer
        .attributions
        .iter()
        .position(|a| doc.slice(a.cue) == "said")
        .unwrap();
    assert_eq!(inner.parent, Some(outer));
    assert_eq!(content(&doc, inner), ["reports that the talks had failed"]);
    // the outer claim reads as the inner one: the envoy cannot confirm
    assert_eq!(layer.attributions[outer].stance, Stance::CannotConfirm);
}

#[test]
fn statement_introduced_by_said_colon() {
    let (doc, layer) = run("The Foreign Secretary said:\n\nWe condemn the attack.\n\nWe stand with the victims.\n\nSmith said the talks would resume.");
    let a = by_cue(&doc, &layer, "said:");
    assert_eq!(
        content(&doc, a),
        ["We condemn the attack.", "We stand with the victims."]
    );
}

#[test]
fn reportedly_is_a_sourceless_hedged_cue() {
    let (src, cue, c, _, hedged) = only("The navy reportedly rescued 200 people.");
    assert_eq!((src, cue.as_str(), hedged), (None, "reportedly", true));
    assert_eq!(c, ["The navy", "rescued 200 people"]);
}

#[test]
fn non_reporting_uses_of_cue_words() {
    for text in [
        "The reported attack killed two people.",
        "The economy added 10,000 jobs in May.",
        "Reports of shelling could not be verified by the time of writing.",
        "He met the press at noon.",
        "Customer demand fell.",
    ] {
        let (doc, layer) = run(text);
        assert!(
            layer.attributions.is_empty(),
            "{text}: {:?}",
            summary(&doc, &layer)
        );
    }
}

// ---- stance ----

fn stance(text: &str) -> (Stance, bool) {
    let (.., s, h) = only(text);
    (s, h)
}

#[test]
fn stance_families() {
    assert_eq!(
        stance("The agency said the plant was safe."),
        (Stance::Assert, false)
    );
    assert_eq!(
        stance("The company confirmed that it had cut 500 jobs."),
        (Stance::Confirm, false)
    );
    assert_eq!(
        stance("Moscow denied that its troops had crossed the border."),
        (Stance::Deny, false)
    );
    assert_eq!(
        stance("The mayor urged residents to leave the city."),
        (Stance::Urge, false)
    );
    assert_eq!(
        stance("Analysts predicted that prices would fall."),
        (Stance::Predict, false)
    );
    assert_eq!(
        stance("The ministry stated that North Korea would likely send troops."),
        (Stance::Predict, true)
    );
}

#[test]
fn negation_turns_the_stance() {
    assert_eq!(
        stance("The Pentagon could not confirm that the troops had arrived."),
        (Stance::CannotConfirm, false)
    );
    assert_eq!(
        stance("The spokesman declined to confirm that the talks had failed."),
        (Stance::CannotConfirm, false)
    );
    assert_eq!(
        stance("The company did not deny that it had lost the data."),
        (Stance::Confirm, true)
    );
    assert_eq!(
        stance("The minister said it was false."),
        (Stance::Deny, false)
    );
    assert_eq!(
        stance("The spokesman declined to predict when the plant would reopen."),
        (Stance::CannotConfirm, false)
    );
    // a negated belief holds the negated content
    let (doc, layer) = run("\"I don't think it's going to happen,\" he said.");
    assert_eq!(by_cue(&doc, &layer, "don't think").stance, Stance::Predict);
    // the quote opens with the nested belief of the same speaker: it reads the same
    assert_eq!(by_cue(&doc, &layer, "said").stance, Stance::Predict);
}

#[test]
fn modality_and_hedges() {
    assert_eq!(
        stance("The union said the strike may have cost millions."),
        (Stance::Assert, true)
    );
    assert_eq!(
        stance("The union said the strike could spread."),
        (Stance::Predict, true)
    );
    assert_eq!(
        stance("Officials said Russia intends to deploy more troops."),
        (Stance::Assert, false)
    );
    assert_eq!(
        stance("Officials said Russia plans to deploy more troops."),
        (Stance::Predict, false)
    );
    assert_eq!(
        stance("Officials said Russia deployed more troops."),
        (Stance::Assert, false)
    );
    assert_eq!(
        stance("The envoy reportedly said that talks had failed."),
        (Stance::Assert, true)
    );
    assert_eq!(
        stance("The commissioner said the EU should act now."),
        (Stance::Urge, false)
    );
    assert_eq!(
        stance("Analysts believe the bank is sound."),
        (Stance::Assert, false)
    );
    let (doc, layer) = run("The ministry said there is no evidence that the vaccine is unsafe.");
    assert_eq!(
        by_cue(&doc, &layer, "there is no evidence").stance,
        Stance::CannotConfirm
    );
    assert_eq!(by_cue(&doc, &layer, "said").stance, Stance::CannotConfirm);
}

#[test]
fn content_that_negates_is_a_denial_with_negative_polarity() {
    for text in [
        "The company said no customer data had been taken.",
        "The minister said the army had not crossed the border.",
        "\"We knew nothing about the plan,\" the adviser said.",
        "Officials do not believe that the virus spread beyond the ward.",
    ] {
        let (doc, layer) = run(text);
        let a = layer
            .attributions
            .first()
            .unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            a.stance,
            Stance::Deny,
            "{text}: {:?}",
            summary(&doc, &layer)
        );
    }
    let (_, layer) = run("The company said no customer data had been taken.");
    assert_eq!(layer.attributions[0].polarity, Polarity::Negative);
    let (_, layer) = run("The company said customer data had been taken.");
    assert_eq!(layer.attributions[0].polarity, Polarity::Positive);
    // negation that affirms, and negation after a future marker
    assert_eq!(
        stance("\"There is no doubt that these were explosions,\" the expert said."),
        (Stance::Assert, false)
    );
    assert_eq!(
        stance("The union said the strike would not end soon."),
        (Stance::Predict, false)
    );
}

#[test]
fn every_attribution_says_why() {
    let (_, layer) = run("The company said no customer data had been taken.");
    let why = &layer.attributions[0].why;
    assert_eq!(why.first().map(String::as_str), Some("rules"), "{why:?}");
    assert!(why.iter().any(|w| w == "cue family: assert"), "{why:?}");
    assert!(why.iter().any(|w| w == "content negated"), "{why:?}");
    let (_, layer) = run("The company said customer data had been taken.");
    assert!(!layer.attributions[0]
        .why
        .iter()
        .any(|w| w == "content negated"));
}

#[test]
fn content_that_cannot_tell_withholds() {
    for text in [
        "Neither the regulator nor the union had verified the figures.",
        "The police said it was too early to draw conclusions.",
        "The minister said he had no information about the attackers.",
        "Officials said they did not know who carried out the attack.",
        "The agency said sabotage could not be ruled out.",
    ] {
        let (doc, layer) = run(text);
        let a = layer
            .attributions
            .first()
            .unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            a.stance,
            Stance::CannotConfirm,
            "{text}: {:?}",
            summary(&doc, &layer)
        );
    }
}

// ---- robustness ----

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) -> Result<(), TestCaseError> {
        let doc = Document::new(text, Metadata::default());
        let layer = Attributor::new().attribute(&doc, &EntityLayer::default());
        let valid = |s: Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let mut last = 0;
        for (i, a) in layer.attributions.iter().enumerate() {
            prop_assert!(!a.content.is_empty());
            for s in a.content.iter().chain(a.source.iter()).chain([&a.cue]) {
                prop_assert!(valid(*s), "bad span {:?}", s);
            }
            let start = a
                .content
                .iter()
                .chain(a.source.iter())
                .chain([&a.cue])
                .map(|s| s.start)
                .min()
                .unwrap();
            prop_assert!(start >= last, "not sorted");
            last = start;
            prop_assert!(a
                .parent
                .is_none_or(|p| p != i && p < layer.attributions.len()));
            prop_assert!(a.quote.is_none_or(|q| q < layer.quotes.len()));
        }
        for q in &layer.quotes {
            prop_assert!(valid(q.span) && !q.span.is_empty());
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
            check(&text)?;
        }

        #[test]
        fn newsy_text_never_panics(words in proptest::collection::vec(prop_oneof![
            Just("said"), Just("\""), Just("“"), Just("”"), Just("'"), Just("‘"), Just("’"), Just(","), Just("."),
            Just(":"), Just("\n\n"), Just("Quote:"), Just("according"), Just("to"), Just("he"), Just("Smith"),
            Just("that"), Just("could"), Just("not"), Just("confirm"), Just("is"), Just("expected"), Just("–"),
            Just("told"), Just("reporters"), Just("who"), Just("the"), Just("ministry"), Just("«"), Just("»"),
        ], 0..80)) {
            check(&words.join(" "))?;
        }
    }
}

#[test]
fn parc_spans_take_in_that_and_the_closing_mark() {
    let (doc, mut layer) = run("The ministry said that the talks had failed.");
    assert_eq!(
        content(&doc, &layer.attributions[0]),
        ["the talks had failed"]
    );
    claimtrail_attribution::to_parc_spans(&doc, &mut layer);
    assert_eq!(
        content(&doc, &layer.attributions[0]),
        ["that the talks had failed"]
    );
    let (doc, mut layer) = run("The mayor said the plan would “keep the port open.”");
    let before = content(&doc, &layer.attributions[0]).concat();
    claimtrail_attribution::to_parc_spans(&doc, &mut layer);
    let after = content(&doc, &layer.attributions[0]).concat();
    assert!(after.ends_with("open.”"), "{before:?} -> {after:?}");
    // a content without an open quotation keeps its end
    let (doc, mut layer) = run("Officials said the bridge was closed.");
    claimtrail_attribution::to_parc_spans(&doc, &mut layer);
    assert_eq!(
        content(&doc, &layer.attributions[0]),
        ["the bridge was closed"]
    );
}

#[test]
fn an_s_form_after_a_number_word_is_a_plural_noun() {
    for text in [
        "Eight states hold primaries on Tuesday.",
        "Voters in five states cast ballots.",
    ] {
        let (doc, layer) = run(text);
        assert!(
            layer.attributions.is_empty(),
            "{text}: {:?}",
            summary(&doc, &layer)
        );
    }
    let (doc, layer) = run("The ministry states that the border is closed.");
    assert_eq!(
        content(&doc, by_cue(&doc, &layer, "states")),
        ["the border is closed"]
    );
}
