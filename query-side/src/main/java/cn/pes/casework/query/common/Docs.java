package cn.pes.casework.query.common;

import cn.pes.casework.events.shared.IsoDateText;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Conversions between the values of the message contract and what the read-model documents hold.
 * Dates are stored as ISO strings (yyyy-MM-dd) so that they stay calendar dates, free of any time
 * zone, and sort as text; enums by constant name.
 * Personal data goes through {@link PersonalDataDocs}, which seals it.
 */
public final class Docs {

    private Docs() {
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(Document doc, String key) {
        String value = doc == null ? null : doc.getString(key);
        return value == null ? null : parseDate(value);
    }

    /**
     * {@link LocalDate#parse} of the text {@link #date(LocalDate)} writes, read by field
     * ({@link IsoDateText}); anything else, valid or not, is left to {@code LocalDate.parse}. Every
     * projection and query reading dates pays for it.
     */
    static LocalDate parseDate(String text) {
        LocalDate date = text.length() == 10 ? IsoDateText.dateAt(text, 0) : null;
        return date != null ? date : LocalDate.parse(text);
    }

    /**
     * Amounts (yuan) as plain decimal strings, like dates: exact, free of binary floating point, and
     * the same text after every replay. Sums are taken in Java from the parts, never in the store.
     */
    public static String amount(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    public static BigDecimal amount(Document doc, String key) {
        String value = doc == null ? null : doc.getString(key);
        return value == null ? null : new BigDecimal(value);
    }

    public static Date instant(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document doc, String key) {
        Date value = doc == null ? null : doc.getDate(key);
        return value == null ? null : value.toInstant();
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static <E extends Enum<E>> E enumValue(Document doc, String key, Class<E> type) {
        String value = doc == null ? null : doc.getString(key);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** Enum sets are stored in declaration order so that equal sets give equal documents. */
    public static <E extends Enum<E>> List<String> names(Collection<E> values) {
        List<String> names = new ArrayList<>();
        if (values != null) {
            values.stream().sorted().forEach(v -> names.add(v.name()));
        }
        return names;
    }

    public static <E extends Enum<E>> Set<E> enumSet(Document doc, String key, Class<E> type) {
        List<String> values = doc == null ? null : doc.getList(key, String.class);
        Set<E> result = EnumSet.noneOf(type);
        if (values != null) {
            values.forEach(v -> result.add(Enum.valueOf(type, v)));
        }
        return new LinkedHashSet<>(result);
    }

    public static long longValue(Document doc, String key, long absent) {
        Object value = doc == null ? null : doc.get(key);
        return value instanceof Number n ? n.longValue() : absent;
    }

    public static int intValue(Document doc, String key, int absent) {
        Object value = doc == null ? null : doc.get(key);
        return value instanceof Number n ? n.intValue() : absent;
    }

    public static boolean bool(Document doc, String key) {
        return doc != null && Boolean.TRUE.equals(doc.getBoolean(key));
    }

    public static Document subDocument(Document doc, String key) {
        return doc == null ? null : doc.get(key, Document.class);
    }

    /** The sub-document under key, created when absent, for changing it in place. */
    public static Document subDocumentForUpdate(Document doc, String key) {
        Document sub = doc.get(key, Document.class);
        if (sub == null) {
            sub = new Document();
            doc.put(key, sub);
        }
        return sub;
    }
}
