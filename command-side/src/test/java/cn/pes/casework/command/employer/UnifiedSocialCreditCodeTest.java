package cn.pes.casework.command.employer;

import cn.pes.casework.command.employer.UnifiedSocialCreditCode.InvalidCodeException;
import cn.pes.casework.command.employer.UnifiedSocialCreditCode.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GB 32100-2015. Valid codes are completed here with the standard's algorithm written out again
 * independently (not with the class under test), so a wrong weight or alphabet in either shows.
 */
class UnifiedSocialCreditCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Check character by the standard: weight of position i is 3^(i-1) mod 31. */
    private static String complete(String first17) {
        int sum = 0;
        int weight = 1;
        for (char c : first17.toCharArray()) {
            sum += ALPHABET.indexOf(c) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y4", // 工商 (9), enterprise (1), Fuzhou division code, letters in the organisation code
            "91110108551385082", // Beijing Haidian
            "12100000400000624", // 机构编制 (1), 事业单位 (2)
            "51440300MJL1234AB", // 民政 (5), 社会团体 (1)
            "92990101MA0000001"  // 个体工商户 (2)
    })
    void acceptsCodesWhoseCheckCharacterMatches(String first17) {
        String code = complete(first17);
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void knownPublishedExampleIsValid() {
        // The example code printed in many guides to the standard; its check character is 3.
        assertThat(complete("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
        assertThat(UnifiedSocialCreditCode.parse("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void normalisesSpacesAndLowerCaseAsCopiedFromALicence() {
        String code = complete("91350100M000100Y4");
        String typed = code.substring(0, 9).toLowerCase() + " " + code.substring(9) + "\u3000";
        assertThat(UnifiedSocialCreditCode.parse(typed).value()).isEqualTo(code);
    }

    @Test
    void refusesAWrongCheckCharacter() {
        String code = complete("91110108551385082");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        assertProblem(code.substring(0, 17) + wrong, Problem.CHECK_CHARACTER);
    }

    @Test
    void refusesTwoSwappedCharacters() {
        String code = complete("91110108551385082");
        String swapped = code.substring(0, 10) + code.charAt(11) + code.charAt(10) + code.substring(12);
        assertThat(swapped).isNotEqualTo(code);
        assertProblem(swapped, Problem.CHECK_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "Z", "S", "V", "-"})
    void refusesCharactersOutsideTheAlphabet(String letter) {
        String code = complete("91350100M000100Y4");
        assertProblem(code.substring(0, 9) + letter + code.substring(10), Problem.CHARACTER);
    }

    @Test
    void refusesLettersInTheDivisionCode() {
        // A letter at position 5 with a matching check character: only the division-code rule catches it.
        assertProblem(complete("9135A100M000100Y4"), Problem.DIVISION_CODE);
    }

    @Test
    void refusesWrongLengths() {
        String code = complete("91350100M000100Y4");
        assertProblem(code.substring(0, 17), Problem.LENGTH);
        assertProblem(code + "1", Problem.LENGTH);
        // The 15-digit business registration number that came before the code is not accepted.
        assertProblem("110108000000016", Problem.LENGTH);
    }

    @Test
    void refusesNothingGiven() {
        assertProblem(null, Problem.MISSING);
        assertProblem("  ", Problem.MISSING);
    }

    @Test
    void exceptionNeverCarriesTheCode() {
        String code = complete("91350100M000100Y4").substring(0, 17) + "Y";
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(code)).hasMessageNotContaining(code.substring(2, 8));
    }

    private static void assertProblem(String input, Problem problem) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(input))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
