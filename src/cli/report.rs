//! What `copil check` and `copil stats` print.

use std::path::Path;

use crate::config::Config;
use crate::i18n::{fill, msg};
use crate::model::{Meeting, Sheet, Stats, stats::format_duration};

/// The one line `copil check` prints.
pub fn check_summary(file: &Path, meeting: &Meeting) -> String {
    let stats = Stats::of(meeting);
    let named = meeting
        .participants
        .iter()
        .filter(|p| p.name.is_some())
        .count();
    let marks = meeting.marks_in_use();
    let marks = if marks.is_empty() {
        msg().none.to_owned()
    } else {
        marks.join(", ")
    };
    crate::i18n::fill_counted(
        crate::i18n::language(),
        msg().check_ok,
        &[
            &file.display(),
            &stats.commitments,
            &stats.reviewed,
            &stats.participants,
            &named,
            &stats.present,
            &stats.absent,
            &stats.excused,
            &stats.not_called,
            &stats.decisions,
            &marks,
        ],
    )
}

/// The report `copil stats` prints.
pub fn stats_report(meeting: &Meeting, config: &Config) -> String {
    let s = Stats::of(meeting);
    let mut out = format!(
        "{} ({})\n",
        meeting.header.title,
        meeting.header.date.format("%Y-%m-%d")
    );
    let m = msg();
    let row = |label: &str, value: &dyn std::fmt::Display, detail: String| {
        let line = format!("{label:<13} {value:>5}   {detail}");
        format!("{}\n", line.trim_end())
    };
    out += &row(
        m.st_commitments,
        &s.commitments,
        fill(m.st_reviewed, &[&s.reviewed, &s.not_reviewed(), &s.carried]),
    );
    out += &row(m.st_observations, &s.observations, String::new());
    let clock = meeting.header.seconds_elapsed;
    let detail = match clock {
        0 => String::new(),
        _ => fill(m.st_clock, &[&format_duration(clock)]),
    };
    out += &row(m.st_time, &format_duration(s.seconds_spent), detail);
    out += &row(
        m.st_participants,
        &s.participants,
        fill(
            m.st_attendance,
            &[&s.present, &s.absent, &s.excused, &s.not_called],
        ),
    );
    out += &row(m.st_decisions, &s.decisions, String::new());
    out += &format!("{}\n", m.st_marks);
    for def in &config.marks.defs {
        let n = s
            .by_mark
            .iter()
            .find(|(id, _)| *id == def.id)
            .map_or(0, |(_, n)| *n);
        out += &format!(
            "  {:<18} {:>4}   {}\n",
            def.id,
            n,
            def.generic_label(crate::i18n::language())
        );
    }
    for (id, n) in s
        .by_mark
        .iter()
        .filter(|(id, _)| config.marks.get(id).is_none())
    {
        out += &format!("  {id:<18} {n:>4}   {}\n", m.st_not_in_config);
    }
    out += &times(meeting);
    out += &sheet_gaps(meeting);
    out += &owners(meeting);
    out += &remarks(meeting);
    out
}

/// Each item the committee spent time on, in the table's order, with the total and the
/// five longest.
fn times(meeting: &Meeting) -> String {
    let m = msg();
    let timed: Vec<&crate::model::Commitment> = (meeting.commitments.iter())
        .filter(|c| c.seconds_spent > 0)
        .map(|c| &**c)
        .collect();
    if timed.is_empty() {
        return String::new();
    }
    let title = |c: &crate::model::Commitment| crate::wrap::truncate(&c.title, 60);
    let mut out = format!(
        "{}
",
        m.st_times
    );
    for c in &timed {
        let spent = format_duration(c.seconds_spent);
        out += &format!(
            "  n° {:<4} {spent:>11}   {}
",
            c.number,
            title(c)
        );
    }
    let total: u64 = timed.iter().map(|c| c.seconds_spent).sum();
    let count = timed.len();
    out += &format!(
        "  {}
",
        fill(m.st_times_total, &[&format_duration(total), &count])
    );
    let mut longest = timed.clone();
    longest.sort_by_key(|c| std::cmp::Reverse(c.seconds_spent));
    let five: Vec<String> = (longest.iter().take(5))
        .map(|c| format!("n° {} ({})", c.number, format_duration(c.seconds_spent)))
        .collect();
    out += &format!(
        "  {}
",
        fill(m.st_longest, &[&five.join(", ")])
    );
    out
}

/// Decisions by owner: open (of which late today, as screen 4 says), done, dropped.
fn owners(meeting: &Meeting) -> String {
    use crate::model::DecisionStatus;
    if meeting.decisions.is_empty() {
        return String::new();
    }
    let m = msg();
    let today = crate::clock::today();
    let mut names: Vec<&str> = Vec::new();
    for d in &meeting.decisions {
        let name = d.owner.as_deref().unwrap_or(m.st_no_owner);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let mut out = format!("{}\n", m.st_owners);
    for name in names {
        let mut counts = [0usize; 4];
        for d in meeting
            .decisions
            .iter()
            .filter(|d| d.owner.as_deref().unwrap_or(m.st_no_owner) == name)
        {
            let at = match d.status {
                _ if d.is_late(today) => 1,
                DecisionStatus::Open => 0,
                DecisionStatus::Done(_) => 2,
                DecisionStatus::Dropped { .. } => 3,
            };
            counts[at] += 1;
        }
        let [open, late, done, dropped] = counts;
        let open = open + late;
        out += &format!(
            "  {name}\n    {}\n",
            fill(m.st_owner_counts, &[&open, &late, &done, &dropped])
        );
    }
    out
}

/// Written remarks by the institution of their commitment: pending, accepted (merged into
/// an observation counts as accepted), rejected.
fn remarks(meeting: &Meeting) -> String {
    use crate::model::RemarkState;
    if meeting.remarks.is_empty() {
        return String::new();
    }
    let m = msg();
    let mut out = format!("{}\n", m.st_remarks);
    for institution in meeting.institutions() {
        let mut counts = [0usize; 3];
        for r in &meeting.remarks {
            let of = meeting
                .commitment_by_number(r.number)
                .map(|c| c.institution.as_str());
            if of != Some(institution) {
                continue;
            }
            let at = match r.state {
                RemarkState::Pending => 0,
                RemarkState::Accepted | RemarkState::Merged => 1,
                RemarkState::Rejected(_) => 2,
            };
            counts[at] += 1;
        }
        if counts.iter().sum::<usize>() > 0 {
            let name = if institution.is_empty() {
                m.st_no_institution
            } else {
                institution
            };
            let [pending, accepted, rejected] = counts;
            out += &format!(
                "  {name}\n    {}\n",
                fill(m.st_remark_counts, &[&pending, &accepted, &rejected])
            );
        }
    }
    out
}

/// What the commitment sheets still lack, institution by institution.
fn sheet_gaps(meeting: &Meeting) -> String {
    let mut out = format!("{}\n", msg().st_sheets);
    for institution in meeting.institutions() {
        let mut lines = Vec::new();
        for c in meeting
            .commitments
            .iter()
            .filter(|c| c.institution == institution)
        {
            let gaps = Sheet::gaps(c.sheet.as_ref());
            if !gaps.is_empty() {
                let gaps: Vec<&str> = gaps
                    .iter()
                    .map(|g| crate::i18n::sheet_gap(g, crate::i18n::language()))
                    .collect();
                let colon = msg().colon;
                lines.push(format!("    n° {}{colon}{}\n", c.number, gaps.join(", ")));
            }
        }
        if !lines.is_empty() {
            let name = if institution.is_empty() {
                msg().st_no_institution
            } else {
                institution
            };
            out += &format!("  {name}\n");
            out += &lines.concat();
        }
    }
    out
}
