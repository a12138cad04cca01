//! Key sequences through the real update function, as the secretary types them.

mod common;

use std::time::Duration;

use common::{app, current_number, press, type_text};
use copil::app::{Filter, Focus, Layer};
use copil::model::{Mark, MarkArg, Observation};

#[test]
fn arrows_and_vi_keys_walk_the_list() {
    let mut app = app();
    press(&mut app, "j j down");
    assert_eq!(current_number(&app), 4);
    press(&mut app, "k up");
    assert_eq!(current_number(&app), 2);
    press(&mut app, "G");
    assert_eq!(current_number(&app), 22);
    press(&mut app, "j");
    assert_eq!(current_number(&app), 22, "stays on the last");
    press(&mut app, "g");
    assert_eq!(current_number(&app), 1);
    press(&mut app, "end");
    assert_eq!(current_number(&app), 22);
    press(&mut app, "home");
    assert_eq!(current_number(&app), 1);
}

#[test]
fn colon_number_enter_goes_to_a_commitment() {
    let mut app = app();
    press(&mut app, ":");
    type_text(&mut app, "12");
    press(&mut app, "enter");
    assert_eq!(current_number(&app), 12);
    assert!(app.layers.is_empty());
    press(&mut app, ":");
    type_text(&mut app, "99");
    press(&mut app, "enter");
    assert!(matches!(app.layers.last(), Some(Layer::Prompt(p)) if p.error.is_some()));
    press(&mut app, "esc");
    assert_eq!(current_number(&app), 12);
}

#[test]
fn three_bullets_with_one_sub_bullet() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Ajouter les activités suivantes :");
    press(&mut app, "enter tab");
    type_text(&mut app, "Identification de la méthodologie");
    press(&mut app, "enter shift-tab");
    type_text(&mut app, "Détailler le calendrier des activités.");
    press(&mut app, "enter");
    assert!(
        app.editor().is_some(),
        "Enter on a typed bullet keeps the editor open"
    );
    press(&mut app, "enter");
    assert!(
        app.editor().is_some(),
        "Enter on an empty bullet never closes it"
    );
    press(&mut app, "esc");
    assert!(app.editor().is_none(), "Esc closes it");
    assert_eq!(
        app.meeting.commitments[0].observations,
        [
            Observation::new("Ajouter les activités suivantes :", 0),
            Observation::new("Identification de la méthodologie", 1),
            Observation::new("Détailler le calendrier des activités.", 0),
        ]
    );
    assert_eq!(app.revision, 3, "each committed bullet is a change to save");
}

#[test]
fn the_level_carries_to_the_next_bullet() {
    let mut app = app();
    press(&mut app, "enter");
    type_text(&mut app, "Activités :");
    press(&mut app, "enter tab");
    type_text(&mut app, "une");
    press(&mut app, "enter");
    type_text(&mut app, "deux");
    press(&mut app, "esc");
    let levels = common::levels(&app, 0);
    assert_eq!(levels, [0, 1, 1]);
}

#[test]
fn escape_commits_what_was_typed() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Texte à ne pas perdre");
    press(&mut app, "esc");
    assert!(app.layers.is_empty());
    assert_eq!(
        app.meeting.commitments[0].observations[0].text,
        "Texte à ne pas perdre"
    );
}

#[test]
fn ctrl_j_breaks_the_line_inside_a_bullet() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Exemple :");
    press(&mut app, "ctrl-j");
    type_text(&mut app, "publier des indicateurs");
    press(&mut app, "esc");
    assert_eq!(
        app.meeting.commitments[0].observations[0].text,
        "Exemple :\npublier des indicateurs"
    );
}

/// A terminal sends Esc then Enter as ESC CR, which also reads as Alt-Enter: the two keys
/// they were, however fast (no line break from a quick Esc, Enter).
#[test]
fn esc_then_enter_read_together_close_the_bullet_and_open_the_next() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "premier");
    press(&mut app, "alt-enter");
    type_text(&mut app, "second");
    press(&mut app, "esc");
    let texts = common::bullets(&app, 0);
    assert_eq!(texts, ["premier", "second"]);
    press(&mut app, "a");
    type_text(&mut app, "troisième");
    press(&mut app, "alt-tab");
    assert!(app.editor().is_none(), "Esc then Tab: closed, focus moved");
}

#[test]
fn edit_delete_indent_and_outdent_the_selected_observation() {
    let mut app = app();
    press(&mut app, "a");
    for text in ["un", "deux", "trois"] {
        type_text(&mut app, text);
        press(&mut app, "enter");
    }
    press(&mut app, "esc tab");
    assert_eq!(app.focus, Focus::Observations);
    assert_eq!(app.obs_selected, 2, "the last bullet typed is selected");
    press(&mut app, "k >");
    assert_eq!(app.meeting.commitments[0].observations[1].level, 1);
    press(&mut app, "<");
    assert_eq!(app.meeting.commitments[0].observations[1].level, 0);
    press(&mut app, "e");
    type_text(&mut app, " bis");
    press(&mut app, "esc");
    assert_eq!(app.meeting.commitments[0].observations[1].text, "deux bis");
    // Closing the editor gives j and k back to the list (no focus trap): Tab walks the
    // observations again, from the one just edited.
    assert_eq!(app.focus, Focus::List);
    press(&mut app, "tab");
    assert_eq!(app.obs_selected, 1);
    press(&mut app, "j d");
    let texts = common::bullets(&app, 0);
    assert_eq!(texts, ["un", "deux bis"]);
    press(&mut app, "u");
    assert_eq!(app.meeting.commitments[0].observations.len(), 3);
}

#[test]
fn each_simple_mark_toggles_on_and_off_and_undoes() {
    for (key, id) in [
        ("f", "awaiting-fiche"),
        ("r", "awaiting-remarks"),
        ("n", "no-remarks"),
        ("v", "retained"),
    ] {
        let mut app = app();
        press(&mut app, key);
        assert_eq!(
            app.meeting.commitments[0].marks,
            [Mark::new(id, MarkArg::None)]
        );
        assert!(app.meeting.commitments[0].is_reviewed());
        press(&mut app, key);
        assert!(
            app.meeting.commitments[0].marks.is_empty(),
            "{key} again removes it"
        );
        press(&mut app, "u");
        assert_eq!(
            app.meeting.commitments[0].marks.len(),
            1,
            "undo brings {id} back"
        );
        press(&mut app, "u");
        assert!(app.meeting.commitments[0].marks.is_empty());
        press(&mut app, "ctrl-r");
        assert_eq!(app.meeting.commitments[0].marks.len(), 1, "redo of {id}");
    }
}

#[test]
fn merge_8_with_9_through_the_fuzzy_picker() {
    let mut app = app();
    press(&mut app, ":");
    type_text(&mut app, "8");
    press(&mut app, "enter m");
    type_text(&mut app, "forums jeunesse");
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.commitments[7].marks,
        [Mark::new("merge", MarkArg::Commitment(9))]
    );
    press(&mut app, "f");
    assert_eq!(
        app.meeting.commitments[7].marks.len(),
        2,
        "several marks at once"
    );
    press(&mut app, "u u");
    assert!(app.meeting.commitments[7].marks.is_empty());
    press(&mut app, "ctrl-r");
    assert_eq!(
        app.meeting.commitments[7].marks,
        [Mark::new("merge", MarkArg::Commitment(9))]
    );
}

#[test]
fn the_merge_picker_does_not_offer_the_item_itself() {
    let mut app = app();
    press(&mut app, "m");
    let Some(Layer::Picker(picker)) = app.layers.last() else {
        panic!("no picker")
    };
    assert_eq!(picker.items.len(), 21);
    assert!(!picker.items.iter().any(|i| i.starts_with("1  ")));
}

#[test]
fn retitle_2_keeps_the_new_title_beside_the_old() {
    let mut app = app();
    press(&mut app, "j t");
    type_text(
        &mut app,
        "Consultation publique sur la modification du code de la presse et de l'édition",
    );
    press(&mut app, "enter");
    let c = &app.meeting.commitments[1];
    assert_eq!(
        c.title,
        "Renforcement de la liberté de presse et de publication"
    );
    assert_eq!(
        c.marks,
        [Mark::new(
            "retitle",
            MarkArg::Text(
                "Consultation publique sur la modification du code de la presse et de l'édition"
                    .into()
            )
        )]
    );
    press(&mut app, "u");
    assert!(app.meeting.commitments[1].marks.is_empty());
    press(&mut app, "ctrl-r");
    assert_eq!(app.meeting.commitments[1].marks.len(), 1);
}

#[test]
fn cancel_4_with_a_reason_and_an_empty_reason_is_refused() {
    let mut app = app();
    press(&mut app, ":");
    type_text(&mut app, "4");
    press(&mut app, "enter x enter");
    assert!(
        matches!(app.layers.last(), Some(Layer::Prompt(p)) if p.error.is_some()),
        "an empty reason is not accepted"
    );
    type_text(
        &mut app,
        "l'absence de lien direct avec les principes d'ouverture",
    );
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.commitments[3].marks,
        [Mark::new(
            "cancelled",
            MarkArg::Text("l'absence de lien direct avec les principes d'ouverture".into())
        )]
    );
    press(&mut app, "x");
    assert!(
        app.meeting.commitments[3].marks.is_empty(),
        "x again removes it"
    );
    press(&mut app, "u");
    assert_eq!(app.meeting.commitments[3].marks.len(), 1);
    press(&mut app, "esc x esc");
    assert_eq!(
        app.meeting.commitments[3].marks.len(),
        0,
        "x removed it; Esc left nothing"
    );
}

#[test]
fn search_ignores_accents_and_case_and_jumps() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "amazigh");
    press(&mut app, "enter");
    assert_eq!(current_number(&app), 5);
    press(&mut app, "/");
    type_text(&mut app, "MINISTERE DE JUSTICE ADALA");
    press(&mut app, "enter");
    assert_eq!(current_number(&app), 14);
    press(&mut app, "/");
    type_text(&mut app, "17");
    press(&mut app, "enter");
    assert_eq!(current_number(&app), 17);
}

#[test]
fn a_stock_phrase_becomes_an_observation() {
    let mut app = app();
    press(&mut app, "p");
    type_text(&mut app, "reformuler le titre");
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.commitments[0].observations,
        [Observation::new("Reformuler le titre.", 0)]
    );
}

#[test]
fn ctrl_p_inserts_a_phrase_at_the_cursor_of_the_editor() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Selon le comité : ");
    press(&mut app, "ctrl-p");
    type_text(&mut app, "detailler la solution");
    press(&mut app, "enter esc");
    assert_eq!(
        app.meeting.commitments[0].observations[0].text,
        "Selon le comité : Détailler la solution proposée."
    );
}

#[test]
fn filter_by_mark_by_institution_and_not_reviewed() {
    let mut app = app();
    press(&mut app, "f j f");
    press(&mut app, "F");
    type_text(&mut app, "mark fiche");
    press(&mut app, "enter");
    assert_eq!(app.filter, Filter::Mark("awaiting-fiche".into()));
    assert_eq!(app.view, [0, 1]);
    press(&mut app, "F");
    type_text(&mut app, "not yet");
    press(&mut app, "enter");
    assert_eq!(app.view.len(), 20);
    press(&mut app, "F");
    type_text(&mut app, "institution justice");
    press(&mut app, "enter");
    assert_eq!(app.view, [12, 13]);
    press(&mut app, "F");
    type_text(&mut app, "all");
    press(&mut app, "enter");
    assert_eq!(app.view.len(), 22);
}

#[test]
fn time_accumulates_on_the_current_item_only() {
    let mut app = app();
    press(&mut app, "ctrl-t");
    app.now += Duration::from_secs(90);
    press(&mut app, "j");
    app.now += Duration::from_secs(30);
    press(&mut app, "k");
    assert_eq!(app.meeting.commitments[0].seconds_spent, 90);
    assert_eq!(app.meeting.commitments[1].seconds_spent, 30);
    assert!(app.meeting.commitments[0].last_discussed.is_some());
    app.now += Duration::from_secs(5);
    assert_eq!(app.item_seconds(), 95, "shown while it runs");
}

#[test]
fn undo_never_takes_back_time_spent() {
    let mut app = app();
    press(&mut app, "f");
    assert!(
        app.clock_since.is_some(),
        "a mark on the review screen starts the call"
    );
    app.now += Duration::from_secs(40);
    press(&mut app, "j k u");
    assert!(app.meeting.commitments[0].marks.is_empty());
    assert_eq!(app.meeting.commitments[0].seconds_spent, 40);
}

#[test]
fn undo_brings_the_changed_item_back_into_view() {
    let mut app = app();
    press(&mut app, "j j f G u");
    assert_eq!(current_number(&app), 3);
}

#[test]
fn help_opens_and_closes() {
    let mut app = app();
    press(&mut app, "?");
    assert!(matches!(app.layers.last(), Some(Layer::Help { .. })));
    press(&mut app, "j esc");
    assert!(app.layers.is_empty());
}

#[test]
fn quit_asks_nothing() {
    let mut app = app();
    let effects = common::press_effects(&mut app, "q");
    assert!(effects.contains(copil::app::Effect::Quit));
}

#[test]
fn pasted_text_loses_control_characters_and_escape_sequences() {
    let mut app = app();
    press(&mut app, "a");
    let now = app.now;
    let _ = copil::app::handle_paste(&mut app, "Coller\u{1b}[31m rouge\u{7}\r\nligne", now);
    press(&mut app, "esc");
    // Two lines, two bullets.
    let texts = common::bullets(&app, 0);
    assert_eq!(texts, ["Coller[31m rouge", "ligne"]);
}

/// The focus trap of a real call: after editing a bullet from the observations pane and
/// closing with a double Enter, `j r j a` marks the next commitment and types on the one
/// after it.
#[test]
fn after_editing_a_bullet_j_walks_the_commitments_again() {
    let mut app = app();
    press(&mut app, "j j j j");
    assert_eq!(current_number(&app), 5);
    press(&mut app, "a");
    type_text(&mut app, "Premier point");
    press(&mut app, "enter esc tab e end");
    type_text(&mut app, " corrigé");
    press(&mut app, "enter");
    type_text(&mut app, "Encore un");
    press(&mut app, "enter esc");
    press(&mut app, "j r j a");
    type_text(&mut app, "Sur le septième");
    press(&mut app, "enter esc");
    let c = |n: u32| {
        app.meeting
            .commitments
            .iter()
            .find(|c| c.number == n)
            .unwrap()
    };
    let texts =
        |n: u32| -> Vec<String> { c(n).observations.iter().map(|o| o.text.clone()).collect() };
    assert_eq!(texts(5), ["Premier point corrigé", "Encore un"]);
    assert_eq!(c(6).marks[0].id, "awaiting-remarks");
    assert!(c(5).marks.is_empty());
    assert_eq!(texts(7), ["Sur le septième"]);
}
