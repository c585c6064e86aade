package cn.pes.casework.command.employer;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码) as GB 32100-2015 defines it: 18 characters from
 * the 31-character alphabet 0-9 A-H J-N P-R T U W-Y (I, O, Z, S, V are left out so they cannot be
 * misread), positions 3-8 the administrative division code (digits), and position 18 a check character
 * over the first 17 with the weights 3^(i-1) mod 31. Only the code's own structure is checked: whether
 * it was really issued is for the market regulator's register.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    /** Why a code was refused, stable enough to be an error code; never carries the code itself. */
    public enum Problem { MISSING, LENGTH, CHARACTER, DIVISION_CODE, CHECK_CHARACTER }

    public static final class InvalidCodeException extends RuntimeException {
        private final Problem problem;

        InvalidCodeException(Problem problem) {
            super("invalid unified social credit code: " + problem);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * Parses a code as people type it: spaces (also full-width) and lower case are how codes get
     * copied from licences, not part of them.
     */
    public static UnifiedSocialCreditCode parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidCodeException(Problem.MISSING);
        }
        String code = input.replaceAll("[\\s\\u3000]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            throw new InvalidCodeException(Problem.LENGTH);
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new InvalidCodeException(Problem.CHARACTER);
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                throw new InvalidCodeException(Problem.DIVISION_CODE);
            }
        }
        if (code.charAt(LENGTH - 1) != checkCharacter(code.substring(0, LENGTH - 1))) {
            throw new InvalidCodeException(Problem.CHECK_CHARACTER);
        }
        return new UnifiedSocialCreditCode(code);
    }

    /** The check character of the first 17 characters: 31 - (weighted sum mod 31), where 31 counts as 0. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
