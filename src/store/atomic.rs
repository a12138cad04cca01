//! Atomic, durable replacement of a file: a temporary file in the same directory is
//! written and synced, given the old file's permissions, renamed over the target, and the
//! directory is synced. A failure at any step leaves the old file whole.

use crate::i18n::{fill, msg};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The steps of a save, named in error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    Write,
    SyncFile,
    Permissions,
    Rename,
    SyncDir,
    /// Reading the house template of a Word export.
    Template,
    /// Laying out a document (the PDF) before it is written.
    Typeset,
    /// Refused before anything was written: a link, a name or a folder that cannot be.
    Refused,
}

impl SaveStep {
    pub fn describe(self) -> &'static str {
        match self {
            SaveStep::CreateTemp => msg().step_create_temp,
            SaveStep::Write => msg().step_write,
            SaveStep::SyncFile => msg().step_sync_file,
            SaveStep::Permissions => msg().step_permissions,
            SaveStep::Rename => msg().step_rename,
            SaveStep::SyncDir => msg().step_sync_dir,
            SaveStep::Template => msg().step_template,
            SaveStep::Typeset => msg().step_typeset,
            SaveStep::Refused => "",
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{}", self.said())]
pub struct SaveError {
    pub path: PathBuf,
    pub step: SaveStep,
    #[source]
    pub source: io::Error,
}

impl SaveError {
    fn said(&self) -> String {
        let path = self.path.display();
        match self.step {
            SaveStep::Refused => fill(msg().cannot_save_refused, &[&path, &self.source]),
            step => fill(msg().cannot_save, &[&path, &step.describe(), &self.source]),
        }
    }

    /// `path` is there already and may not be replaced.
    pub fn exists(path: &Path) -> SaveError {
        SaveError {
            path: path.to_path_buf(),
            step: SaveStep::Rename,
            source: io::Error::from(io::ErrorKind::AlreadyExists),
        }
    }

    pub fn already_exists(&self) -> bool {
        self.source.kind() == io::ErrorKind::AlreadyExists
    }

    /// Not written because another program changed the file while it was being written.
    pub fn changed_meanwhile(&self) -> bool {
        self.step == SaveStep::Rename && self.source.kind() == io::ErrorKind::Interrupted
    }

    /// Refused for what was asked (a house template that cannot be used, a symbolic link
    /// where a document would go), not for a failure of the machine: exit code 2.
    pub fn is_bad_input(&self) -> bool {
        matches!(self.step, SaveStep::Template | SaveStep::Refused)
            || self.source.kind() == io::ErrorKind::InvalidInput
    }
}

/// Whether the target may already exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Replace,
    CreateNew,
}

/// Removes the temporary files a save of `path` interrupted by a crash left beside it
/// (`.NAME.XXXXXX.tmp`, older than a minute so that no save under way is touched).
/// Returns how many went.
pub fn remove_leftovers(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let old = |p: &Path| {
        fs::metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= 60)
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            n.starts_with(&prefix) && n.ends_with(".tmp") && old(p)
        })
        .filter(|p| fs::remove_file(p).is_ok())
        .count()
}

/// A document copil makes (an export, a form, a draft mail): written as `write_atomic`
/// does, but never through a symbolic link, which could send it over a file elsewhere.
pub fn write_document(path: &Path, bytes: &[u8], mode: Mode) -> Result<(), SaveError> {
    let refused = |why: String| {
        Err(SaveError {
            path: path.to_path_buf(),
            step: SaveStep::Refused,
            source: io::Error::new(io::ErrorKind::InvalidInput, why),
        })
    };
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return refused(msg().is_a_link.to_owned());
    }
    let name = path.file_name().map(|n| n.to_string_lossy());
    if name.is_some_and(|n| crate::platform::name_refused(&n)) {
        return refused(msg().name_refused.to_owned());
    }
    if let Some(folder) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !folder.is_dir()
    {
        return refused(crate::i18n::fill(msg().no_folder, &[&folder.display()]));
    }
    write_atomic(path, bytes, mode)
}

/// Replaces `path` with `bytes`, atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Mode) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, mode, &mut |_| Ok(()))
}

/// The save, with `before` called ahead of each step; tests make it fail to prove that
/// every step can fail without harm. The write step is split in two halves around it.
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    mode: Mode,
    before: &mut dyn FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    // Writing through a symbolic link replaces the file it points to, not the link.
    let target = dunce::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let fail = |step: SaveStep| {
        let target = target.clone();
        move |source: io::Error| SaveError {
            path: target,
            step,
            source,
        }
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let old = fs::metadata(&target).ok();
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    before(SaveStep::CreateTemp).map_err(fail(SaveStep::CreateTemp))?;
    let prefix = format!(".{file_name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    crate::platform::new_file_permissions(&mut builder);
    let mut temp = builder
        .tempfile_in(&dir)
        .map_err(fail(SaveStep::CreateTemp))?;

    let half = bytes.len() / 2;
    temp.write_all(&bytes[..half])
        .and_then(|()| before(SaveStep::Write))
        .and_then(|()| temp.write_all(&bytes[half..]))
        .and_then(|()| temp.flush())
        .map_err(fail(SaveStep::Write))?;
    before(SaveStep::SyncFile)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(fail(SaveStep::SyncFile))?;
    if let Some(old) = &old {
        // The file stays its owner's, with its group and permissions.
        crate::platform::keep_owner(temp.as_file(), old);
        before(SaveStep::Permissions)
            .and_then(|()| temp.as_file().set_permissions(old.permissions()))
            .map_err(fail(SaveStep::Permissions))?;
    }
    before(SaveStep::Rename).map_err(fail(SaveStep::Rename))?;
    // Tried again while another program holds the file (Windows): `persist` gives the
    // temporary file back when it fails.
    let mut temp = Some(temp);
    crate::platform::rename_over(|| {
        let file = temp
            .take()
            .ok_or_else(|| io::Error::other("renamed already"))?;
        match mode {
            Mode::Replace => file.persist(&target).map(drop),
            Mode::CreateNew => file.persist_noclobber(&target).map(drop),
        }
        .map_err(|e| {
            temp = Some(e.file);
            e.error
        })
    })
    .map_err(fail(SaveStep::Rename))?;
    before(SaveStep::SyncDir)
        .and_then(|()| crate::platform::sync_dir(&dir))
        .map_err(fail(SaveStep::SyncDir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_temporary_files_of_an_interrupted_save_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "x").unwrap();
        let leftover = dir.path().join(".m.toml.Ab12Cd.tmp");
        let fresh = dir.path().join(".m.toml.Zz99Yy.tmp");
        let other = dir.path().join(".other.toml.Ab12Cd.tmp");
        for p in [&leftover, &fresh, &other] {
            fs::write(p, "partial").unwrap();
        }
        let hour_ago = crate::clock::system() - std::time::Duration::from_secs(3600);
        for p in [&leftover, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
        assert_eq!(remove_leftovers(&path), 1);
        assert!(!leftover.exists());
        assert!(fresh.exists() && other.exists() && path.exists());
    }

    const STEPS: [SaveStep; 5] = [
        SaveStep::CreateTemp,
        SaveStep::Write,
        SaveStep::SyncFile,
        SaveStep::Permissions,
        SaveStep::Rename,
    ];

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "meeting.toml")
            .collect()
    }

    #[test]
    fn a_failure_at_any_step_before_the_rename_leaves_the_old_file_whole() {
        for failing in STEPS {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("meeting.toml");
            fs::write(&path, "old content\n").unwrap();
            let new = "new content, much longer than the old one\n".repeat(100);
            let err = write_atomic_with(&path, new.as_bytes(), Mode::Replace, &mut |step| {
                if step == failing {
                    Err(io::Error::other("injected"))
                } else {
                    Ok(())
                }
            })
            .unwrap_err();
            assert_eq!(err.step, failing);
            assert_eq!(fs::read_to_string(&path).unwrap(), "old content\n");
            assert!(
                leftovers(dir.path()).is_empty(),
                "{:?}",
                leftovers(dir.path())
            );
            assert!(err.to_string().contains("meeting.toml"), "{err}");
        }
    }

    #[test]
    fn a_failed_directory_sync_comes_after_the_new_file_is_complete() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meeting.toml");
        fs::write(&path, "old\n").unwrap();
        let err = write_atomic_with(&path, b"new\n", Mode::Replace, &mut |step| {
            if step == SaveStep::SyncDir {
                Err(io::Error::other("injected"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert_eq!(err.step, SaveStep::SyncDir);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_of_the_old_file_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meeting.toml");
        fs::write(&path, "old\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new\n", Mode::Replace).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    /// Run as root (as a service or a shared machine's admin may), a save keeps the file's
    /// owner and group; as anyone else, the owner is the user already.
    #[cfg(unix)]
    #[test]
    fn owner_and_group_of_the_old_file_are_kept() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meeting.toml");
        fs::write(&path, "old\n").unwrap();
        let me = fs::metadata(&path).unwrap();
        // Someone else's file, when this process may give files away.
        let (uid, gid) = if me.uid() == 0 {
            (1234, 5678)
        } else {
            (me.uid(), me.gid())
        };
        let _ = std::os::unix::fs::chown(&path, Some(uid), Some(gid));
        let before = fs::metadata(&path).unwrap();
        write_atomic(&path, b"new\n", Mode::Replace).unwrap();
        let after = fs::metadata(&path).unwrap();
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_replaces_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&real, "old\n").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new\n", Mode::Replace).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new\n");
    }

    #[test]
    fn create_new_refuses_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meeting.toml");
        fs::write(&path, "old\n").unwrap();
        let err = write_atomic(&path, b"new\n", Mode::CreateNew).unwrap_err();
        assert!(err.already_exists());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
    }
}
