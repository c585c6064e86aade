package cn.pes.casework.query.projection;

/**
 * Turns an identifier into a safe MongoDB field name. Case IDs are generated UUIDs today, but a
 * dot would silently become a path and a leading dollar sign an operator.
 */
public final class FieldKeys {

    private FieldKeys() {
    }

    public static String encode(String id) {
        StringBuilder key = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            switch (c) {
                case '%' -> key.append("%25");
                case '.' -> key.append("%2E");
                case '$' -> key.append("%24");
                case '\0' -> key.append("%00");
                default -> key.append(c);
            }
        }
        return key.toString();
    }
}
