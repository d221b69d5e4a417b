//! `gongwen search`: the finder's engine on the command line.

use super::SearchArgs;

/// Runs `gongwen search`; returns the exit code.
pub fn run(args: &SearchArgs) -> i32 {
    let _ = args;
    0
}
