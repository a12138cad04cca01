//! The typography of the record's language, applied to every text of the record once, so
//! that every format agrees. French: a no-break space before `:` and inside `« »`, a narrow
//! no-break space before `;` `!` `?`, and the apostrophe ’ (each can be turned off). English:
//! no space before `;` `:` `!` `?`. The spaces the secretary typed are replaced, never doubled.

use super::parts::{Block, Item, Record, Section};
pub use super::typeset::{NARROW, NBSP, Typography};
use crate::model::Language;

impl Record {
    /// Every text of the record set in `t`'s typography, the labels' punctuation too.
    pub(super) fn typeset(mut self, t: Typography) -> Record {
        let fix = |s: &mut String| *s = t.apply(s);
        let items = |items: &mut Vec<Item>| items.iter_mut().for_each(|i| fix(&mut i.text));
        let blocks = |blocks: &mut Vec<Block>| {
            for b in blocks {
                let (Block::Paragraph(text)
                | Block::Bullet { text, .. }
                | Block::Numbered { text, .. }) = b;
                fix(text);
            }
        };
        for s in [
            &mut self.title,
            &mut self.kind,
            &mut self.date,
            &mut self.place,
        ] {
            fix(s);
        }
        for list in [&mut self.participants, &mut self.absents, &mut self.agenda] {
            list.iter_mut().for_each(fix);
        }
        for section in &mut self.sections {
            match section {
                Section::Point { title, blocks: b } => {
                    fix(title);
                    blocks(b);
                }
                Section::Table(rows) => {
                    for row in rows {
                        fix(&mut row.title);
                        fix(&mut row.institution);
                        row.new_title.iter_mut().for_each(fix);
                        items(&mut row.items);
                        items(&mut row.history);
                    }
                }
            }
        }
        for d in self.decisions.iter_mut().chain(&mut self.followed) {
            blocks(&mut d.blocks);
            d.owner.iter_mut().for_each(fix);
            d.status.iter_mut().for_each(fix);
            d.deadline.iter_mut().for_each(fix);
        }
        if t.spaces && t.language == Language::Fr {
            self.labels.colon = "\u{a0}:";
            self.labels.separator = "\u{202f}; ";
        }
        self
    }
}
