package cn.pes.casework.events.shared;

import cn.pes.casework.events.registration.CaseOpened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data never shows in full where a reader does not need it: logs, toString, masked views. */
class PersonalDataMaskingTest {

    private static final String ID_NUMBER = "110105199003071239";
    private static final String PHONE = "13812345678";
    private static final String NAME = "张三丰";

    @Test
    void toStringMasksAllThreeFields() {
        String text = new PersonalData(ID_NUMBER, NAME, PHONE).toString();

        assertThat(text)
                .doesNotContain(ID_NUMBER)
                .doesNotContain("19900307")    // the birth date inside the ID number
                .doesNotContain(PHONE)
                .doesNotContain("1234")         // the middle of the phone number
                .doesNotContain(NAME)
                .doesNotContain("三丰")
                .contains("1101**********1239")
                .contains("138****5678")
                .contains("张**");
    }

    @Test
    void toStringWithoutPhone() {
        assertThat(new PersonalData(ID_NUMBER, "张三", null).toString())
                .isEqualTo("PersonalData[idNumber=1101**********1239, name=张*, phone=null]");
    }

    @Test
    void eventToStringDoesNotLeakPersonalData() {
        CaseOpened event = new CaseOpened("019cac1c-e220-7b3e-9c41-5d2a6f8e0b17",
                new PersonalData(ID_NUMBER, NAME, PHONE), LocalDate.of(1990, 3, 7), Sex.MALE, "990101001");

        assertThat(event.toString()).doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain(NAME);
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, 1101**********0021",
            "11010519491231002X, 1101**********002X",
            "'12345678901',      1234***8901",
            "'1234567',          *******",
            "'1',                *",
            "'',                 ''",
    })
    void idNumber(String input, String masked) {
        assertThat(Masking.idNumber(input)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "13812345678, 138****5678",
            "'02112345678', 021****5678",
            "'123456',    ******",
            "'1',         *",
            "'',          ''",
    })
    void phone(String input, String masked) {
        assertThat(Masking.phone(input)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "张三丰, 张**",
            "张三,   张*",
            "欧阳娜娜, 欧***",
            "张,     张",
            "'',     ''",
            // a family name outside the Basic Multilingual Plane (a surrogate pair) stays whole
            "\uD842\uDFB7田, \uD842\uDFB7*",
    })
    void name(String input, String masked) {
        assertThat(Masking.name(input)).isEqualTo(masked);
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.name(null)).isNull();
    }
}
