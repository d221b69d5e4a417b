use super::*;

#[test]
fn traditional_lines_of_a_real_report_fold_to_simplified() {
    // Lines of the 1954 government work report, which is partly in traditional script.
    let cases = [
        ("我們第一届全國人民代表大會第一次會議", "我们第一届全国人民代表大会第一次会议"),
        ("因爲材料使用的浪費損失十八億餘元", "因为材料使用的浪费损失十八亿余元"),
        ("原煤八千一百九十九萬噸", "原煤八千一百九十九万吨"),
        ("平均每年遞增百分之三十六點九", "平均每年递增百分之三十六点九"),
        ("中國人民政治協商會議共同綱領", "中国人民政治协商会议共同纲领"),
    ];
    for (traditional, simplified) in cases {
        assert_eq!(simplify_str(traditional), simplified, "{traditional}");
        // Simplified text is already folded, and comes back borrowed.
        assert!(matches!(simplify_str(simplified), Cow::Borrowed(_)), "{simplified}");
    }
}

#[test]
fn opencc_first_candidate_is_taken() {
    // OpenCC lists `瞭 了` with `瞭` first: it stays; `乾 干 乾` folds to `干`.
    assert_eq!(simplify('瞭'), '瞭');
    assert_eq!(simplify('乾'), '干');
    assert_eq!(simplify('節'), '节');
    assert_eq!(simplify('條'), '条');
}

#[test]
fn non_chinese_and_simplified_characters_stay() {
    for c in ['a', '5', '，', '（', '①', '\u{3000}', '国', '亿', '万', '余', '𠀀'] {
        assert_eq!(simplify(c), c, "{c:?}");
    }
}

#[test]
fn every_fold_keeps_the_byte_length_and_is_stable() {
    let mut folded = 0;
    for c in (0..0x11_0000).filter_map(char::from_u32) {
        let s = simplify(c);
        assert_eq!(s.len_utf8(), c.len_utf8(), "{c:?}");
        assert_eq!(simplify(s), s, "{c:?} → {s:?} folds again");
        folded += usize::from(s != c);
    }
    // OpenCC's character table has some 4,000 traditional characters.
    assert!((3000..6000).contains(&folded), "{folded}");
}

#[test]
fn the_constant_fold_agrees_with_the_fold() {
    for c in ('\u{4E00}'..='\u{9FFF}').chain(['a', '㑮', '𠀀']) {
        let expected = if ('\u{4E00}'..='\u{9FFF}').contains(&c) { simplify(c) } else { c };
        assert_eq!(simplify_unified(c), expected, "{c:?}");
    }
}
