package cn.pes.casework.command.comparison;

/** Valid resident ID numbers (GB 11643) made up for tests: region 110105, the check character computed. */
final class TestIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private TestIdNumbers() {
    }

    /** The {@code n}-th person born on 1990-01-01 (n below 1000). */
    static String person(int n) {
        return withCheck("11010519900101" + String.format("%03d", n));
    }

    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** Another of the 1990s, for more than a thousand people: day and sequence from n. */
    static String many(int n) {
        int day = n / 1000;
        return withCheck(String.format("110105%04d%02d%02d%03d", 1990 + day / 336, 1 + day / 28 % 12, 1 + day % 28,
                n % 1000));
    }
}
