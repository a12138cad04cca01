//! What an update asks the world to do. `update` only changes the state; the event loop
//! (`live`) performs these, off the key path where they take time.

/// One thing to do after an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The meeting changed: write it to its file.
    Save,
    /// Write over a file another program changed into one that does not load.
    SaveOver,
    /// Write the record in the configured formats beside the meeting file.
    Export,
    /// Write the journal now: restored text is not in the file yet.
    Journal,
    /// Keep the old journal aside, renamed, and start from the file.
    SetAsideJournal,
    /// Write the meeting to `App::copy_to`, a place the secretary typed when nothing else
    /// could be written.
    SaveCopy,
    /// End the program; the loop saves once more on the way out.
    Quit,
}

/// The effects of one update, in the order they were asked for, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct Effects(Vec<Effect>);

impl Effects {
    pub fn none() -> Effects {
        Effects(Vec::new())
    }

    pub fn one(effect: Effect) -> Effects {
        Effects(vec![effect])
    }

    pub fn push(&mut self, effect: Effect) {
        if !self.0.contains(&effect) {
            self.0.push(effect);
        }
    }

    pub fn extend(&mut self, other: Effects) {
        for effect in other.0 {
            self.push(effect);
        }
    }

    pub fn contains(&self, effect: Effect) -> bool {
        self.0.contains(&effect)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = Effect> + '_ {
        self.0.iter().copied()
    }
}

impl From<Effect> for Effects {
    fn from(effect: Effect) -> Effects {
        Effects::one(effect)
    }
}
