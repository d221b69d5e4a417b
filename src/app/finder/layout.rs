//! Where the finder's parts go: one pure function that the drawing and the state (page
//! size, mouse hits, scrolling) both use.

use crate::app::geometry::Area;

/// Below this width the finder has no preview pane.
pub const PREVIEW_MIN_WIDTH: u16 = 120;

/// Where the finder's parts go on a `width`×`height` terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FinderLayout {
    /// The popup with its border.
    pub popup: Area,
    /// The query line.
    pub input: Area,
    /// The key hints below it.
    pub hint: Area,
    /// The result rows.
    pub list: Area,
    /// The preview of the selected hit (empty on narrow screens).
    pub preview: Area,
}

impl FinderLayout {
    /// The layout for a terminal size; the status line (last row) stays visible.
    pub fn new(width: u16, height: u16) -> FinderLayout {
        let main_h = height.saturating_sub(1);
        let mx = if width >= 100 { 2 } else { 0 };
        let my = u16::from(main_h >= 20);
        let popup = Area {
            x: mx,
            y: my,
            width: width.saturating_sub(2 * mx),
            height: main_h.saturating_sub(2 * my),
        };
        let inner = popup.inner();
        let row = |i: u16| Area { y: inner.y + i, height: u16::from(inner.height > i), ..inner };
        let input = row(0);
        let hint = row(1);
        let body = Area {
            y: inner.y + 2.min(inner.height),
            height: inner.height.saturating_sub(2),
            ..inner
        };
        let (list, preview) = if width >= PREVIEW_MIN_WIDTH {
            let lw = body.width * 55 / 100;
            let list = Area { width: lw, ..body };
            // One column for the divider.
            let preview = Area { x: body.x + lw + 1, width: body.width - lw - 1, ..body };
            (list, preview)
        } else {
            (body, Area::default())
        };
        FinderLayout { popup, input, hint, list, preview }
    }
}
