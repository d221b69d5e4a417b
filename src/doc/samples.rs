//! The bundled sample reports, embedded in the binary so that `gongwen` with no path works
//! anywhere, even after `cargo install`.

/// Name and bytes of each bundled sample (the files in `tests/samples/`).
pub const SAMPLES: [(&str, &[u8]); 5] = [
    ("foshan-hitech-2023.txt", include_bytes!("../../tests/samples/foshan-hitech-2023.txt")),
    (
        "tianjin-binhai-hitech-2020.txt",
        include_bytes!("../../tests/samples/tianjin-binhai-hitech-2020.txt"),
    ),
    ("weinan-hitech-2020.txt", include_bytes!("../../tests/samples/weinan-hitech-2020.txt")),
    (
        "xiamen-torch-hitech-2019.txt",
        include_bytes!("../../tests/samples/xiamen-torch-hitech-2019.txt"),
    ),
    ("zhongshan-torch-2019.txt", include_bytes!("../../tests/samples/zhongshan-torch-2019.txt")),
];
