//! Drawing: `render(&App, &Theme, &mut Frame)`, one file per pane. No input or output here.

pub mod theme;
