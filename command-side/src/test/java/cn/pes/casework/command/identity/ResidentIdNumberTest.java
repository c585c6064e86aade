package cn.pes.casework.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pes.casework.command.identity.InvalidIdNumberException.Problem;
import cn.pes.casework.events.shared.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REG-6 / GB 11643-1999; ages per TIME-4. */
class ResidentIdNumberTest {

    /** The specimen number of GB 11643-1999 examples (Beijing Chaoyang, born 1949-12-31, female). */
    private static final String SPECIMEN = "11010519491231002X";

    /**
     * Appends the ISO 7064 MOD 11-2 check character, computed independently of the production code
     * (weights derived as 2^(17-i) mod 11, check = (1 - sum) mod 11) so a typo in the production
     * weight table would be caught.
     */
    private static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }

    private static void assertRejected(String raw, Problem problem) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw))
                .isInstanceOfSatisfying(InvalidIdNumberException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    if (raw != null && !raw.isBlank()) {
                        String stripped = raw.strip();
                        assertThat(e.getMessage()).doesNotContain(stripped).doesNotContain(stripped.substring(6, 14));
                    }
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void helperAgreesWithTheStandardsSpecimen() {
        assertThat(withCheck("11010519491231002")).isEqualTo(SPECIMEN);
        assertThat(withCheck("44052418800101001")).isEqualTo("440524188001010014");
    }

    @Test
    void parsesTheSpecimen() {
        ResidentIdNumber id = ResidentIdNumber.parse(SPECIMEN);

        assertThat(id.value()).isEqualTo(SPECIMEN);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void lowercaseXIsNormalisedAndSurroundingWhitespaceIgnored() {
        ResidentIdNumber id = ResidentIdNumber.parse(" 11010519491231002x\t");

        assertThat(id.value()).isEqualTo(SPECIMEN);
        assertThat(id).isEqualTo(ResidentIdNumber.parse(SPECIMEN)).hasSameHashCodeAs(ResidentIdNumber.parse(SPECIMEN));
    }

    @Test
    void sexFromTheSeventeenthCharacter() {
        assertThat(ResidentIdNumber.parse(withCheck("32010620080101101")).sex()).isEqualTo(Sex.MALE);
        assertThat(ResidentIdNumber.parse(withCheck("32010620080101109")).sex()).isEqualTo(Sex.MALE);
        assertThat(ResidentIdNumber.parse(withCheck("32010620080101100")).sex()).isEqualTo(Sex.FEMALE);
        assertThat(ResidentIdNumber.parse(withCheck("32010620080101108")).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void acceptsResidencePermitAndLeapDayNumbers() {
        assertThat(ResidentIdNumber.parse(withCheck("83000019900101001")).birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(ResidentIdNumber.parse(withCheck("11010120080229001")).birthDate()).isEqualTo(LocalDate.of(2008, 2, 29));
        assertThat(ResidentIdNumber.parse(withCheck("65010219000101001")).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void wrongCheckDigit() {
        // The specimen's digits with 9 instead of X.
        assertRejected("110105194912310029", Problem.CHECK_DIGIT);
        assertRejected("110105194912310020", Problem.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002",     // 17 characters
            "11010519491231002X1",   // 19 characters
            "1101051949123100AX",    // letters
            "X10105194912310021",    // X not in last place
            "010105194912310023",    // first digit 0
            "11010519491231 02X",    // inner space
            "１１0105194912310029"    // full-width digits
    })
    void malformed(String raw) {
        assertRejected(raw, Problem.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsMissing(String raw) {
        assertRejected(raw, Problem.MISSING);
    }

    @Test
    void nullIsMissing() {
        assertRejected(null, Problem.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99010519491231002", "10010519491231002", "16010519491231002", "72010519491231002",
            "84010519491231002"})
    void unknownProvince(String first17) {
        assertRejected(withCheck(first17), Problem.REGION);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11010520260231001",  // 31 February
            "11010520230229001",  // 29 February in a common year
            "11010520261301001",  // month 13
            "11010520260100001",  // day 0
            "11010518991231001"   // before 1900-01-01
    })
    void impossibleBirthDate(String first17) {
        assertRejected(withCheck(first17), Problem.BIRTH_DATE);
    }

    @Test
    void ageIsSixteenOnTheSixteenthBirthdayNotTheDayBefore() {
        ResidentIdNumber id = ResidentIdNumber.parse(withCheck("11010520100315001"));

        assertThat(id.ageOn(LocalDate.of(2026, 3, 14))).isEqualTo(15);
        assertThat(id.ageOn(LocalDate.of(2026, 3, 15))).isEqualTo(16);
        assertThat(id.ageOn(LocalDate.of(2010, 3, 15))).isZero();
    }

    @Test
    void leapDayBirthCompletesAYearOnFirstMarchInCommonYears() {
        ResidentIdNumber leap = ResidentIdNumber.parse(withCheck("11010119680229001"));

        assertThat(leap.ageOn(LocalDate.of(2023, 2, 28))).isEqualTo(54);
        assertThat(leap.ageOn(LocalDate.of(2023, 3, 1))).isEqualTo(55);
        assertThat(leap.ageOn(LocalDate.of(2024, 2, 28))).isEqualTo(55);
        assertThat(leap.ageOn(LocalDate.of(2024, 2, 29))).isEqualTo(56);
    }

    @Test
    void birthDateAfterTheApplicationDateIsDetected() {
        ResidentIdNumber id = ResidentIdNumber.parse(withCheck("11010520100315001"));

        assertThat(id.bornAfter(LocalDate.of(2010, 3, 14))).isTrue();
        assertThat(id.bornAfter(LocalDate.of(2010, 3, 15))).isFalse();
        assertThatThrownBy(() -> id.ageOn(LocalDate.of(2010, 3, 14)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("2010");
    }

    @Test
    void toStringIsMasked() {
        ResidentIdNumber id = ResidentIdNumber.parse(SPECIMEN);

        assertThat(id.toString()).isEqualTo("1101**********002X");
        assertThat(id.toString()).doesNotContain("19491231");
    }

    @Test
    void differentNumbersAreNotEqual() {
        assertThat(ResidentIdNumber.parse(withCheck("32010620080101101")))
                .isNotEqualTo(ResidentIdNumber.parse(withCheck("32010620080101109")));
    }
}
