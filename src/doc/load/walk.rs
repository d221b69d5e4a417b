//! Paths to files: folders are read recursively, in sorted order, keeping only documents.
//!
//! * a path named explicitly that is not a folder is always tried, whatever its extension
//!   (even a pipe such as `<(curl …)`);
//! * inside folders only regular files ending `.txt .text .htm .html .md` (any case) are taken,
//!   names starting with `.` are skipped (files and folders), and so are pipes and devices;
//! * symbolic links are followed; each real folder is read once (visited canonical paths), so
//!   links cannot make the walk loop; a link back to a folder being read is reported as
//!   `symbolic link loop`; a broken link is reported only when its name is a document's;
//! * the files found under one folder are sorted by path; errors too.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::{io_error, LoadError};

/// The extensions (lower-case) taken from folders.
pub const EXTENSIONS: [&str; 5] = ["txt", "text", "htm", "html", "md"];

/// The error for a folder without documents.
pub const NO_DOCUMENTS: &str = "no documents (.txt .text .htm .html .md) in this folder";

/// The files one path stands for, and the problems met on the way.
pub fn expand_one(path: &Path) -> (Vec<PathBuf>, Vec<LoadError>) {
    match fs::metadata(path) {
        Err(e) => (Vec::new(), vec![io_error(path, &e)]),
        Ok(m) if m.is_dir() => walk(path),
        Ok(_) => (vec![path.to_path_buf()], Vec::new()),
    }
}

/// Whether a file name has one of the document extensions.
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn walk(top: &Path) -> (Vec<PathBuf>, Vec<LoadError>) {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    let top_real = match fs::canonicalize(top) {
        Ok(c) => c,
        Err(e) => return (files, vec![io_error(top, &e)]),
    };
    let mut visited = HashSet::from([top_real.clone()]);
    let mut pending = vec![(top.to_path_buf(), top_real)];
    while let Some((dir, real)) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(io_error(&dir, &e));
                continue;
            }
        };
        // In name order, so that of two names for one folder (a link beside its target) the
        // same one is walked on every run, whatever order the system lists them in. Each name
        // is taken once (`DirEntry::file_name` copies it: sorting by it copied it at every
        // comparison, most of the walk's time in a folder of 20,000 reports).
        let mut named = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => named.push((entry.file_name(), entry)),
                Err(e) => errors.push(io_error(&dir, &e)),
            }
        }
        named.sort_by(|(a, _), (b, _)| a.cmp(b));
        for (name, entry) in named {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().and_then(|t| {
                if t.is_symlink() {
                    fs::metadata(&path).map(|m| m.file_type())
                } else {
                    Ok(t)
                }
            });
            match kind {
                Ok(t) if t.is_dir() => match fs::canonicalize(&path) {
                    // A folder that contains the one being read: following it never ends.
                    Ok(target) if real.starts_with(&target) => errors.push(LoadError {
                        path: path.display().to_string(),
                        reason: "symbolic link loop".into(),
                    }),
                    Ok(target) => {
                        if visited.insert(target.clone()) {
                            pending.push((path, target));
                        }
                    }
                    Err(e) => errors.push(io_error(&path, &e)),
                },
                Ok(t) if t.is_file() && is_document(&path) => files.push(path),
                Ok(_) => {}
                Err(e) if is_document(&path) => errors.push(io_error(&path, &e)),
                Err(_) => {}
            }
        }
    }
    files.sort();
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    // A folder that could not be read at all has said why; "no documents" would only repeat it.
    let unreadable = errors.iter().any(|e| Path::new(&e.path) == top);
    if files.is_empty() && !unreadable {
        errors.push(LoadError { path: top.display().to_string(), reason: NO_DOCUMENTS.into() });
    }
    (files, errors)
}
