//! Reading a file a student names, a scenario or a lesson: a regular file (not a system
//! file under /proc, /sys or /dev) of at most
//! [`MAX_FILE_BYTES`] bytes, in UTF-8 (the position of the first bad byte is told).

use crate::text::untrusted;
use std::path::Path;

use super::MAX_FILE_BYTES;
use super::error::{FileError, FileKind, Found, line_column};

/// Whether a name given on the command line names a file rather than a built-in: it has a
/// path separator or ends in `.toml`. A file or folder here named like a built-in does not
/// hide the built-in; `./NAME` names the file.
pub fn names_a_file(name: &str) -> bool {
    name.contains(['/', std::path::MAIN_SEPARATOR]) || name.ends_with(".toml")
}

/// The most bytes read of a file of `kind`: a session holds a scenario's text and more.
fn limit(kind: FileKind) -> u64 {
    match kind {
        FileKind::Session => 2 * MAX_FILE_BYTES + 64 * 1024,
        _ => MAX_FILE_BYTES,
    }
}

/// The text of the `kind` file at `path`.
pub fn read_text(path: &Path, kind: FileKind) -> Result<String, FileError> {
    let file = untrusted::path(path);
    let read_error = |source| FileError::Read {
        file: file.clone(),
        kind,
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    let found = Found::at(path);
    if found != Found::File {
        return Err(FileError::NotAFile { file, kind, found });
    }
    if metadata.len() > limit(kind) {
        return Err(FileError::TooLarge {
            file,
            kind,
            bytes: metadata.len(),
            limit: limit(kind),
        });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
        let (line, column) = line_column(prefix, valid);
        FileError::NotUtf8 {
            file,
            line,
            column,
            byte: bytes[valid],
        }
    })
}
