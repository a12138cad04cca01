//! The next meeting, started from the last one.

use chrono::NaiveDate;

use super::{Attendance, MarkArg, Meeting};

/// Marks that take an item out of the running: listed after the others.
const CLOSED: [&str; 2] = ["cancelled", "merge"];

/// The same commitments with their marks, new titles adopted, observations kept as
/// read-only history; attendance reset; decisions carried as open items; cancelled and
/// merged items after the others.
pub fn next_meeting(last: &Meeting, date: NaiveDate) -> Meeting {
    let mut next = last.clone();
    next.header.date = date;
    for p in &mut next.participants {
        p.attendance = Attendance::NotCalled;
        p.represented_by = None;
    }
    for c in &mut next.commitments {
        if let Some(pos) = c.marks.iter().position(|m| m.id == "retitle") {
            if let MarkArg::Text(title) = &c.marks[pos].arg {
                c.title = title.clone();
            }
            c.marks.remove(pos);
        }
        c.history.append(&mut c.observations);
        c.seconds_spent = 0;
        c.last_discussed = None;
        c.carried = !c.marks.is_empty();
    }
    let closed = |c: &super::Commitment| c.marks.iter().any(|m| CLOSED.contains(&m.id.as_str()));
    next.commitments.sort_by_key(closed);
    next.points.clear();
    for d in &mut next.decisions {
        d.carried = true;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commitment, Decision, Mark, Observation, Participant};

    #[test]
    fn the_next_meeting_carries_what_matters() {
        let mut last = Meeting::default();
        last.participants.push(Participant {
            organization: "A".into(),
            attendance: Attendance::Present,
            ..Participant::default()
        });
        for (number, marks) in [
            (1, vec![Mark::new("cancelled", MarkArg::Text("r".into()))]),
            (
                2,
                vec![
                    Mark::new("retitle", MarkArg::Text("Nouveau".into())),
                    Mark::new("awaiting-fiche", MarkArg::None),
                ],
            ),
            (3, vec![Mark::new("merge", MarkArg::Commitment(2))]),
            (4, vec![]),
        ] {
            last.commitments.push(Commitment {
                number,
                title: format!("T{number}"),
                marks,
                observations: vec![Observation::new("dit", 0)],
                seconds_spent: 60,
                ..Commitment::default()
            });
        }
        last.decisions.push(Decision {
            text: "D".into(),
            ..Decision::default()
        });
        let date = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
        let next = next_meeting(&last, date);
        assert_eq!(next.header.date, date);
        assert_eq!(next.participants[0].attendance, Attendance::NotCalled);
        let numbers: Vec<u32> = next.commitments.iter().map(|c| c.number).collect();
        assert_eq!(numbers, [2, 4, 1, 3]);
        let two = &next.commitments[0];
        assert_eq!(two.title, "Nouveau");
        assert_eq!(two.marks, [Mark::new("awaiting-fiche", MarkArg::None)]);
        assert!(two.observations.is_empty());
        assert_eq!(two.history, [Observation::new("dit", 0)]);
        assert_eq!(two.seconds_spent, 0);
        assert!(next.decisions[0].carried);
    }
}
