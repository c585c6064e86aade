package cn.pes.casework.platform.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid resident ID numbers (GB 11643) with a chosen birth date, unique within a test run. */
public final class TestIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));
    private static final String[] REGIONS = {"110105", "310101", "440305", "330106", "510104", "420102", "320102"};

    private TestIds() {
    }

    /** A fresh, valid ID number for someone born on {@code birthDate}. */
    public static String bornOn(LocalDate birthDate) {
        int n = SEQUENCE.incrementAndGet();
        String region = REGIONS[(n / 999) % REGIONS.length];
        String body = region + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 999 + 1);
        return body + checkCharacter(body);
    }

    public static String adult() {
        return bornOn(LocalDate.of(1990, 1, 1).plusDays(SEQUENCE.get() % 3000));
    }

    public static char checkCharacter(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheckDigit(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }
}
