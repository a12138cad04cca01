//! The event reader against serde's reading, on generated and unusual pieces.

use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::config::Config;
use crate::model::generate;
use crate::store::format::{Converter, FileDto};
use crate::store::write_commitments;

fn through_serde(text: &str, marks: &MarkSet) -> Vec<Commitment> {
    let dto: FileDto = toml::from_str(text).unwrap();
    let mut converter = Converter {
        file: Path::new("p"),
        text,
        marks,
        errors: Vec::new(),
    };
    let commitments = converter.commitments(dto.commitments);
    assert!(converter.errors.is_empty());
    commitments
}

#[test]
fn every_usual_commitment_reads_as_serde_reads_it() {
    let marks = Config::builtin().marks;
    let mut list: Vec<Commitment> = (generate::meeting(400, 11).commitments.into_iter())
        .map(std::sync::Arc::unwrap_or_clone)
        .collect();
    list[3].summary = Some("Résumé \"cité\" \\ \t 🇲🇦".into());
    list[4].history = list[5].observations.clone();
    list[6].last_discussed =
        chrono::NaiveDate::from_ymd_opt(2024, 2, 22).and_then(|d| d.and_hms_opt(11, 42, 7));
    list[7].observations.push(Observation {
        text: "dit par".into(),
        level: 1,
        by: Some("ACODEC".into()),
    });
    list[8].marks = vec![
        Mark::new("cancelled", MarkArg::Text("doublon".into())),
        Mark::new("merge", MarkArg::Commitment(9)),
        Mark::new("awaiting-fiche", MarkArg::None),
    ];
    let mut text = String::new();
    write_commitments(&mut text, &list, &marks);
    assert_eq!(
        commitments(&text, &marks),
        Some(through_serde(&text, &marks))
    );
}

#[test]
fn the_other_spellings_of_toml_read_the_same() {
    let marks = Config::builtin().marks;
    let text = "# a comment\n[[commitments]]   # another\nnumber = 0x1_0\n\
                'title' = 'Littérale \\ sans échappement'\n\
                institution = \"\"\"Sur\nplusieurs lignes\"\"\"\n\
                seconds_spent = 1_200\nlast_discussed = 2024-02-22 11:30:00\n\
                marks = [{ target = 3, id = \"merge\" },]\n\
                observations = [ { level = 1, text = \"e\\u0301\" } ]\n";
    let read = commitments(text, &marks).expect("a usual piece");
    assert_eq!(read, through_serde(text, &marks));
    assert_eq!(read[0].number, 16);
    // Text is normalised to NFC, as everywhere else.
    assert_eq!(read[0].observations[0].text, "é");
}

#[test]
fn anything_unusual_is_left_to_the_whole_parse() {
    let marks = Config::builtin().marks;
    let usual = "[[commitments]]\nnumber = 1\ntitle = \"T\"\n";
    assert!(commitments(usual, &marks).is_some());
    for unusual in [
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\ntitle = \"U\"\n",
        "[[commitments]]\nnumber = 1\ntitle.x = \"T\"\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\ncolour = \"red\"\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\n[commitments.sheet]\nproblem = \"p\"\n",
        "[[commitments]]\nnumber = true\ntitle = \"T\"\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\n",
        "title = \"T\"\n[[commitments]]\nnumber = 1\ntitle = \"T\"\n",
        "[[commitments]]\nnumber = 1\n",
        "[[commitments]]\nnumber = -1\ntitle = \"T\"\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nobservations = [{ level = 1 }]\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nobservations = [\"a\"]\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nobservations = [{ text = \"a\", text = \"b\" }]\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nmarks = [{ id = \"nope\" }]\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nmarks = [{ id = \"merge\", with = 3 }]\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nmarks = [{ id = \"no-remarks\", why = \"x\" }]\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nsummary = 3\n",
        "[[participants]]\norganization = \"O\"\n",
        "[[commitments.x]]\nnumber = 1\ntitle = \"T\"\n",
        "[[commitments]]\nnumber = 1\ntitle = \"T\"\nlast_discussed = 2024-02-22T11:30:00Z\n",
    ] {
        assert_eq!(commitments(unusual, &marks), None, "{unusual}");
    }
    let deep = format!("{usual}observations = {}", "[{ text = ".repeat(100_000));
    assert_eq!(commitments(&deep, &marks), None, "deep nesting");
}

proptest! {
    /// Whatever follows a commitment's number and title, the reader never panics, and
    /// what it accepts is what serde reads.
    #[test]
    fn any_piece_is_read_as_serde_reads_it_or_left_to_it(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("[[commitments]]\nnumber = 4\ntitle = \"U\"".to_owned()),
                Just("[commitments.sheet]".to_owned()),
                Just("institution = 'I'".to_owned()),
                Just("summary = \"\"\"S\nS\"\"\"".to_owned()),
                Just("seconds_spent = 1_0".to_owned()),
                Just("marks = [{ id = \"merge\", target = 2 }, { id = \"no-remarks\" }]".to_owned()),
                Just("observations = [{ text = \"o\", level = 1 }, { by = \"B\", text = \"p\" }]".to_owned()),
                Just("history = [{ text = \"h\" }".to_owned()),
                Just("]".to_owned()),
                Just("last_discussed = 2024-02-22T11:30:00".to_owned()),
                "[a-z_. =\"'\\{}\\[\\],0-9#-]{0,30}",
            ],
            0..8,
        ),
    ) {
        let marks = Config::builtin().marks;
        let text = format!("[[commitments]]\nnumber = 3\ntitle = \"T\"\n{}", lines.join("\n"));
        if let Some(read) = commitments(&text, &marks) {
            prop_assert_eq!(read, through_serde(&text, &marks));
        }
    }

    #[test]
    fn any_text_reads_back_as_serde_reads_it(
        title in "\\PC*",
        observation in any::<String>(),
        institution in "[\"\\\\'\\t\\n\\r a-zé🇲🇦]*",
    ) {
        let marks = Config::builtin().marks;
        let c = Commitment {
            number: 7,
            title: if title.trim().is_empty() { "t".into() } else { title },
            institution,
            observations: vec![Observation::new(observation, 0)],
            ..Commitment::default()
        };
        let mut text = String::new();
        write_commitments(&mut text, &[c], &marks);
        prop_assert_eq!(commitments(&text, &marks), Some(through_serde(&text, &marks)));
    }
}
