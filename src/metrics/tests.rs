//! Unit tests of the extractor (filled below).
