//! The `gongwen` binary: everything is in the library; see `gongwen::cli`.

fn main() {
    std::process::exit(gongwen::cli::main());
}
