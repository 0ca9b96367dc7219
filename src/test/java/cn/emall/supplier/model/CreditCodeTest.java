package cn.emall.supplier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.emall.supplier.model.CreditCode.Problem;
import cn.emall.supplier.model.CreditCode.Result;
import cn.emall.testsupport.English;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91310110666007217T", "91150102MA0N3K7DXC"})
    void specExampleCodesAreValid(String code) {
        Result result = CreditCode.check(code);

        assertTrue(result.isValid());
        assertNull(result.problem());
        assertNull(result.message());
    }

    @Test
    void checkCharacterIsComputedFromTheFirst17Characters() {
        assertEquals('T', CreditCode.expectedCheckCharacter("91310110666007217"));
        assertEquals('C', CreditCode.expectedCheckCharacter("91150102MA0N3K7DX"));
    }

    @Test
    void checkCharacterValue31BecomesZero() {
        // 31 - (0 mod 31) = 31, written as '0'.
        assertEquals('0', CreditCode.expectedCheckCharacter("00000000000000000"));
    }

    @Test
    void codeOf17CharactersBreaksLength() {
        assertEquals(shown(Problem.LENGTH, "must be 18 characters, got 17"),
                inEnglish(CreditCode.check("91310110666007217")));
    }

    @Test
    void codeOf19CharactersBreaksLength() {
        assertEquals(Problem.LENGTH, CreditCode.check("91310110666007217TT").problem());
    }

    @Test
    void missingCodeBreaksLength() {
        assertEquals(Problem.LENGTH, CreditCode.check(null).problem());
    }

    @Test
    void codeWithLetterOAtPositionFiveBreaksCharset() {
        assertEquals(shown(Problem.CHARSET,
                        "character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)"),
                inEnglish(CreditCode.check("9131O110666007217T")));
    }

    @Test
    void codeWithLowerCaseLetterBreaksCharset() {
        Result result = CreditCode.check("91150102ma0N3K7DXC");

        assertEquals(Problem.CHARSET, result.problem());
        assertTrue(English.of(result.message()).startsWith("character 'm' at position 9"), English.of(result.message()));
    }

    @Test
    void charsetIsCheckedBeforeTheDivisionCode() {
        assertEquals(Problem.CHARSET, CreditCode.check("91I10110666007217T").problem());
    }

    @Test
    void codeWithLetterInPositionsThreeToEightBreaksDivisionCode() {
        assertEquals(shown(Problem.DIVISION_CODE,
                        "positions 3-8 (administrative division code) must be digits, got '3101A0'"),
                inEnglish(CreditCode.check("913101A0666007217T")));
    }

    @Test
    void codeWithWrongLastCharacterBreaksCheckCharacter() {
        assertEquals(shown(Problem.CHECK_CHARACTER, "check character must be 'T', got 'X'"),
                inEnglish(CreditCode.check("91310110666007217X")));
    }

    @Test
    void earlyPilotCodeBreaksOnlyCheckCharacter() {
        assertEquals(shown(Problem.CHECK_CHARACTER, "check character must be '3', got 'N'"),
                inEnglish(CreditCode.check("91350211M00013FA1N")));
    }

    @Test
    void checkCharacterOfCharactersOutsideTheSetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CreditCode.expectedCheckCharacter("9131O110666007217"));
        assertThrows(IllegalArgumentException.class, () -> CreditCode.expectedCheckCharacter("9131011066600721"));
    }

    /** A result as it reads in English: the rule broken and the message. */
    private static String shown(Problem problem, String message) {
        return problem + ": " + message;
    }

    private static String inEnglish(Result result) {
        return result.problem() + ": " + English.of(result.message());
    }
}
