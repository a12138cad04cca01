//! The next meeting, started from the last one.

use chrono::NaiveDate;

use super::decision::Status as DecisionStatus;
use super::marks::MarkSet;
use super::meeting::{Attendance, MarkArg, Meeting};

/// The same commitments with their marks, new titles adopted, observations kept as
/// read-only history; attendance reset; decisions carried as open items; items a closing
/// mark took out of the running (cancelled, merged) after the others.
pub fn next_meeting(last: &Meeting, date: NaiveDate, marks: &MarkSet) -> Meeting {
    let mut next = last.clone();
    next.header.date = date;
    // The clock belongs to the call: the next one starts at zero.
    next.header.seconds_elapsed = 0;
    for p in &mut next.participants {
        p.attendance = Attendance::NotCalled;
        p.represented_by = None;
    }
    for c in next.commitments.iter_mut().map(std::sync::Arc::make_mut) {
        if let Some(pos) = c.marks.iter().position(|m| marks.is_title(&m.id)) {
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
    next.commitments.sort_by_key(|c| marks.closes(c));
    next.points.clear();
    // Open decisions (late ones too) go on with their history; done and dropped ones
    // stay in the meeting that closed them. Remarks stay with their meeting.
    next.decisions.retain(|d| d.status == DecisionStatus::Open);
    for d in &mut next.decisions {
        d.carried = true;
        d.taken.get_or_insert(last.header.date);
    }
    next.remarks.clear();
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commitment, Decision, Mark, Observation, Participant};

    #[test]
    fn the_next_meeting_carries_what_matters() {
        let mut last = Meeting::default();
        last.header.seconds_elapsed = 1034;
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
            last.commitments.push(std::sync::Arc::new(Commitment {
                number,
                title: format!("T{number}"),
                marks,
                observations: vec![Observation::new("dit", 0)],
                seconds_spent: 60,
                ..Commitment::default()
            }));
        }
        last.decisions.push(Decision {
            text: "D".into(),
            ..Decision::default()
        });
        let date = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
        let next = next_meeting(&last, date, &crate::config::Config::builtin().marks);
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
        assert_eq!(next.header.seconds_elapsed, 0, "no meeting clock carried");
        assert!(next.decisions[0].carried);
    }

    #[test]
    fn open_decisions_go_on_through_two_meetings_and_closed_ones_stay() {
        let day = |d| NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
        let mut first = Meeting::default();
        first.header.date = day(1);
        for (text, deadline) in [
            ("Fiches", Some(day(4))),
            ("Bilan", None),
            ("Portail", Some(day(20))),
        ] {
            first.decisions.push(Decision {
                text: text.into(),
                deadline,
                ..Decision::default()
            });
        }
        let mut second = next_meeting(&first, day(8), &crate::config::Config::builtin().marks);
        assert_eq!(second.decisions.len(), 3);
        assert!(
            second
                .decisions
                .iter()
                .all(|d| d.carried && d.taken == Some(day(1)))
        );
        assert!(
            second.decisions[0].is_late(day(8)),
            "past its deadline and open"
        );
        assert!(!second.decisions[2].is_late(day(8)));
        second.decisions[1].set_status(DecisionStatus::Done(day(8)), day(8));
        second.decisions[2].set_status(
            DecisionStatus::Dropped {
                on: day(8),
                reason: Some("hors PAN3".into()),
            },
            day(8),
        );
        let third = next_meeting(&second, day(15), &crate::config::Config::builtin().marks);
        assert_eq!(third.decisions.len(), 1, "done and dropped stay behind");
        assert_eq!(third.decisions[0].text, "Fiches");
        assert_eq!(
            third.decisions[0].taken,
            Some(day(1)),
            "the meeting that took it"
        );
        assert!(third.decisions[0].is_late(day(15)));
        assert_eq!(second.decisions[1].log[0].status, "done");
        assert_eq!(second.decisions[1].log[0].date, day(8));
    }
}
