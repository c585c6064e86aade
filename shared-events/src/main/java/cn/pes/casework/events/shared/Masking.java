package cn.pes.casework.events.shared;

/** How personal data is shown where a reader does not need it in full. */
public final class Masking {

    private Masking() {
    }

    /** 110105199001011234 becomes 1101**********1234. */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() <= 8) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8)
                + idNumber.substring(idNumber.length() - 4);
    }

    /** 13812345678 becomes 138****5678. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() <= 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** 张三丰 becomes 张**: the family name stays, so a caseworker can still address the person. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
