package cn.pes.casework.platform.demo;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) for the synthetic city's employers and
 * borrowers' businesses: structurally valid (division code digits, check character), made from a
 * serial so that a plan never uses one code twice.
 */
final class SocialCreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 9 + 1: an enterprise (企业) registered with the market regulator. */
    static final String ENTERPRISE = "91";
    /** 9 + 2: an individual business (个体工商户). */
    static final String INDIVIDUAL_BUSINESS = "92";

    private SocialCreditCodes() {
    }

    /**
     * @param kind     registering authority and kind, e.g. {@link #ENTERPRISE}
     * @param agencyId the area the code's division part is taken from (its first six digits, when it has them)
     * @param serial   unique per kind within the plan; up to nine digits are used
     */
    static String of(String kind, String agencyId, long serial) {
        String division = agencyId != null && agencyId.length() >= 6 && agencyId.substring(0, 6).chars()
                .allMatch(Character::isDigit) ? agencyId.substring(0, 6) : "990101";
        String first17 = kind + division + String.format("%09d", Math.floorMod(serial, 1_000_000_000L));
        return first17 + checkCharacter(first17);
    }

    /** Weights 3^(i-1) mod 31; the check character makes the weighted sum a multiple of 31. */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (char c : first17.toCharArray()) {
            sum += ALPHABET.indexOf(c) * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
