package cn.pes.casework.platform.support;

/** Unified social credit codes (统一社会信用代码) for tests that register employers. */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCodes() {
    }

    /**
     * A fresh code for each call (a test database can outlive one test: one employer per code), in the
     * city's region 990101, with the check character of GB 32100-2015.
     */
    public static synchronized String fresh() {
        String digits = String.format("%09d", Math.floorMod(System.nanoTime(), 1_000_000_000L));
        String first17 = "91990101" + digits;
        int sum = 0;
        int weight = 1;
        for (char c : first17.toCharArray()) {
            sum += ALPHABET.indexOf(c) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
