//! What gongwen remembers between runs, kept out of the report folders: reading places
//! (position, bookmarks, finder history) under the XDG state directory, and a cache of parsed
//! documents under the XDG cache directory.
//!
//! Both are best effort: a missing, unreadable, corrupt or foreign file becomes a message and an
//! empty store, never an error that stops the reader. Writes are atomic ([`atomic::write`]): a
//! crash mid-write leaves the previous file whole. Nothing here imports ratatui or crossterm.

pub mod atomic;
pub mod cache;
pub mod places;

pub use cache::{Cache, CacheStats};
pub use places::{Bookmark, DocKey, Places, Position};

/// The fast 64-bit content hash used in keys (xxh3): hashing 400 MB takes a few tens of
/// milliseconds, so a key can cover the whole content, not a sample of it.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}
