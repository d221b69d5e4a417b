//! Update tests of the finder.
