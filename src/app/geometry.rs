//! Where each pane goes for a terminal size: one pure function that both the drawing and the
//! state (page sizes, wrap width, mouse hits) use, so they always agree.

/// A rectangle in terminal cells (the pure twin of ratatui's `Rect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Area {
    /// Whether the cell `(x, y)` is inside.
    pub fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x && y >= self.y && x - self.x < self.width && y - self.y < self.height
    }

    /// The area inside a one-cell border (empty when there is no room).
    pub fn inner(&self) -> Area {
        if self.width < 2 || self.height < 2 {
            return Area { x: self.x, y: self.y, width: 0, height: 0 };
        }
        Area { x: self.x + 1, y: self.y + 1, width: self.width - 2, height: self.height - 2 }
    }

    /// Whether nothing fits.
    pub fn is_empty(&self) -> bool {
        self.width == 0 || self.height == 0
    }
}

/// Below this width only one pane is shown at a time.
pub const TWO_PANE_MIN_WIDTH: u16 = 70;

/// The panes for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The outline pane with its border (empty when hidden).
    pub outline: Area,
    /// The reading pane with its border (empty when hidden).
    pub reader: Area,
    /// The reading text inside the reader's border and padding.
    pub text: Area,
    /// The outline rows inside its border.
    pub list: Area,
    /// The status line (the last row).
    pub status: Area,
    /// The full-screen views (metrics table, compare) with their border: all but the status.
    pub view: Area,
    /// The list inside a view, below its two header lines (the line edited and a header).
    pub view_list: Area,
}

/// Lines at the top of a view above its list.
pub const VIEW_HEADER: u16 = 2;

impl Geometry {
    /// Lays out a `width`×`height` terminal; with one pane, `outline_shown` picks which.
    pub fn new(width: u16, height: u16, outline_shown: bool) -> Geometry {
        if width == 0 || height == 0 {
            return Geometry::default();
        }
        let status = Area { x: 0, y: height - 1, width, height: 1 };
        let main = Area { x: 0, y: 0, width, height: height - 1 };
        let (outline, reader) = if width >= TWO_PANE_MIN_WIDTH {
            let w = (width * 32 / 100).clamp(24, 44);
            (Area { width: w, ..main }, Area { x: w, width: width - w, ..main })
        } else if outline_shown {
            (main, Area::default())
        } else {
            (Area::default(), main)
        };
        let inner = reader.inner();
        // One column of padding on each side when there is room for it.
        let text = if inner.width >= 12 {
            Area { x: inner.x + 1, width: inner.width - 2, ..inner }
        } else {
            inner
        };
        let inside = main.inner();
        let view_list = if inside.height > VIEW_HEADER {
            Area { y: inside.y + VIEW_HEADER, height: inside.height - VIEW_HEADER, ..inside }
        } else {
            Area { height: 0, ..inside }
        };
        Geometry { outline, reader, text, list: outline.inner(), status, view: main, view_list }
    }

    /// Whether only one pane is shown.
    pub fn single_pane(&self) -> bool {
        self.outline.is_empty() || self.reader.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_both_panes_side_by_side() {
        let g = Geometry::new(80, 24, false);
        assert!(!g.single_pane());
        assert_eq!(g.outline.width + g.reader.width, 80);
        assert_eq!(g.status, Area { x: 0, y: 23, width: 80, height: 1 });
        assert!(g.text.width >= 48, "{g:?}");
    }

    #[test]
    fn narrow_terminals_show_the_chosen_pane_only() {
        let g = Geometry::new(60, 20, true);
        assert!(g.single_pane());
        assert_eq!(g.outline.width, 60);
        let g = Geometry::new(60, 20, false);
        assert_eq!(g.reader.width, 60);
        assert!(g.outline.is_empty());
    }

    #[test]
    fn degenerate_sizes_give_empty_areas() {
        assert_eq!(Geometry::new(0, 0, false), Geometry::default());
        let g = Geometry::new(1, 1, false);
        assert!(g.text.is_empty() && g.list.is_empty());
        assert_eq!(g.status.width, 1);
    }
}
