//! The words of the screens and the command line, as a French secretary reads them.

mod common;

use std::process::Command;

use common::{app_in, press, screen_text, type_text, whole_meeting};
use copil::model::Language;

fn copil_fr(args: &[&str], home: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        .env("LC_ALL", "fr_FR.UTF-8")
        .env("HOME", home)
        .env("COPIL_CONFIG_DIR", home.join("config").join("copil"))
        .env("COPIL_DATA_DIR", home.join("data").join("copil"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_french_filter_title_names_the_mark_not_its_id() {
    let mut app = app_in(Language::Fr);
    press(&mut app, "F");
    type_text(&mut app, "fiche");
    press(&mut app, "enter");
    let screen = screen_text(&app, 100, 30);
    assert!(!screen.contains("awaiting-fiche"), "{screen}");
    assert!(screen.contains("En attente de fiche"), "{screen}");
}

#[test]
fn french_stats_name_the_missing_parts_of_a_sheet_in_french() {
    let home = tempfile::tempdir().unwrap();
    let text = copil_fr(&["stats", "sample-data/copil-2024-02-22.toml"], home.path());
    assert!(text.contains("problématique"), "{text}");
    assert!(!text.contains("lead_agency"), "{text}");
    assert!(text.contains("n° 1 : "), "{text}");
}

#[test]
fn french_config_init_speaks_french() {
    let home = tempfile::tempdir().unwrap();
    copil_fr(&["config", "init"], home.path());
    let written = std::fs::read_to_string(home.path().join("config/copil/config.toml")).unwrap();
    assert!(
        written.starts_with("# Configuration de copil."),
        "{written}"
    );
    assert!(
        written.contains("Engagement suivant"),
        "the keys' descriptions in French"
    );
    assert!(written.contains("# Phrases types : "), "{written}");
    assert!(!written.contains("Stock phrases"), "{written}");
}

#[test]
fn a_deadline_reads_with_the_french_space_and_a_representative_agrees() {
    let mut app = whole_meeting();
    app.config.ui_language = Language::Fr;
    press(&mut app, "4");
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("échéance : "), "{screen}");
    app.change_rest(|m| {
        m.participants[0].name = Some("Mme. Amina".into());
        m.participants[0].represented_by = Some("M. Karim".into());
    });
    press(&mut app, "1");
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("représentée par M. Karim"), "{screen}");
}

#[test]
fn the_demo_title_bar_keeps_the_count_at_80_columns() {
    let mut app = common::app();
    app.demo = true;
    let screen = screen_text(&app, 80, 24);
    let top = screen.lines().next().unwrap();
    assert!(top.contains("reviewed 0/22"), "{top}");
    assert!(top.contains("DEMO COPY"), "{top}");
}

#[test]
fn the_editor_never_starts_a_row_with_a_space_or_punctuation() {
    let text = "Préciser le lien avec la plateforme Chafafiya, où les citoyens déposent \
                leurs demandes d'accès à l'information ; « vraiment » ? Oui : 100 %.";
    for width in (80..=130).step_by(3) {
        let mut app = common::app();
        press(&mut app, "a");
        type_text(&mut app, text);
        let screen = screen_text(&app, width, 40);
        let rows: Vec<&str> = screen
            .lines()
            .skip_while(|l| !l.contains("New observation"))
            .skip(1)
            .take_while(|l| !l.contains('└'))
            .map(|l| {
                let inner = l.rsplit('│').nth(1).unwrap_or("");
                inner.trim_end()
            })
            .collect();
        assert!(rows.len() > 1, "{width}: {screen}");
        let shown = rows.join(" ");
        assert!(shown.contains("Chafafiya, où"), "{width}: {shown}");
        for row in &rows {
            let first = row.chars().next().unwrap_or('x');
            assert!(
                !matches!(first, ' ' | ',' | ';' | ':' | '?' | '!' | '»' | '%'),
                "{width}: {row:?}"
            );
            assert!(!row.ends_with('«'), "{width}: {row:?}");
        }
    }
}
