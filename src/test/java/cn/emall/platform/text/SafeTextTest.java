package cn.emall.platform.text;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTextTest {

    @Test
    void nulAndTheOtherControlCharactersAreRefusedByCodePoint() {
        assertTrue(SafeText.problem("ZC2026\u00000001").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+0000"));
        assertTrue(SafeText.problem("\u0001").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+0001"));
        assertTrue(SafeText.problem("包头\u001B[31m").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+001B"));
        assertTrue(SafeText.problem("x\u001F").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+001F"));
        assertTrue(SafeText.problem("\u000B").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+000B"), "vertical tab");
        assertTrue(SafeText.problem("\f").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+000C"), "form feed");
    }

    @Test
    void tabLineFeedAndCarriageReturnAreText() {
        assertEquals(Optional.empty(), SafeText.problem("第一行\r\n第二行\t备注\n"));
    }

    @Test
    void halfOfASurrogatePairIsRefusedAndAWholePairIsText() {
        assertTrue(SafeText.problem("a\uD800").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+D800"), "a high surrogate at the end");
        assertTrue(SafeText.problem("\uD83Dx").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+D83D"), "a high surrogate before a letter");
        assertTrue(SafeText.problem("\uDE00").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+DE00"), "a low surrogate alone");
        assertTrue(SafeText.problem("\uDE00\uD83D").orElseThrow().in(java.util.Locale.ENGLISH).contains("U+DE00"), "a pair the wrong way round");
        assertEquals(Optional.empty(), SafeText.problem("好评 \uD83D\uDE00 𠀀"));
    }

    @Test
    void ordinaryTextIsAccepted() {
        assertEquals(Optional.empty(), SafeText.problem("内蒙古自治区包头市 ' OR 1=1 -- <script>"));
        assertEquals(Optional.empty(), SafeText.problem(""));
        assertEquals(Optional.empty(), SafeText.problem(null));
        assertEquals(Optional.empty(), SafeText.problem("\u007F\u0085 \u00A0"), "DEL and C1 characters are not C0");
    }
}
