package cn.emall.supplier.model;

import cn.emall.text.Msg;
import cn.emall.text.Text;

/**
 * Validation of the 18-character Unified Social Credit Code (统一社会信用代码, GB 32100-2015)
 * that identifies a supplier (SPEC "Suppliers"). The rules are checked in this order and the
 * first one broken is reported:
 * <ol>
 *   <li>{@link Problem#LENGTH}: exactly 18 characters;</li>
 *   <li>{@link Problem#CHARSET}: every character is one of {@value #CHARSET} (digits and
 *       upper-case letters except I, O, S, V, Z);</li>
 *   <li>{@link Problem#DIVISION_CODE}: positions 3-8, the administrative division code, are
 *       digits;</li>
 *   <li>{@link Problem#CHECK_CHARACTER}: the 18th character equals
 *       {@link #expectedCheckCharacter(String)} of the first 17.</li>
 * </ol>
 * The code is taken as given: trimming and upper-casing are the caller's business, so a
 * lower-case letter breaks the character set. Some genuine early pilot codes, such as
 * 91350211M00013FA1N, break only the check character; SPEC lets an officer admit those with a
 * recorded reason, which is why that problem is reported separately.
 */
public final class CreditCode {

    /** The characters a code may contain; a character's value is its index here. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** The number of characters of a code. */
    public static final int LENGTH = 18;

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int MODULUS = 31;
    private static final int DIVISION_CODE_START = 2;
    private static final int DIVISION_CODE_END = 8;

    /** The rule a code breaks. */
    public enum Problem { LENGTH, CHARSET, DIVISION_CODE, CHECK_CHARACTER }

    /**
     * The outcome of {@link #check(String)}.
     *
     * @param problem the first rule broken, {@code null} when the code is valid
     * @param message what names the rule and the offending value, {@code null} when the code is valid
     */
    public record Result(Problem problem, Text message) {

        private static final Result VALID = new Result(null, null);

        /** Whether the code breaks no rule. */
        public boolean isValid() {
            return problem == null;
        }
    }

    private CreditCode() {
    }

    /**
     * Checks {@code code} against the rules in the order listed on this class.
     *
     * @param code the code exactly as submitted; {@code null} breaks the length rule
     */
    public static Result check(String code) {
        if (code == null) {
            return new Result(Problem.LENGTH, Msg.CREDIT_CODE_LENGTH_NONE.with(LENGTH));
        }
        if (code.length() != LENGTH) {
            return new Result(Problem.LENGTH, Msg.CREDIT_CODE_LENGTH.with(LENGTH, code.length()));
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                return new Result(Problem.CHARSET, Msg.CREDIT_CODE_CHARSET.with(c, i + 1));
            }
        }
        String divisionCode = code.substring(DIVISION_CODE_START, DIVISION_CODE_END);
        if (!divisionCode.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Result(Problem.DIVISION_CODE, Msg.CREDIT_CODE_DIVISION.with(divisionCode));
        }
        char expected = expectedCheckCharacter(code.substring(0, LENGTH - 1));
        char actual = code.charAt(LENGTH - 1);
        if (actual != expected) {
            return new Result(Problem.CHECK_CHARACTER, Msg.CREDIT_CODE_CHECK_CHARACTER.with(expected, actual));
        }
        return Result.VALID;
    }

    /**
     * The check character of GB 32100-2015 for the first 17 characters of a code:
     * 31 - (sum of value x weight mod 31), with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24
     * 10 30 28 and 31 becoming 0, written as the character with that value.
     *
     * @param first17 17 characters from {@link #CHARSET}
     * @throws IllegalArgumentException when {@code first17} is not 17 characters from the set
     */
    public static char expectedCheckCharacter(String first17) {
        if (first17 == null || first17.length() != WEIGHTS.length) {
            throw new IllegalArgumentException("first17: must be " + WEIGHTS.length + " characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("first17: character '" + first17.charAt(i)
                        + "' at position " + (i + 1) + " is not allowed");
            }
            sum += value * WEIGHTS[i];
        }
        int check = MODULUS - sum % MODULUS;
        return CHARSET.charAt(check == MODULUS ? 0 : check);
    }
}
