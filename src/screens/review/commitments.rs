//! Changing the list during the meeting: a commitment added (its number proposed, then its
//! title and institution), corrected (title, institution, summary) or removed when added by
//! mistake. All through the history.

use crate::app::effects::Effects;
use crate::app::layers::{Choice, Layer};
use crate::app::state::App;
use crate::i18n::fill;
use crate::keys::Action;
use crate::model::{Commitment, MarkArg};

/// Whether `action` is one of these (then done).
pub fn update(app: &mut App, action: &Action) -> bool {
    match action {
        Action::AddCommitment => add(app),
        Action::EditCommitment => edit(app),
        Action::RemoveCommitment => remove(app),
        _ => return false,
    }
    true
}

/// Asks the number (the next free one proposed), the title, then the institution.
fn add(app: &mut App) {
    let ui = app.ui();
    let next = app.meeting.next_number().to_string();
    app.layers.push(Layer::ask(
        ui.prompt_new_number,
        &next,
        |app: &mut App, text| {
            let ui = app.ui();
            let number = match text.trim().trim_start_matches("n°").trim().parse::<u32>() {
                Ok(n) if n > 0 => n,
                _ => return Err(ui.err_number.to_owned()),
            };
            if app.meeting.commitment_by_number(number).is_some() {
                let free = app.meeting.next_number();
                return Err(fill(ui.err_number_taken, &[&number, &free]));
            }
            app.layers.push(Layer::ask(
                ui.prompt_new_title,
                "",
                move |app: &mut App, title| {
                    if title.trim().is_empty() {
                        return Err(app.ui().err_title_empty.to_owned());
                    }
                    let template = app.ui().picker_institution;
                    app.pick_organisation(template, move |app, institution| {
                        insert(app, number, title.clone(), institution);
                    });
                    Ok(Effects::none())
                },
            ));
            Ok(Effects::none())
        },
    ));
}

fn insert(app: &mut App, number: u32, title: String, institution: String) {
    // Another program may have taken the number while the questions were open.
    let asked = number;
    let number = match app.meeting.commitment_by_number(number) {
        Some(_) => app.meeting.next_number(),
        None => number,
    };
    let commitment = Commitment {
        number,
        title: title.trim().to_owned(),
        institution,
        ..Commitment::default()
    };
    app.change_list(|list| {
        let at = list
            .iter()
            .position(|c| c.number > number)
            .unwrap_or(list.len());
        list.insert(at, std::sync::Arc::new(commitment));
    });
    app.added_here.push(number);
    if let Some(i) = app.meeting.position_of(number) {
        app.select_commitment(i);
    }
    app.message = Some(match asked == number {
        true => fill(app.ui().msg_added, &[&number]),
        false => fill(app.ui().msg_added_as, &[&asked, &number]),
    });
}

/// Which field to correct, then its new value.
fn edit(app: &mut App) {
    let Some(number) = app.current_commitment().map(|c| c.number) else {
        return;
    };
    let ui = app.ui();
    let fields = vec![
        ui.field_title.to_owned(),
        ui.field_institution.to_owned(),
        ui.field_summary.to_owned(),
    ];
    app.layers.push(Layer::choose(
        ui.picker_correct,
        fields,
        false,
        move |app: &mut App, choice| {
            match choice {
                Choice::Entry(0) => ask_text(app, number, true),
                Choice::Entry(1) => {
                    let template = app.ui().picker_institution;
                    app.pick_organisation(template, move |app, name| {
                        app.change_numbered(number, |c| c.institution = name);
                    });
                }
                Choice::Entry(_) => ask_text(app, number, false),
                Choice::Typed(_) => {}
            }
            Ok(Effects::none())
        },
    ));
}

/// The title (never empty) or the summary (empty removes it), its current text to edit.
fn ask_text(app: &mut App, number: u32, title: bool) {
    let Some(c) = app.meeting.commitment_by_number(number) else {
        return;
    };
    let ui = app.ui();
    let (prompt, current) = if title {
        (ui.field_title, c.title.clone())
    } else {
        (ui.field_summary, c.summary.clone().unwrap_or_default())
    };
    app.layers
        .push(Layer::ask(prompt, &current, move |app: &mut App, text| {
            let text = text.trim().to_owned();
            if title && text.is_empty() {
                return Err(app.ui().err_title_empty.to_owned());
            }
            app.change_numbered(number, |c| match title {
                true => c.title = text,
                false => c.summary = (!text.is_empty()).then_some(text),
            });
            Ok(Effects::none())
        }));
}

/// Removes the current commitment, unless another one's merge names it. One that was in
/// the list before this meeting opened is removed only after a yes that names it.
fn remove(app: &mut App) {
    let Some(index) = app.current() else { return };
    let c = &app.meeting.commitments[index];
    let number = c.number;
    let named_by = app
        .meeting
        .commitments
        .iter()
        .find(|c| c.marks.iter().any(|m| m.arg == MarkArg::Commitment(number)));
    let ui = app.ui();
    if let Some(other) = named_by {
        app.message = Some(fill(ui.err_remove_merged, &[&number, &other.number]));
        return;
    }
    if app.added_here.contains(&number) {
        remove_now(app, number);
        return;
    }
    let what = fill(ui.quoted, &[&c.title]);
    let question = fill(ui.confirm_remove, &[&number]);
    app.layers.push(Layer::confirm(
        &question,
        what,
        move |app: &mut App, yes| {
            match yes {
                true => remove_now(app, number),
                // A no says so: the commitment stays.
                false => app.message = Some(fill(app.ui().msg_kept, &[&number])),
            }
            Ok(Effects::none())
        },
    ));
}

/// Removes commitment `number`, and says how to bring it back.
fn remove_now(app: &mut App, number: u32) {
    let Some(index) = app.meeting.position_of(number) else {
        return;
    };
    app.change_list(|list| {
        list.remove(index);
    });
    let undo = app.key(crate::keys::Mode::LIST, Action::Undo);
    app.message = Some(fill(app.ui().msg_removed, &[&number, &undo]));
}
