//! What identifies a meeting: for a journal, its title and date; for the undo history
//! kept with it, also a hash of what it holds.

use super::meeting::Meeting;

impl Meeting {
    /// Which meeting a journal belongs to: its title and date.
    pub fn identity(&self) -> String {
        format!("{} — {}", self.header.title, self.header.date)
    }

    /// The meeting and what it holds, for the undo history kept with it: its identity, then
    /// a hash of its content but the time spent (which the way out adds to the file).
    pub fn fingerprint(&self) -> String {
        // The bytes go straight into the hash, not into a buffer per commitment first.
        let mut hasher = Hashing(xxhash_rust::xxh3::Xxh3::new());
        for c in &self.commitments {
            let part = (c.number, &c.title, &c.marks, &c.observations);
            let _ = postcard::to_io(&part, &mut hasher);
        }
        let rest = (&self.participants, &self.points, &self.decisions);
        let _ = postcard::to_io(&(rest, &self.remarks), &mut hasher);
        format!("{}\n{:032x}", self.identity(), hasher.0.digest128())
    }
}

/// A hash that bytes are written into.
struct Hashing(xxhash_rust::xxh3::Xxh3);

impl std::io::Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    /// The undo history kept by an earlier version is still recognised: the fingerprint is
    /// the hash of the same bytes as before, each commitment's encoding one after the other.
    #[test]
    fn the_undo_fingerprint_is_the_one_earlier_versions_wrote() {
        let meeting = crate::model::generate::meeting(300, 7);
        let mut bytes = Vec::new();
        for c in &meeting.commitments {
            let part = (c.number, &c.title, &c.marks, &c.observations);
            bytes.extend(postcard::to_stdvec(&part).unwrap());
        }
        let rest = (&meeting.participants, &meeting.points, &meeting.decisions);
        bytes.extend(postcard::to_stdvec(&(rest, &meeting.remarks)).unwrap());
        let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
        let expected = format!("{}\n{hash:032x}", meeting.identity());
        assert_eq!(meeting.fingerprint(), expected);
    }
}
