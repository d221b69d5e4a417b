//! Bytes to text: BOMs, UTF-8, UTF-16, the Chinese legacy encodings (GB18030/GBK, Big5), and
//! the refusal of binary files.
//!
//! The order of the checks, and why:
//!
//! 1. empty, or a byte order mark alone → `empty file`;
//! 2. a BOM decides: UTF-8 (BOM stripped; still refused if binary as in 3), UTF-16LE,
//!    UTF-16BE (refused when more than 1% of the characters are controls, or more than 1% of
//!    the code units, and at least 16, are unpaired surrogates: noise after `FF FE`);
//! 3. a known binary signature (PNG, ZIP/.docx, PDF, …) → `binary file (…)`; NUL bytes →
//!    `binary file (contains NUL bytes)`; more than 1% C0 control bytes → `binary file`;
//! 4. valid UTF-8 → UTF-8;
//! 5. GB18030 or Big5, tried in the order: the HTML `<meta charset>` hint, chardetng's guess;
//!    a candidate must decode without a single error *and* read as Chinese (see
//!    [`plausible_chinese`]). When chardetng guesses a non-Chinese encoding (it says
//!    windows-1252 for Latin text and for noise), GB18030 is still tried, but only for text
//!    that is mostly non-ASCII, so that `Müller` in Latin-1 never turns into a hanzi;
//! 6. mostly UTF-8 (at least four valid multi-byte characters per broken spot) → UTF-8 with
//!    U+FFFD in the broken spots and a warning (`invalid UTF-8 at byte N, shown as U+FFFD`);
//! 7. anything else → `not UTF-8 and not a recognised Chinese encoding`.
//!
//! The GBK family is reported as `GB18030`: GBK is a subset, and the GB18030 decoder reads
//! both. Line ends are left alone (the document model normalises them).

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE};

/// Decoded text with the encoding's display name and any warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed, line ends as in the file.
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030` or `Big5`.
    pub encoding: &'static str,
    /// Problems that did not stop loading (`invalid UTF-8 at byte 12, shown as U+FFFD`).
    pub warnings: Vec<String>,
}

/// Why bytes could not be decoded; the text is the reason users see.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes at all.
    #[error("empty file")]
    Empty,
    /// A known binary signature (`PNG image`, `PDF`, …) or many control bytes (`None`).
    #[error("binary file{}", .0.map(|k| format!(" ({k})")).unwrap_or_default())]
    Binary(Option<&'static str>),
    /// NUL bytes without a UTF-16 byte order mark.
    #[error("binary file (contains NUL bytes)")]
    Nul,
    /// Neither UTF-8 nor a Chinese encoding fits.
    #[error("not UTF-8 and not a recognised Chinese encoding")]
    Unknown,
}

/// Decodes a file's bytes; see the module documentation for the rules.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with_hint(bytes, None)
}

/// Like [`decode`], with a declared encoding (an HTML `<meta charset>`) tried first when the
/// bytes are not UTF-8. Only Chinese encodings are taken from the hint.
pub fn decode_with_hint(
    bytes: &[u8],
    hint: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    decode_owned(bytes.to_vec(), hint)
}

/// Like [`decode_with_hint`], taking the bytes: valid UTF-8 (the common case) becomes the text
/// in place, so a file is never held twice while it is decoded.
pub fn decode_owned(
    mut bytes: Vec<u8>,
    hint: Option<&'static Encoding>,
) -> Result<Decoded, DecodeError> {
    const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
    if bytes.is_empty() || bytes == UTF8_BOM {
        return Err(DecodeError::Empty);
    }
    if bytes.starts_with(UTF8_BOM) {
        refuse_binary(&bytes[UTF8_BOM.len()..])?;
        bytes.drain(..UTF8_BOM.len());
        return Ok(match String::from_utf8(bytes) {
            Ok(text) => Decoded { text, encoding: "UTF-8", warnings: Vec::new() },
            Err(e) => lossy_utf8(e.as_bytes(), UTF8_BOM.len()),
        });
    }
    for (bom, enc, name) in
        [(b"\xFF\xFE", UTF_16LE, "UTF-16LE"), (b"\xFE\xFF", UTF_16BE, "UTF-16BE")]
    {
        if let Some(rest) = bytes.strip_prefix(bom) {
            if rest.is_empty() {
                return Err(DecodeError::Empty);
            }
            // Not strict: never `None`.
            let (text, errors, first) = decode_counting(enc, rest, false).unwrap_or_default();
            if control_share_too_high(text.chars().map(|c| c as u32))
                || (errors >= 16 && errors * 100 > rest.len() / 2)
            {
                return Err(DecodeError::Binary(None));
            }
            let warnings = warning(name, errors, first.map(|b| b + 2));
            return Ok(Decoded { text, encoding: name, warnings });
        }
    }
    refuse_binary(&bytes)?;
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(Decoded { text, encoding: "UTF-8", warnings: Vec::new() }),
        Err(e) => e.into_bytes(),
    };
    if let Some(d) = decode_chinese(&bytes, hint) {
        return Ok(d);
    }
    let scan = Utf8Scan::of(&bytes);
    if scan.valid_multibyte >= 4 * scan.invalid {
        return Ok(lossy_utf8(&bytes, 0));
    }
    Err(DecodeError::Unknown)
}

/// How many bytes from the start chardetng looks at: some 700 Chinese characters, enough
/// to tell GB18030 from Big5 (chardetng runs at about 7 MB/s: at 64 KiB it was a tenth of a
/// cold load).
const DETECTION_SAMPLE: usize = 2 * 1024;

/// A known signature, NUL bytes, or too many control bytes.
fn refuse_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(Some(kind)));
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Nul);
    }
    // The same count as `control_share_too_high`, as arithmetic on bytes (a loop that
    // vectorises): bit `b` of CONTROL_BITS is set for the C0 controls counted.
    const CONTROL_BITS: u32 = 0b1111_0111_1111_1111_1100_0001_1111_1111;
    let control: usize = bytes
        .iter()
        .map(|&b| usize::from((b < 0x20 && (CONTROL_BITS >> (b & 31)) & 1 == 1) || b == 0x7F))
        .sum();
    if control * 100 > bytes.len() {
        return Err(DecodeError::Binary(None));
    }
    Ok(())
}

/// Tries the Chinese legacy encodings in order of evidence; see the module documentation.
fn decode_chinese(bytes: &[u8], hint: Option<&'static Encoding>) -> Option<Decoded> {
    // chardetng only orders the candidates (each is then checked on the whole file), and it is
    // the slowest step (about 7 MB/s): a sample of the start, cut after an ASCII byte, will do.
    let sample = match bytes.get(..DETECTION_SAMPLE) {
        Some(head) => head.iter().rposition(u8::is_ascii).map_or(head, |i| &head[..=i]),
        None => bytes,
    };
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(sample, true);
    let guess = detector.guess(None, false);
    let chinese = |e: &'static Encoding| chinese_name(e).map(|n| (e, n));
    let mut candidates: Vec<(&'static Encoding, &'static str, bool)> = Vec::new();
    for (enc, name) in [hint.and_then(chinese), chinese(guess)].into_iter().flatten() {
        candidates.push((enc, name, false));
    }
    // chardetng had no Chinese answer: GB18030 only with the stricter test.
    candidates.push((GB18030, "GB18030", candidates.is_empty()));
    candidates.into_iter().find_map(|(enc, name, strict)| {
        let (text, _, _) = decode_counting(enc, bytes, true)?;
        plausible_chinese(&text, strict).then(|| Decoded {
            text,
            encoding: name,
            warnings: Vec::new(),
        })
    })
}

/// The display name of a Chinese encoding, `None` for any other.
fn chinese_name(enc: &'static Encoding) -> Option<&'static str> {
    if enc == GBK || enc == GB18030 {
        Some("GB18030")
    } else if enc == BIG5 {
        Some("Big5")
    } else {
        None
    }
}

/// Whether decoded text reads as Chinese: at least 90% of its non-ASCII characters are
/// ideographs, CJK or full-width punctuation, or the symbols Chinese documents use. With
/// `strict`, non-ASCII must also be at least a third of the non-space characters.
pub(crate) fn plausible_chinese(text: &str, strict: bool) -> bool {
    let (mut non_ascii, mut fitting, mut visible) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if !c.is_whitespace() {
            visible += 1;
        }
        if c.is_ascii() {
            continue;
        }
        non_ascii += 1;
        if fits_chinese_text(c) {
            fitting += 1;
        }
    }
    non_ascii > 0 && fitting * 10 >= non_ascii * 9 && (!strict || non_ascii * 3 >= visible)
}

/// Characters that occur in Chinese reports (GB2312's repertoire and its neighbours).
fn fits_chinese_text(c: char) -> bool {
    matches!(c as u32,
        0x00A0..=0x00FF      // Latin-1 signs: · × ÷ ° ± §
        | 0x0391..=0x03C9    // Greek
        | 0x0401..=0x0451    // Cyrillic (in GB2312)
        | 0x2000..=0x22FF    // punctuation — … ‰ ※, letterlike ℃ №, Ⅰ, arrows, maths
        | 0x2460..=0x27BF    // ① ⑴, box drawing, shapes ■ ●, symbols ★
        | 0x3000..=0x30FF    // CJK punctuation 、。《》〔〕, kana
        | 0x3200..=0x33FF    // ㈠ and other enclosed or squared forms
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFFEF    // full-width forms (,:;)
        | 0x20000..=0x3FFFF  // CJK extensions B and later
    )
}

/// Decodes with U+FFFD for malformed sequences; returns the text, the number of malformed
/// sequences and the byte offset of the first. With `strict`, gives up (`None`) at the first.
///
/// Decodes through a small buffer: encoding_rs touches every page of the output's spare room
/// on each call, and a call ends at each malformed sequence, so decoding straight into the
/// whole output took time proportional to size × errors (minutes for a damaged 20 MB file).
fn decode_counting(
    enc: &'static Encoding,
    bytes: &[u8],
    strict: bool,
) -> Option<(String, usize, Option<usize>)> {
    const CHUNK: usize = 64 * 1024;
    let mut decoder = enc.new_decoder_without_bom_handling();
    let room = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(room);
    let mut chunk = String::with_capacity(CHUNK);
    let (mut pos, mut errors, mut first) = (0usize, 0usize, None);
    loop {
        chunk.clear();
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[pos..], &mut chunk, true);
        pos += read;
        out.push_str(&chunk);
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) if strict => return None,
            DecoderResult::Malformed(bad, extra) => {
                errors += 1;
                first.get_or_insert(pos.saturating_sub(usize::from(bad) + usize::from(extra)));
                out.push('\u{FFFD}');
            }
        }
    }
    out.shrink_to_fit();
    Some((out, errors, first))
}

/// UTF-8 with U+FFFD for invalid sequences, and a warning when there were any; `offset` is
/// where `bytes` start in the file (after a BOM).
fn lossy_utf8(bytes: &[u8], offset: usize) -> Decoded {
    let scan = Utf8Scan::of(bytes);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let warnings = warning("UTF-8", scan.invalid, scan.first.map(|b| b + offset));
    Decoded { text, encoding: "UTF-8", warnings }
}

/// The warning for `errors` malformed sequences, the first at byte `first` of the file.
fn warning(name: &str, errors: usize, first: Option<usize>) -> Vec<String> {
    match (errors, first) {
        (0, _) | (_, None) => Vec::new(),
        (1, Some(at)) => vec![format!("invalid {name} at byte {at}, shown as U+FFFD")],
        (n, Some(at)) => {
            vec![format!("invalid {name} in {n} places (first at byte {at}), shown as U+FFFD")]
        }
    }
}

/// How much of a byte string is valid UTF-8.
struct Utf8Scan {
    /// Valid characters of two or more bytes.
    valid_multibyte: usize,
    /// Invalid sequences (each becomes one U+FFFD).
    invalid: usize,
    /// Byte offset of the first invalid sequence.
    first: Option<usize>,
}

impl Utf8Scan {
    fn of(bytes: &[u8]) -> Self {
        let lead_bytes = |b: &[u8]| b.iter().filter(|&&x| x >= 0xC0).count();
        let mut scan = Utf8Scan { valid_multibyte: 0, invalid: 0, first: None };
        let mut offset = 0;
        while offset < bytes.len() {
            let rest = &bytes[offset..];
            match std::str::from_utf8(rest) {
                Ok(_) => {
                    scan.valid_multibyte += lead_bytes(rest);
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    scan.valid_multibyte += lead_bytes(&rest[..good]);
                    scan.invalid += 1;
                    scan.first.get_or_insert(offset + good);
                    offset += good + e.error_len().unwrap_or(rest.len() - good);
                }
            }
        }
        scan
    }
}

/// True when more than 1% of the characters are C0 controls other than tab, line ends, form
/// feed and escape, or DEL.
fn control_share_too_high(units: impl Iterator<Item = u32>) -> bool {
    let (mut total, mut control) = (0usize, 0usize);
    for u in units {
        total += 1;
        if is_control(u) {
            control += 1;
        }
    }
    control * 100 > total
}

/// A C0 control other than tab, line ends, form feed and escape, or DEL.
fn is_control(u: u32) -> bool {
    matches!(u, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// The kind of a file recognised by its first bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 12] = [
        (b"\x89PNG\r\n\x1A\n", "png image"),
        (b"\xFF\xD8\xFF", "jpeg image"),
        (b"GIF87a", "gif image"),
        (b"GIF89a", "gif image"),
        (b"%PDF-", "pdf"),
        (b"PK\x03\x04", "zip archive or office document"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "office document"),
        (b"\x1F\x8B", "gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "7z archive"),
        (b"Rar!\x1A\x07", "rar archive"),
        (b"\x7FELF", "executable"),
        (b"{\\rtf", "rtf document"),
    ];
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_text_is_read_as_gb18030() {
        let (bytes, _, _) = GBK.encode("关于2020年度法治政府建设工作的报告\n一、创新优化");
        let d = decode(&bytes).expect("GBK decodes");
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.starts_with("关于2020年度"));
    }

    #[test]
    fn big5_text_is_read_as_big5() {
        let text = "關於二〇二〇年度法治政府建設工作的報告。一、創新優化,全面履行政府職能。";
        let (bytes, _, _) = BIG5.encode(text);
        let d = decode(&bytes).expect("Big5 decodes");
        assert_eq!((d.encoding, d.text.as_str()), ("Big5", text));
    }

    #[test]
    fn latin1_text_is_refused_not_turned_into_hanzi() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Herr Müller aß Käse in Köln.\n");
        assert_eq!(decode(&bytes), Err(DecodeError::Unknown));
    }

    #[test]
    fn rtf_and_pdf_are_binary_with_their_kind() {
        assert_eq!(decode(b"%PDF-1.7\n"), Err(DecodeError::Binary(Some("pdf"))));
        assert_eq!(DecodeError::Binary(Some("pdf")).to_string(), "binary file (pdf)");
        assert_eq!(DecodeError::Binary(None).to_string(), "binary file");
    }

    #[test]
    fn the_control_bits_are_the_counted_controls() {
        let bits = (0u8..=0xFF)
            .filter(|&b| b < 0x20 && is_control(u32::from(b)))
            .fold(0u32, |m, b| m | 1 << b);
        let refused = |b: u8| {
            let mut bytes = vec![b'a'; 50];
            bytes[0] = b;
            refuse_binary(&bytes).is_err()
        };
        // One control byte in 50 is 2%: refused exactly when it is one that counts.
        for b in 1..=0xFFu8 {
            assert_eq!(refused(b), is_control(u32::from(b)), "{b:#x}");
        }
        assert_eq!(bits, 0b1111_0111_1111_1111_1100_0001_1111_1111);
    }

    #[test]
    fn many_control_bytes_are_binary() {
        let mut bytes = b"text ".repeat(20);
        bytes.extend([1, 2, 3]);
        assert_eq!(decode(&bytes), Err(DecodeError::Binary(None)));
    }

    #[test]
    fn utf16_with_an_unpaired_surrogate_warns() {
        let d = decode(b"\xFF\xFEa\x00\x00\xD8b\x00").expect("decodes lossily");
        assert_eq!(d.text, "a\u{FFFD}b");
        assert_eq!(d.warnings, ["invalid UTF-16LE at byte 4, shown as U+FFFD"]);
    }

    #[test]
    fn byte_offsets_count_the_bom_and_several_places_are_summed_up() {
        let d = decode(b"\xEF\xBB\xBFab\xFFc").expect("decodes lossily");
        assert_eq!(d.warnings, ["invalid UTF-8 at byte 5, shown as U+FFFD"]);
        let text = [&"中文".repeat(10).into_bytes()[..], b"\xFF-\xFE"].concat();
        let d = decode(&text).expect("decodes lossily");
        assert_eq!(d.warnings, ["invalid UTF-8 in 2 places (first at byte 60), shown as U+FFFD"]);
        assert_eq!(decode(b"\xEF\xBB\xBFa\0b"), Err(DecodeError::Nul));
    }

    #[test]
    fn noise_after_a_utf16_bom_is_binary() {
        // Every 20th unit an unpaired surrogate: 5% of the units, 50 of them.
        let units = (0..1000u16).map(|i| if i % 20 == 0 { 0xDC00 } else { 0x4E00 + i });
        let bytes: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain(units.flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&bytes), Err(DecodeError::Binary(None)));
    }

    #[test]
    fn a_byte_order_mark_alone_is_an_empty_file() {
        for bom in [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"] {
            assert_eq!(decode(bom), Err(DecodeError::Empty), "{bom:?}");
        }
    }

    #[test]
    fn errors_are_counted_across_the_decoding_buffer() {
        // Over 64 KiB of UTF-16 with an unpaired surrogate every 1000 characters.
        let mut bytes = vec![0xFF, 0xFE];
        for i in 0..100_000u32 {
            let unit: u16 = if i % 1000 == 999 { 0xD800 } else { 0x4E2D };
            bytes.extend(unit.to_le_bytes());
        }
        let d = decode(&bytes).expect("decodes lossily");
        assert_eq!(d.text.chars().filter(|&c| c == '\u{FFFD}').count(), 100);
        assert_eq!(d.text.chars().count(), 100_000);
        let first = 2 + 999 * 2;
        let expected =
            format!("invalid UTF-16LE in 100 places (first at byte {first}), shown as U+FFFD");
        assert_eq!(d.warnings, [expected]);
        // The strict form, used for the legacy encodings, gives up at the first error.
        assert_eq!(decode_counting(UTF_16LE, &bytes[2..], true), None);
    }

    #[test]
    fn a_meta_hint_cannot_override_valid_utf8() {
        let d = decode_with_hint("中文".as_bytes(), Some(GBK)).expect("decodes");
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", "中文"));
    }
}
