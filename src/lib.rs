//! gongwen: a terminal reader for Chinese government reports (法治政府建设年度报告).
//!
//! # Map
//!
//! ```text
//!   main.rs ── arguments ──► cli (outline | info | text | search | metrics)
//!      │                      │
//!      └──► term (terminal guard, event loop) ──► app (state, Action, update) ──► ui (draw)
//!                                                   │
//!   pure layer (no terminal):  doc ◄── outline, metrics, text      search (items, query, index)
//! ```
//!
//! * [`doc`] — the document model: loading files and folders (encodings, HTML), cleaning site
//!   chrome out of the reading text, the document card, the bundled samples.
//! * [`outline`] — headings from the official numbering (`一、` `(一)` `1.` `(1)` `一是` …) and
//!   their levels (`shared/spec/OUTLINE.md`).
//! * [`metrics`] — the quantities a report states (`4070件`, `1.59亿元`), with labels
//!   (`shared/spec/METRICS.md`).
//! * [`text`] — pure text utilities: NFKC folding, display-width wrapping with Chinese
//!   line-breaking rules, making document text safe to show on a terminal.
//! * [`store`] — what is remembered between runs, outside the report folders: reading places
//!   and finder history (XDG state dir), the cache of parsed documents (XDG cache dir).
//! * [`watch`] — files added, changed or removed in the opened folders, as events on a channel.
//!
//! # Layering rules
//!
//! `doc`, `outline`, `metrics`, `text`, `search`, `store`, `watch` and `app` import neither ratatui nor crossterm;
//! `ui` draws but does no input or output; only `term` reads events or owns the terminal.
//! The CLI, the reader, the tests and the benchmarks share one parser, one search and one
//! metrics extractor.

pub mod app;
pub mod doc;
pub mod metrics;
pub mod outline;
pub mod search;
pub mod store;
pub mod text;
pub mod watch;

pub mod cli;
pub mod term;
pub mod ui;
