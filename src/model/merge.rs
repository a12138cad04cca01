//! Three-way merge of meetings: what copil last read or wrote (the base), what it holds now
//! (ours) and what another program left in the file (theirs). Changes to different parts
//! combine; the same part changed on both sides keeps our value and reports theirs as a
//! conflict, so the caller can show it and nothing is lost.
//!
//! Commitments are matched by number, participants by organisation and name, marks by id;
//! lists without identity (observations, agenda, points, decisions) merge as sequences: what
//! one side removed goes, what one side added comes in after the item it followed.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::Arc;

use super::meeting::{Commitment, Header, Mark, MarkArg, Meeting, Participant};

/// The part of a meeting that both sides changed in different ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// A field of the header, by its name in the file (`title`, `place`…).
    Header(&'static str),
    /// A field of a commitment, by its name in the file (`title`, `institution`, a mark's id…).
    Commitment(u32, String),
    /// A commitment changed here that the other program removed: it is kept.
    Removed(u32),
    /// A commitment both sides added under the same number: theirs got another number.
    Renumbered { number: u32, now: u32 },
    /// A participant's attendance or representative.
    Participant(String),
}

/// A conflict: where, and the other program's value as text (ours is what the meeting keeps).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub part: Part,
    pub theirs: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub meeting: Meeting,
    pub conflicts: Vec<Conflict>,
}

pub fn merge(base: &Meeting, ours: &Meeting, theirs: &Meeting) -> Merged {
    let mut merged = merge_parts(base, ours, theirs);
    measured(&mut merged.meeting, ours);
    merged
}

/// Time is measured, not edited: a copy that holds less (an older one put back) never
/// takes back time the meeting spent.
fn measured(meeting: &mut Meeting, ours: &Meeting) {
    let h = &mut meeting.header;
    h.seconds_elapsed = h.seconds_elapsed.max(ours.header.seconds_elapsed);
    for c in meeting.commitments.iter_mut().map(std::sync::Arc::make_mut) {
        if let Some(o) = ours.commitment_by_number(c.number) {
            c.seconds_spent = c.seconds_spent.max(o.seconds_spent);
            c.last_discussed = c.last_discussed.max(o.last_discussed);
        }
    }
}

fn merge_parts(base: &Meeting, ours: &Meeting, theirs: &Meeting) -> Merged {
    let (meeting, _) = pick(base, ours, theirs);
    if ours == base || theirs == base || ours == theirs {
        return Merged {
            meeting,
            conflicts: Vec::new(),
        };
    }
    let mut conflicts = Vec::new();
    let header = header(&base.header, &ours.header, &theirs.header, &mut conflicts);
    let participants = participants(base, ours, theirs, &mut conflicts);
    let commitments = commitments(base, ours, theirs, &mut conflicts);
    let meeting = Meeting {
        header,
        participants,
        commitments,
        points: sequence(&base.points, &ours.points, &theirs.points),
        decisions: sequence(&base.decisions, &ours.decisions, &theirs.decisions),
        remarks: sequence(&base.remarks, &ours.remarks, &theirs.remarks),
    };
    Merged { meeting, conflicts }
}

/// One commitment: `theirs`' changes from `base` carried onto `ours` (ours wins a clash).
pub fn onto(base: &Commitment, ours: &Commitment, theirs: &Commitment) -> Commitment {
    commitment(base, ours, theirs, &mut Vec::new())
}

/// One value: the side that changed it wins; both changed differently, ours wins and
/// the answer says so.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> (T, bool) {
    if ours == theirs || theirs == base {
        (ours.clone(), false)
    } else if ours == base {
        (theirs.clone(), false)
    } else {
        (ours.clone(), true)
    }
}

fn header(base: &Header, ours: &Header, theirs: &Header, out: &mut Vec<Conflict>) -> Header {
    let mut field = |name: &'static str, b: String, o: String, t: String| {
        let (value, clash) = pick(&b, &o, &t);
        if clash {
            out.push(Conflict {
                part: Part::Header(name),
                theirs: t,
            });
        }
        value
    };
    let show = |v: &dyn std::fmt::Debug| format!("{v:?}");
    let mut merged = ours.clone();
    merged.title = field(
        "title",
        base.title.clone(),
        ours.title.clone(),
        theirs.title.clone(),
    );
    merged.place = field(
        "place",
        base.place.clone(),
        ours.place.clone(),
        theirs.place.clone(),
    );
    // Fields that are not text are compared through their written form.
    macro_rules! typed {
        ($name:literal, $f:ident) => {{
            let (value, clash) = pick(&base.$f, &ours.$f, &theirs.$f);
            if clash {
                out.push(Conflict {
                    part: Part::Header($name),
                    theirs: show(&theirs.$f),
                });
            }
            merged.$f = value;
        }};
    }
    typed!("date", date);
    typed!("time", time);
    typed!("language", language);
    typed!("planned_end", planned_end);
    typed!("planned_minutes", planned_minutes);
    typed!("item_budget_minutes", item_budget_minutes);
    merged.agenda = sequence(&base.agenda, &ours.agenda, &theirs.agenda);
    // The clock only runs forward.
    merged.seconds_elapsed = ours.seconds_elapsed.max(theirs.seconds_elapsed);
    merged
}

fn participants(
    base: &Meeting,
    ours: &Meeting,
    theirs: &Meeting,
    out: &mut Vec<Conflict>,
) -> Vec<Participant> {
    let key = |p: &Participant| (p.organization.clone(), p.name.clone());
    keyed(
        &base.participants,
        &ours.participants,
        &theirs.participants,
        key,
        |b, o, t| {
            let state = |p: &Participant| (p.attendance, p.represented_by.clone());
            let (value, clash) = pick(&state(b), &state(o), &state(t));
            if clash {
                out.push(Conflict {
                    part: Part::Participant(o.organization.clone()),
                    theirs: format!(
                        "{:?} {}",
                        t.attendance,
                        t.represented_by.as_deref().unwrap_or("")
                    )
                    .trim()
                    .to_owned(),
                });
            }
            let mut p = o.clone();
            (p.attendance, p.represented_by) = value;
            p.email = pick(&b.email, &o.email, &t.email).0;
            Some(p)
        },
    )
}

fn commitments(
    base: &Meeting,
    ours: &Meeting,
    theirs: &Meeting,
    out: &mut Vec<Conflict>,
) -> Vec<Arc<Commitment>> {
    let mut merged = keyed(
        &base.commitments,
        &ours.commitments,
        &theirs.commitments,
        |c| c.number,
        |b, o, t| Some(Arc::new(commitment(b, o, t, out))),
    );
    // Removed on one side, changed on the other: the change is kept.
    let theirs_numbers: HashMap<u32, ()> =
        theirs.commitments.iter().map(|c| (c.number, ())).collect();
    let base_by_number: HashMap<u32, &Commitment> =
        base.commitments.iter().map(|c| (c.number, &**c)).collect();
    for c in &ours.commitments {
        if let Some(b) = base_by_number.get(&c.number)
            && !theirs_numbers.contains_key(&c.number)
            && **b != **c
            && !merged.iter().any(|m| m.number == c.number)
        {
            out.push(Conflict {
                part: Part::Removed(c.number),
                theirs: String::new(),
            });
            let at = merged
                .iter()
                .position(|m| m.number > c.number)
                .unwrap_or(merged.len());
            merged.insert(at, c.clone());
        }
    }
    // Both sides added the same number with different content: theirs gets the next one.
    let ours_numbers: HashMap<u32, &Commitment> =
        ours.commitments.iter().map(|c| (c.number, &**c)).collect();
    let mut next = merged.iter().map(|c| c.number).max().unwrap_or(0);
    for t in &theirs.commitments {
        if base_by_number.contains_key(&t.number) {
            continue;
        }
        if let Some(o) = ours_numbers.get(&t.number)
            && **o != **t
        {
            next += 1;
            let mut moved = (**t).clone();
            moved.number = next;
            out.push(Conflict {
                part: Part::Renumbered {
                    number: t.number,
                    now: next,
                },
                theirs: t.title.clone(),
            });
            merged.push(Arc::new(moved));
        }
    }
    merged
}

fn commitment(
    base: &Commitment,
    ours: &Commitment,
    theirs: &Commitment,
    out: &mut Vec<Conflict>,
) -> Commitment {
    let number = ours.number;
    let mut clash = |field: &str, theirs: String| {
        out.push(Conflict {
            part: Part::Commitment(number, field.to_owned()),
            theirs,
        })
    };
    let mut merged = ours.clone();
    let (title, c) = pick(&base.title, &ours.title, &theirs.title);
    if c {
        clash("title", theirs.title.clone());
    }
    merged.title = title;
    let (institution, c) = pick(&base.institution, &ours.institution, &theirs.institution);
    if c {
        clash("institution", theirs.institution.clone());
    }
    merged.institution = institution;
    let (summary, c) = pick(&base.summary, &ours.summary, &theirs.summary);
    if c {
        clash("summary", theirs.summary.clone().unwrap_or_default());
    }
    merged.summary = summary;
    let (sheet, c) = pick(&base.sheet, &ours.sheet, &theirs.sheet);
    if c {
        clash("sheet", format!("{:?}", theirs.sheet));
    }
    merged.sheet = sheet;
    merged.marks = marks(&base.marks, &ours.marks, &theirs.marks, &mut clash);
    merged.carried = pick(&base.carried, &ours.carried, &theirs.carried).0;
    merged.observations = sequence(&base.observations, &ours.observations, &theirs.observations);
    merged.history = sequence(&base.history, &ours.history, &theirs.history);
    // Time is measured, not edited: the larger count and the later moment.
    merged.seconds_spent = ours.seconds_spent.max(theirs.seconds_spent);
    merged.last_discussed = ours.last_discussed.max(theirs.last_discussed);
    merged
}

fn marks(
    base: &[Mark],
    ours: &[Mark],
    theirs: &[Mark],
    clash: &mut impl FnMut(&str, String),
) -> Vec<Mark> {
    let arg = |list: &[Mark], id: &str| list.iter().find(|m| m.id == id).map(|m| m.arg.clone());
    let mut ids: Vec<&str> = ours.iter().map(|m| m.id.as_str()).collect();
    for m in theirs.iter().chain(base) {
        if !ids.contains(&m.id.as_str()) {
            ids.push(&m.id);
        }
    }
    let mut merged = Vec::new();
    for id in ids {
        let (b, o, t) = (arg(base, id), arg(ours, id), arg(theirs, id));
        let (value, c) = pick(&b, &o, &t);
        if c {
            let text = match &t {
                None => String::new(),
                Some(MarkArg::None) => id.to_owned(),
                Some(MarkArg::Text(text)) => text.clone(),
                Some(MarkArg::Commitment(n)) => n.to_string(),
            };
            clash(id, text);
        }
        if let Some(arg) = value {
            merged.push(Mark {
                id: id.to_owned(),
                arg,
            });
        }
    }
    merged
}

/// Lists whose items have a key: an item removed on one side and untouched on the other
/// goes; an item on both sides is merged by `both` (which may drop it); new items from
/// either side come in, theirs after the item they follow in their list.
fn keyed<T, K>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
    mut both: impl FnMut(&T, &T, &T) -> Option<T>,
) -> Vec<T>
where
    T: Clone + PartialEq,
    K: Eq + Hash + Clone,
{
    if ours == base {
        return theirs.to_vec();
    }
    let base_map: HashMap<K, &T> = base.iter().map(|t| (key(t), t)).collect();
    let theirs_map: HashMap<K, &T> = theirs.iter().map(|t| (key(t), t)).collect();
    let mut merged: Vec<T> = Vec::with_capacity(ours.len());
    for o in ours {
        let k = key(o);
        match (base_map.get(&k), theirs_map.get(&k)) {
            (Some(b), Some(t)) => merged.extend(both(b, o, t)),
            // Removed by them: goes if we left it as it was (else the caller keeps it).
            (Some(_), None) => {}
            (None, Some(t)) if *t == o => merged.push(o.clone()),
            // Added by both under one key: ours here, theirs left to the caller.
            (None, _) => merged.push(o.clone()),
        }
    }
    let ours_keys: HashSet<K> = ours.iter().map(&key).collect();
    let merged_keys: HashSet<K> = merged.iter().map(&key).collect();
    // Theirs' new items, by the key of the item they follow (None: at the start).
    let mut inserts: HashMap<Option<K>, Vec<T>> = HashMap::new();
    let mut previous: Option<K> = None;
    for t in theirs {
        let k = key(t);
        if merged_keys.contains(&k) {
            previous = Some(k);
            continue;
        }
        // Added by both (ours is in), or removed by us while they left it as it was.
        if ours_keys.contains(&k) || base_map.get(&k).is_some_and(|b| *b == t) {
            continue;
        }
        inserts.entry(previous.clone()).or_default().push(t.clone());
    }
    if inserts.is_empty() {
        return merged;
    }
    let mut out = inserts.remove(&None).unwrap_or_default();
    for m in merged {
        let k = Some(key(&m));
        out.push(m);
        if let Some(new) = inserts.remove(&k) {
            out.extend(new);
        }
    }
    out
}

/// Lists without identity: an item stands for itself. What one side removed goes, what one
/// side added comes in; an item edited on both sides is there in both versions.
fn sequence<T: Clone + PartialEq>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let removed_by_theirs = difference(base, theirs);
    let added_by_theirs = difference(theirs, base);
    let added_by_ours = difference(ours, base);
    let mut merged: Vec<T> = Vec::with_capacity(ours.len() + added_by_theirs.len());
    let mut removed = removed_by_theirs;
    for o in ours {
        if let Some(i) = removed.iter().position(|r| r == o) {
            removed.swap_remove(i);
        } else {
            merged.push(o.clone());
        }
    }
    let mut already = added_by_ours;
    let mut to_add = added_by_theirs;
    let mut after: Option<usize> = None;
    for t in theirs {
        if let Some(i) = to_add.iter().position(|a| a == t) {
            to_add.swap_remove(i);
            if let Some(j) = already.iter().position(|a| a == t) {
                // Added by both: once.
                already.swap_remove(j);
                after = merged.iter().position(|m| m == t).or(after);
                continue;
            }
            let at = after.map_or(0, |i| i + 1);
            merged.insert(at, t.clone());
            after = Some(at);
        } else if let Some(i) = merged.iter().position(|m| m == t) {
            after = Some(i);
        }
    }
    merged
}

/// The items of `a` not matched one for one in `b`.
fn difference<T: Clone + PartialEq>(a: &[T], b: &[T]) -> Vec<T> {
    let mut left: Vec<&T> = b.iter().collect();
    let mut out = Vec::new();
    for x in a {
        if let Some(i) = left.iter().position(|y| *y == x) {
            left.swap_remove(i);
        } else {
            out.push(x.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests;
