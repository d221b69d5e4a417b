//! Atomic file replacement: write a temporary file in the same folder, flush it to disk, then
//! rename it over the target, so readers see the old file or the new one, never half of one.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically and durably (flushed to disk before and after the
/// rename), creating the folder if needed. On failure the previous file is untouched and no
/// temporary file is left behind.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, true)
}

/// Like [`write`] without flushing to disk: atomic for other processes, but a power cut may
/// leave an empty or torn file. For caches that check what they read (thousands of `fsync`s
/// would cost seconds).
pub fn write_fast(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, false)
}

/// Like [`write_fast`], for a file too large to hold in memory first: `write` streams the
/// contents into the (buffered) temporary file.
pub fn write_fast_with<F>(path: &Path, write: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    replace(path, false, |f| {
        let mut w = io::BufWriter::with_capacity(1 << 20, f);
        write(&mut w)?;
        w.flush()
    })
}

fn write_with(path: &Path, bytes: &[u8], durable: bool) -> io::Result<()> {
    replace(path, durable, |f| f.write_all(bytes))
}

/// Writes the temporary file with `fill` and renames it over `path`.
fn replace<F>(path: &Path, durable: bool, fill: F) -> io::Result<()>
where
    F: FnOnce(&mut File) -> io::Result<()>,
{
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = temp_path(path);
    let result = write_temp(&tmp, fill, durable).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        // Only remove what this call made: the temporary file, never a folder in its place.
        if tmp.is_file() {
            let _ = fs::remove_file(&tmp);
        }
        return result;
    }
    if durable {
        sync_dir(dir);
    }
    Ok(())
}

/// The temporary name: hidden, beside the target, unique per process, thread and target (the
/// cache writes from several loader threads).
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    path.with_file_name(format!(".{name}.tmp.{}.{thread}", std::process::id()))
}

fn write_temp<F>(tmp: &Path, fill: F, durable: bool) -> io::Result<()>
where
    F: FnOnce(&mut File) -> io::Result<()>,
{
    let mut f = File::create(tmp)?;
    fill(&mut f)?;
    if durable {
        f.sync_all()?;
    }
    Ok(())
}

/// Makes the rename itself durable where the platform allows it; failure only loses durability.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/state.json");
        write(&path, b"one").expect("first write");
        write(&path, b"two").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(names(&dir.path().join("sub")), ["state.json"]);
    }

    #[test]
    fn a_failing_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("state.json");
        write(&path, b"old").expect("first write");
        // Something in the way of the temporary file makes the write fail.
        fs::create_dir(temp_path(&path)).expect("block the temporary name");
        assert!(write(&path, b"new").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"old");
    }
}
