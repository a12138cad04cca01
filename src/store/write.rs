//! Writing the meeting file: its text, in the order and layout the README documents, so
//! that reading it back gives the same meeting.

use std::fmt::Write as _;

use crate::model::*;

/// A TOML string literal for any text: quotes, backslashes and control characters escaped.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The meeting file's text. Reading it back gives the same meeting.
pub fn write_meeting(meeting: &Meeting, marks: &MarkSet) -> String {
    let mut out = String::new();
    let h = &meeting.header;
    out.push_str(
        "# copil meeting file. It may be edited by hand; see the README for the fields.\n\n",
    );
    out.push_str("[meeting]\n");
    let _ = writeln!(out, "title = {}", quote(&h.title));
    let _ = writeln!(out, "date = {}", h.date.format("%Y-%m-%d"));
    if let Some(time) = h.time {
        let _ = writeln!(out, "time = {}", quote(&time.format("%H:%M").to_string()));
    }
    let _ = writeln!(out, "place = {}", quote(&h.place));
    let _ = writeln!(out, "language = {}", quote(h.language.code()));
    if let Some(end) = h.planned_end {
        let _ = writeln!(out, "end = {}", quote(&end.format("%H:%M").to_string()));
    }
    if let Some(minutes) = h.planned_minutes {
        let _ = writeln!(out, "duration = {minutes}");
    }
    if let Some(minutes) = h.item_budget_minutes {
        let _ = writeln!(out, "item_budget = {minutes}");
    }
    if h.seconds_elapsed > 0 {
        let _ = writeln!(out, "clock = {}", h.seconds_elapsed);
    }
    write_string_list(&mut out, "agenda", &h.agenda);

    for p in &meeting.participants {
        out.push_str("\n[[participants]]\n");
        if let Some(name) = &p.name {
            let _ = writeln!(out, "name = {}", quote(name));
        }
        let _ = writeln!(out, "organization = {}", quote(&p.organization));
        match p.attendance {
            Attendance::NotCalled => {}
            Attendance::Present => out.push_str("present = true\n"),
            Attendance::Absent => out.push_str("present = false\n"),
            Attendance::Excused => out.push_str("present = false\nexcused = true\n"),
        }
        if let Some(email) = &p.email {
            let _ = writeln!(out, "email = {}", quote(email));
        }
        if let Some(name) = &p.represented_by {
            let _ = writeln!(out, "represented_by = {}", quote(name));
        }
    }
    for p in &meeting.points {
        out.push_str("\n[[points]]\n");
        let _ = writeln!(out, "title = {}", quote(&p.title));
        if !p.text.is_empty() {
            let _ = writeln!(out, "text = {}", quote(&p.text));
        }
        if p.table {
            out.push_str("table = true\n");
        }
    }
    write_commitments(&mut out, &meeting.commitments, marks);
    for d in &meeting.decisions {
        out.push_str("\n[[decisions]]\n");
        let _ = writeln!(out, "text = {}", quote(&d.text));
        if let Some(deadline) = d.deadline {
            let _ = writeln!(out, "deadline = {}", deadline.format("%Y-%m-%d"));
        }
        if d.until {
            out.push_str("until = true\n");
        }
        if let Some(owner) = &d.owner {
            let _ = writeln!(out, "owner = {}", quote(owner));
        }
        if d.carried {
            out.push_str("carried = true\n");
        }
        write_status(&mut out, d);
    }
    for r in &meeting.remarks {
        write_remark(&mut out, r);
    }
    out
}

fn write_status(out: &mut String, d: &crate::model::Decision) {
    use crate::model::DecisionStatus;
    if d.status != DecisionStatus::Open {
        let _ = writeln!(out, "status = \"{}\"", d.status.name());
    }
    if let Some(closed) = d.status.closed() {
        let _ = writeln!(out, "closed = {}", closed.format("%Y-%m-%d"));
    }
    if let DecisionStatus::Dropped {
        reason: Some(reason),
        ..
    } = &d.status
    {
        let _ = writeln!(out, "reason = {}", quote(reason));
    }
    if let Some(taken) = d.taken {
        let _ = writeln!(out, "taken = {}", taken.format("%Y-%m-%d"));
    }
    if !d.log.is_empty() {
        out.push_str("log = [\n");
        for c in &d.log {
            let _ = writeln!(
                out,
                "  {{ date = {}, status = {} }},",
                c.date.format("%Y-%m-%d"),
                quote(&c.status)
            );
        }
        out.push_str("]\n");
    }
}

fn write_remark(out: &mut String, r: &crate::model::Remark) {
    use crate::model::RemarkState;
    out.push_str("\n[[remarks]]\n");
    let _ = writeln!(out, "number = {}", r.number);
    let _ = writeln!(out, "text = {}", quote(&r.text));
    let _ = writeln!(out, "author = {}", quote(&r.author));
    let _ = writeln!(out, "received = {}", r.received.format("%Y-%m-%d"));
    let _ = writeln!(out, "source = {}", quote(&r.source));
    let status = match &r.state {
        RemarkState::Pending => "pending",
        RemarkState::Accepted => "accepted",
        RemarkState::Merged => "merged",
        RemarkState::Rejected(_) => "rejected",
    };
    let _ = writeln!(out, "status = \"{status}\"");
    if let RemarkState::Rejected(Some(reason)) = &r.state {
        let _ = writeln!(out, "reason = {}", quote(reason));
    }
}

fn write_observations(out: &mut String, key: &str, observations: &[Observation]) {
    if observations.is_empty() {
        return;
    }
    let _ = writeln!(out, "{key} = [");
    for o in observations {
        let _ = write!(out, "  {{ text = {}", quote(&o.text));
        if o.level > 0 {
            let _ = write!(out, ", level = {}", o.level);
        }
        if let Some(by) = &o.by {
            let _ = write!(out, ", by = {}", quote(by));
        }
        out.push_str(" },\n");
    }
    out.push_str("]\n");
}

fn write_sheet(out: &mut String, sheet: &Sheet) {
    out.push_str("\n[commitments.sheet]\n");
    for (key, value) in [
        ("problem", &sheet.problem),
        ("solution", &sheet.solution),
        ("lead_agency", &sheet.lead_agency),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "{key} = {}", quote(value));
        }
    }
    if !sheet.values.is_empty() {
        let values: Vec<String> = sheet.values.iter().map(|v| quote(v.id())).collect();
        let _ = writeln!(out, "values = [{}]", values.join(", "));
    }
    if !sheet.activities.is_empty() {
        out.push_str("activities = [\n");
        for a in &sheet.activities {
            let _ = write!(out, "  {{ text = {}", quote(&a.text));
            if let Some(start) = a.start {
                let _ = write!(out, ", start = {}", start.format("%Y-%m-%d"));
            }
            if let Some(end) = a.end {
                let _ = write!(out, ", end = {}", end.format("%Y-%m-%d"));
            }
            out.push_str(" },\n");
        }
        out.push_str("]\n");
    }
}

fn write_string_list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        let _ = writeln!(out, "{key} = []");
        return;
    }
    let _ = writeln!(out, "{key} = [");
    for item in items {
        let _ = writeln!(out, "  {},", quote(item));
    }
    out.push_str("]\n");
}

/// `[[commitments]]` tables, as in the meeting file and in a commitment list.
pub fn write_commitments<C: std::borrow::Borrow<Commitment>>(
    out: &mut String,
    commitments: &[C],
    marks: &MarkSet,
) {
    for c in commitments.iter().map(std::borrow::Borrow::borrow) {
        out.push_str("\n[[commitments]]\n");
        let _ = writeln!(out, "number = {}", c.number);
        let _ = writeln!(out, "title = {}", quote(&c.title));
        let _ = writeln!(out, "institution = {}", quote(&c.institution));
        if let Some(summary) = &c.summary {
            let _ = writeln!(out, "summary = {}", quote(summary));
        }
        if c.carried {
            out.push_str("carried = true\n");
        }
        if !c.marks.is_empty() {
            out.push_str("marks = [\n");
            for m in &c.marks {
                let _ = write!(out, "  {{ id = {}", quote(&m.id));
                let name = marks
                    .get(&m.id)
                    .and_then(|d| d.arg.as_ref())
                    .map_or("arg", |a| a.name.as_str());
                match &m.arg {
                    MarkArg::None => {}
                    MarkArg::Text(t) => {
                        let _ = write!(out, ", {name} = {}", quote(t));
                    }
                    MarkArg::Commitment(n) => {
                        let _ = write!(out, ", {name} = {n}");
                    }
                }
                out.push_str(" },\n");
            }
            out.push_str("]\n");
        }
        write_observations(out, "observations", &c.observations);
        if c.seconds_spent > 0 {
            let _ = writeln!(out, "seconds_spent = {}", c.seconds_spent);
        }
        if let Some(at) = c.last_discussed {
            let _ = writeln!(out, "last_discussed = {}", at.format("%Y-%m-%dT%H:%M:%S"));
        }
        write_observations(out, "history", &c.history);
        // A sub-table takes every key after it, so the sheet comes last.
        if let Some(sheet) = &c.sheet {
            write_sheet(out, sheet);
        }
    }
}
