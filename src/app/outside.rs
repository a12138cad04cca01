//! Another program changed the meeting file: its change is merged into the state, never
//! overwritten. What both sides changed keeps our value and shows theirs where the
//! secretary sees it: a "⚠" observation on the commitment, or a "⚠" point for the rest.

use std::sync::Arc;

use super::effects::{Effect, Effects};
use super::layers::Layer;
use super::state::App;
use super::view::SaveStatus;
use crate::i18n::fill;
use crate::model::merge::{Conflict, Part, merge};
use crate::model::{Meeting, Observation, Point};

/// The file now holds `theirs`, written by another program: merge it into the state.
/// Returns a save when the merged meeting differs from the file.
pub fn absorb(app: &mut App, theirs: Meeting) -> Effects {
    let merged = merge(&app.base, &app.meeting, &theirs);
    let mut meeting = merged.meeting;
    show_conflicts(app, &mut meeting, &merged.conflicts);
    keep_dropped(app, &app.base, &app.meeting, &mut meeting);
    keep_sound(app, &mut meeting);
    let ui = app.ui();
    app.message = Some(if merged.conflicts.is_empty() {
        ui.merged_outside.to_owned()
    } else {
        fill(ui.merged_conflicts, &[&merged.conflicts.len()])
    });
    let differs = meeting != theirs;
    // Places are kept by number: commitments added or removed outside move the indices.
    let number = |m: &Meeting, i: usize| m.commitments.get(i).map(|c| c.number);
    let current = app.current().and_then(|i| number(&app.meeting, i));
    let editing: Vec<Option<u32>> = app
        .layers
        .iter()
        .map(|l| match l {
            Layer::Editor(e) => number(&app.meeting, e.state.commitment),
            _ => None,
        })
        .collect();
    // A commitment the secretary is typing on is never taken from under her: one another
    // program removed meanwhile stays, saying so.
    for n in editing.iter().flatten() {
        if meeting.position_of(*n).is_none()
            && let Some(c) = app.meeting.commitment_by_number(*n)
        {
            let mut kept = c.clone();
            let said = format!("⚠ {}", app.ui().conflict_removed);
            kept.observations.push(Observation::new(said, 0));
            let list = &mut meeting.commitments;
            let at = list
                .iter()
                .position(|x| x.number > *n)
                .unwrap_or(list.len());
            list.insert(at, std::sync::Arc::new(kept));
        }
    }
    let index = |n: u32| meeting.position_of(n);
    for (layer, n) in app.layers.iter_mut().zip(editing) {
        if let (Layer::Editor(e), Some(i)) = (layer, n.and_then(index)) {
            e.state.commitment = i;
        }
    }
    let current = current.and_then(index);
    app.base = Arc::new(theirs);
    app.meeting = Arc::new(meeting);
    app.held = None;
    app.quit_armed = false;
    app.refresh_view();
    if let Some(i) = current {
        app.select_commitment(i);
    }
    app.history.touch();
    if differs {
        app.revision += 1;
        Effect::Save.into()
    } else {
        app.save_status = SaveStatus::Saved;
        Effects::none()
    }
}

/// The file opened is not what copil last saved (`last`): an `older` version it knows is
/// replaced by `last`; one edited meanwhile is taken as it is, but the notes of `last` it
/// lacks stay, flagged, and time spent is never taken back. True when the state changed.
pub fn reopened(app: &mut App, last: Meeting, older: bool) -> bool {
    let ui = app.ui();
    let meeting = match older {
        true => last,
        false => {
            let mut meeting = merge(&last, &last, &app.meeting).meeting;
            keep_dropped(app, &last, &last, &mut meeting);
            keep_sound(app, &mut meeting);
            meeting
        }
    };
    if meeting == *app.meeting {
        return false;
    }
    app.message = Some(match older {
        true => ui.reopened_older.to_owned(),
        false => ui.reopened_kept.to_owned(),
    });
    app.meeting = Arc::new(meeting);
    app.refresh_view();
    app.revision += 1;
    true
}

/// The file changed outside and does not load: nothing is written over it until it loads
/// again or the secretary chooses to save over it.
pub fn unreadable(app: &mut App, why: String) {
    let ui = app.ui();
    let save = app.key(crate::keys::Mode::LIST, crate::keys::Action::Save);
    app.message = Some(format!("{why}\n{}", fill(ui.outside_broken_hint, &[&save])));
    app.held = Some(why);
}

/// Each conflict where the secretary sees it: on its commitment, or in a point of its own.
/// `ours`, made from `base`, merged onto the meeting as the file holds it now (the state
/// just opened): what changed in the file since `base` survives; what both changed keeps
/// ours and shows theirs as a conflict.
pub fn merged_onto_file(app: &App, base: &Meeting, ours: Meeting) -> Meeting {
    let merged = merge(base, &ours, &app.meeting);
    let mut meeting = merged.meeting;
    show_conflicts(app, &mut meeting, &merged.conflicts);
    keep_dropped(app, base, &ours, &mut meeting);
    keep_sound(app, &mut meeting);
    meeting
}

/// Notes the file held (`base`) that the other program's version dropped — a copy older
/// than them, edited, put back by a sync, an editor or by hand — are not deleted in
/// silence. A bullet removed (not rewritten: a colleague's correction is a change, merged
/// as such) stays, followed by a "⚠" line saying that another program removed it; a
/// commitment with observations removed stays, saying so. The secretary deletes them
/// (`d`, `D`) if that was meant.
fn keep_dropped(app: &App, base: &Meeting, ours: &Meeting, meeting: &mut Meeting) {
    let ui = app.ui();
    let flag = |text: &str| Observation::new(format!("⚠ {text}"), 0);
    for mine in &ours.commitments {
        let Some(written) = base.commitment_by_number(mine.number) else {
            continue;
        };
        let Some(at) = meeting.position_of(mine.number) else {
            if mine.observations.iter().any(|o| !o.text.starts_with('⚠')) {
                let mut kept = (**mine).clone();
                kept.observations.push(flag(ui.conflict_removed_notes));
                let list = &mut meeting.commitments;
                let at = list
                    .iter()
                    .position(|x| x.number > mine.number)
                    .unwrap_or(list.len());
                list.insert(at, std::sync::Arc::new(kept));
            }
            continue;
        };
        let now = &meeting.commitments[at].observations;
        // What the other program added: in neither the file as written nor ours.
        let added: Vec<&Observation> = now
            .iter()
            .filter(|o| !written.observations.contains(o) && !mine.observations.contains(o))
            .collect();
        // A text this bullet had before the secretary changed it, brought back: the copy is
        // older than her change, which stays.
        let (stale, added): (Vec<&Observation>, Vec<&Observation>) = added
            .into_iter()
            .partition(|a| app.history.replaced(mine.number, &a.text));
        let gone: Vec<Observation> = mine
            .observations
            .iter()
            .filter(|o| written.observations.contains(o))
            .filter(|o| !now.contains(o) && !o.text.starts_with('⚠'))
            .filter(|o| !added.iter().any(|a| rewritten(&o.text, &a.text)))
            .filter(|o| !replaced_in_place(o, &mine.observations, now, &added))
            .cloned()
            .collect();
        let stale: Vec<Observation> = stale.into_iter().cloned().collect();
        let c = std::sync::Arc::make_mut(&mut meeting.commitments[at]);
        let mut gone = gone.into_iter();
        for old in stale {
            let Some(i) = c.observations.iter().position(|o| *o == old) else {
                continue;
            };
            match gone.next() {
                Some(newer) => c.observations[i] = newer,
                None => drop(c.observations.remove(i)),
            }
        }
        for o in gone {
            c.observations.push(o);
            c.observations.push(flag(ui.conflict_removed_bullet));
        }
    }
}

/// Whether `o`, gone from `mine`, has a bullet the other program added in its very place
/// in `now`: a rewording, not a removal.
fn replaced_in_place(
    o: &Observation,
    mine: &[Observation],
    now: &[Observation],
    added: &[&Observation],
) -> bool {
    let at = mine.iter().position(|x| x == o);
    at.and_then(|i| now.get(i))
        .is_some_and(|n| added.contains(&n))
}

/// Whether `after` reads as a correction of `before`: at least half of the words of the
/// shorter are in the other.
fn rewritten(before: &str, after: &str) -> bool {
    let words = |s: &str| -> std::collections::HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(before), words(after));
    let shorter = a.len().min(b.len());
    shorter > 0 && 2 * a.intersection(&b).count() >= shorter
}

/// A merged meeting is checked before it is saved, so that the file always loads again: a
/// mark that no longer stands (a merge with a commitment another program removed, a mark
/// both gave) is set aside as a "⚠" observation saying why, never written.
fn keep_sound(app: &App, meeting: &mut Meeting) {
    use crate::model::{Seg, validate};
    let mut unsound: Vec<(usize, usize, String)> = validate(meeting, &app.config.marks)
        .into_iter()
        .filter_map(|p| match p.path.0.as_slice() {
            [
                Seg::Key(table),
                Seg::Index(i),
                Seg::Key(marks),
                Seg::Index(j),
                ..,
            ] if table == "commitments" && marks == "marks" => {
                Some((*i, *j, crate::i18n::problem(&p.kind).0))
            }
            _ => None,
        })
        .collect();
    unsound.sort_by_key(|u| std::cmp::Reverse((u.0, u.1)));
    unsound.dedup_by_key(|u| (u.0, u.1));
    let ui = app.ui();
    for (i, j, why) in unsound {
        let c = std::sync::Arc::make_mut(&mut meeting.commitments[i]);
        if j < c.marks.len() {
            let mark = c.marks.remove(j);
            let text = fill(ui.conflict_mark, &[&mark.id, &why]);
            c.observations
                .push(Observation::new(format!("⚠ {text}"), 0));
        }
    }
}

fn show_conflicts(app: &App, meeting: &mut Meeting, conflicts: &[Conflict]) {
    let ui = app.ui();
    let mut elsewhere = Vec::new();
    for conflict in conflicts {
        let (number, text) = match &conflict.part {
            Part::Commitment(number, field) => {
                // A mark by its label, as the screen shows it ("Annulé", not "cancelled").
                let named = match app.config.marks.get(field) {
                    Some(def) => def.generic_label(app.config.ui_language),
                    None => field.clone(),
                };
                (
                    Some(*number),
                    fill(ui.conflict_field, &[&named, &conflict.theirs]),
                )
            }
            Part::Removed(number) => (Some(*number), ui.conflict_removed.to_owned()),
            Part::Renumbered { number, now } => {
                (Some(*now), fill(ui.conflict_renumbered, &[number, now]))
            }
            Part::Header(field) => (None, fill(ui.conflict_field, &[field, &conflict.theirs])),
            Part::Participant(name) => (None, fill(ui.conflict_field, &[name, &conflict.theirs])),
        };
        let target = number.and_then(|n| {
            (meeting.commitments.iter_mut())
                .find(|c| c.number == n)
                .map(std::sync::Arc::make_mut)
        });
        match target {
            Some(c) => c
                .observations
                .push(Observation::new(format!("⚠ {text}"), 0)),
            None => elsewhere.push(text),
        }
    }
    if !elsewhere.is_empty() {
        meeting.points.push(Point {
            title: format!("⚠ {}", ui.conflict_point),
            text: elsewhere.join("\n"),
            table: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Clock;
    use crate::config::Config;
    use crate::model::generate;

    fn app() -> App {
        let clock = Clock {
            instant: std::time::Instant::now(),
            wall: chrono::NaiveDate::from_ymd_opt(2024, 2, 22)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        };
        App::new(generate::meeting(5, 1), Config::builtin(), None, clock)
    }

    #[test]
    fn an_outside_change_to_another_commitment_is_merged_and_saved() {
        let mut app = app();
        app.change_commitment(0, |c| c.observations.push(Observation::new("ici", 0)));
        let mut theirs = (*app.base).clone();
        std::sync::Arc::make_mut(&mut theirs.commitments[2]).title = "Titre venu d'ailleurs".into();
        let effects = absorb(&mut app, theirs.clone());
        assert_eq!(effects, Effect::Save.into());
        assert_eq!(app.meeting.commitments[2].title, "Titre venu d'ailleurs");
        assert_eq!(
            app.meeting.commitments[0].observations.last().unwrap().text,
            "ici"
        );
        assert_eq!(*app.base, theirs);
        // Undo still takes back our own change, and only it.
        let now = app.now;
        let _ = crate::app::update(&mut app, crate::keys::Action::Undo, now);
        assert_eq!(app.meeting.commitments[2].title, "Titre venu d'ailleurs");
        assert!(
            app.meeting.commitments[0]
                .observations
                .iter()
                .all(|o| o.text != "ici")
        );
    }

    #[test]
    fn a_conflict_keeps_ours_and_shows_theirs_as_a_flagged_observation() {
        let mut app = app();
        app.change_commitment(1, |c| c.title = "Notre titre".into());
        let mut theirs = (*app.base).clone();
        std::sync::Arc::make_mut(&mut theirs.commitments[1]).title = "Leur titre".into();
        let _ = absorb(&mut app, theirs);
        let c = &app.meeting.commitments[1];
        assert_eq!(c.title, "Notre titre");
        let last = &c.observations.last().unwrap().text;
        assert!(
            last.starts_with('⚠') && last.contains("Leur titre"),
            "{last}"
        );
    }

    #[test]
    fn a_mark_in_conflict_is_named_by_its_label() {
        use crate::model::{Mark, MarkArg};
        let mut app = app();
        let reason = |r: &str| Mark::new("cancelled", MarkArg::Text(r.into()));
        app.change_commitment(1, |c| c.marks = vec![reason("la nôtre")]);
        let mut theirs = (*app.base).clone();
        std::sync::Arc::make_mut(&mut theirs.commitments[1]).marks = vec![reason("la leur")];
        let _ = absorb(&mut app, theirs);
        let last = &app.meeting.commitments[1].observations.last().unwrap().text;
        assert!(
            !last.contains("said cancelled") && !last.contains("disait cancelled"),
            "{last}"
        );
        assert!(last.contains("la leur"), "{last}");
    }

    #[test]
    fn a_commitment_added_outside_before_the_one_being_typed_on_moves_nothing() {
        let mut app = app();
        app.select_commitment(3);
        let number = app.meeting.commitments[3].number;
        let review = app.on_screen();
        review.before_paste(&mut app);
        let mut theirs = (*app.base).clone();
        theirs.commitments.insert(
            0,
            std::sync::Arc::new(crate::model::Commitment {
                number: 99,
                title: "Ajouté ailleurs".into(),
                ..Default::default()
            }),
        );
        let _ = absorb(&mut app, theirs);
        let c = app.current_commitment().unwrap();
        assert_eq!(c.number, number, "the same commitment stays selected");
        let editor = app.editor().unwrap();
        assert_eq!(app.meeting.commitments[editor.commitment].number, number);
    }

    #[test]
    fn a_bullet_removed_outside_stays_flagged_and_a_corrected_one_is_merged() {
        let mut app = app();
        app.change_commitment(0, |c| {
            c.observations = vec![
                Observation::new("Budget à préciser", 0),
                Observation::new("Reformuler le titre", 0),
            ]
        });
        app.base = std::sync::Arc::clone(&app.meeting);
        let mut theirs = (*app.base).clone();
        std::sync::Arc::make_mut(&mut theirs.commitments[0]).observations =
            vec![Observation::new("Budget à préciser avant juin", 0)];
        let _ = absorb(&mut app, theirs);
        let texts: Vec<&str> = app.meeting.commitments[0]
            .observations
            .iter()
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(
            texts[..2],
            ["Budget à préciser avant juin", "Reformuler le titre"]
        );
        assert!(texts[2].starts_with('⚠'), "{texts:?}");
        assert_eq!(
            texts.len(),
            3,
            "the corrected bullet is not put back: {texts:?}"
        );
    }

    #[test]
    fn an_older_copy_edited_elsewhere_does_not_take_back_a_correction() {
        let mut app = app();
        app.change_commitment(0, |c| {
            c.observations = vec![Observation::new("Budget à préciser", 0)]
        });
        let older = (*app.meeting).clone();
        app.change_commitment(0, |c| {
            c.observations[0].text = "Budget à préciser avant mars".into()
        });
        app.base = std::sync::Arc::clone(&app.meeting);
        let mut theirs = older;
        theirs.header.place = "Salle B".into();
        let _ = absorb(&mut app, theirs);
        assert_eq!(app.meeting.header.place, "Salle B");
        let texts: Vec<&str> = app.meeting.commitments[0]
            .observations
            .iter()
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(texts, ["Budget à préciser avant mars"]);
    }

    #[test]
    fn a_commitment_with_notes_removed_outside_stays() {
        let mut app = app();
        app.change_commitment(2, |c| c.observations.push(Observation::new("Note", 0)));
        app.base = std::sync::Arc::clone(&app.meeting);
        let number = app.meeting.commitments[2].number;
        let mut theirs = (*app.base).clone();
        theirs.commitments.remove(2);
        let _ = absorb(&mut app, theirs);
        let kept = app.meeting.commitment_by_number(number).expect("kept");
        let n = kept.observations.len();
        assert_eq!(kept.observations[n - 2].text, "Note");
        assert!(kept.observations[n - 1].text.starts_with('⚠'));
        assert_eq!(app.meeting.commitments[2].number, number, "in its place");
    }

    #[test]
    fn nothing_of_ours_to_add_leaves_the_file_as_it_is() {
        let mut app = app();
        let mut theirs = (*app.base).clone();
        theirs.decisions.clear();
        let effects = absorb(&mut app, theirs.clone());
        assert_eq!(effects, Effects::none());
        assert_eq!(*app.meeting, theirs);
        assert_eq!(app.save_status, SaveStatus::Saved);
    }
}
