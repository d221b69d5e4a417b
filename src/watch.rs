//! Watching the opened folders for documents added, changed or removed while the reader runs.
