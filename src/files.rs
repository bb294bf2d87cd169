//! Files written whole or not at all: a regular file (or one not yet there) is written
//! beside itself and renamed into place once it is on the disk whole, so that an error or an
//! interruption (a full disk) never leaves half a file where the user's file was; a device or
//! a FIFO (`/dev/stdout`, a named pipe) is written as it is, since renaming onto it would
//! replace it.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// A file being written: see the module's documentation.
pub enum Staged {
    /// The temporary file and the real file it becomes (a symbolic link's target).
    Beside(NamedTempFile, PathBuf),
    /// A special file, written in place.
    Special(std::fs::File),
}

impl Write for Staged {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self {
            Staged::Beside(file, _) => file.as_file_mut().write(bytes),
            Staged::Special(file) => file.write(bytes),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Staged::Beside(file, _) => file.as_file_mut().flush(),
            Staged::Special(file) => file.flush(),
        }
    }
}

/// Opens `path` to be written: see [`Staged`].
pub fn staged(path: &Path) -> std::io::Result<Staged> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::File::create(path).map(Staged::Special);
    }
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = target
        .parent()
        .filter(|f| !f.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".backstep-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let file = builder
        .tempfile_in(folder)
        .map_err(without_temporary_path)?;
    Ok(Staged::Beside(file, target))
}

/// The system's reason for a failed temporary file, without the temporary file's name that
/// tempfile appends (` at path "…"`): the user asked for another file, and the message names
/// that one.
fn without_temporary_path(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.rfind(" at path \"") {
        Some(at) => std::io::Error::new(e.kind(), text[..at].to_string()),
        None => e,
    }
}

/// Moves a finished [`staged`] file onto its path, once it is on the disk whole.
pub fn commit(file: Staged) -> std::io::Result<()> {
    match file {
        Staged::Beside(file, target) => {
            file.as_file().sync_all()?;
            file.persist(target)
                .map(drop)
                .map_err(|e| without_temporary_path(e.error))
        }
        Staged::Special(mut file) => file.flush(),
    }
}

/// Writes `bytes` to `path` whole: staged, then renamed into place.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = staged(path)?;
    file.write_all(bytes)?;
    commit(file)
}
