//! Unit tests of the outline parser.
