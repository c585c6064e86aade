package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A query that asks only for string ranges of one field: {@code {f: {$gte|$gt: a, $lt|$lte: b}}}, or an
 * {@code $or} of such ranges. That is how the parts of a shared read-model document are read ({@code _id}
 * from {@code <document>#} to {@code <document>$}), and the embedded store answers it from its ordered
 * index ({@link KeyValueIndex}) and matches it here, instead of the library's matcher, which checks every
 * document against every range: a year of a county's statistics is some thousands of ranges.
 *
 * <p>The query may also ask that the documents have a top-level field, {@code {<f>: {$exists: true}}}
 * ({@code presentField}): a shared document's live parts, without the removed ones
 * ({@link ReadModelStore#PART_FIELD}), which the store answers from an index of those alone.
 *
 * <p>Only bounds below U+D800 are taken: for them Java's {@link String#compareTo} (UTF-16 order) and
 * MongoDB's order (code points, as UTF-8 bytes) agree on every comparison with a bound.
 */
record IdRanges(List<Range> ranges, boolean disjoint, String presentField) {

    record Range(String lower, boolean lowerIncluded, String upper, boolean upperIncluded) {

        boolean contains(String value) {
            int fromLower = value.compareTo(lower);
            int toUpper = value.compareTo(upper);
            return (fromLower > 0 || fromLower == 0 && lowerIncluded) && (toUpper < 0 || toUpper == 0 && upperIncluded);
        }
    }

    /** The ranges of {@code field} the query is made of, or null if it is anything else. */
    static IdRanges parse(Document query, String field) {
        Object or = null;
        Object condition = null;
        String present = null;
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            String key = clause.getKey();
            if (key.equals("$or") && or == null) {
                or = clause.getValue();
            } else if (key.equals(field) && condition == null) {
                condition = clause.getValue();
            } else if (present == null && !key.startsWith("$") && !key.contains(".") && isExistsTrue(clause.getValue())) {
                present = key;
            } else {
                return null;
            }
        }
        if ((or == null) == (condition == null)) {
            return null;
        }
        List<Range> ranges = new ArrayList<>();
        if (or != null) {
            if (!(or instanceof List<?> clauses) || clauses.isEmpty()) {
                return null;
            }
            for (Object clause : clauses) {
                Range range = clause instanceof Document document && document.size() == 1
                        ? range(document.get(field)) : null;
                if (range == null) {
                    return null;
                }
                ranges.add(range);
            }
        } else {
            Range range = range(condition);
            if (range == null) {
                return null;
            }
            ranges.add(range);
        }
        ranges.sort(Comparator.comparing(Range::lower));
        boolean disjoint = true;
        for (int i = 1; i < ranges.size(); i++) {
            disjoint &= ranges.get(i - 1).upper().compareTo(ranges.get(i).lower()) < 0;
        }
        return new IdRanges(List.copyOf(ranges), disjoint, present);
    }

    private static boolean isExistsTrue(Object condition) {
        return condition instanceof Document document && document.size() == 1
                && Boolean.TRUE.equals(document.get("$exists"));
    }

    private static Range range(Object condition) {
        if (!(condition instanceof Document bounds) || bounds.size() != 2) {
            return null;
        }
        boolean gte = bounds.containsKey("$gte");
        boolean lte = bounds.containsKey("$lte");
        Object lower = gte ? bounds.get("$gte") : bounds.get("$gt");
        Object upper = lte ? bounds.get("$lte") : bounds.get("$lt");
        if (!(lower instanceof String from) || !(upper instanceof String to) || !belowSurrogates(from)
                || !belowSurrogates(to)) {
            return null;
        }
        return new Range(from, gte, to, lte);
    }

    private static boolean belowSurrogates(String bound) {
        for (int i = 0; i < bound.length(); i++) {
            if (bound.charAt(i) >= Character.MIN_SURROGATE) {
                return false;
            }
        }
        return true;
    }

    /** Whether the document matches the query: its {@code _id} in a range, and the field asked for present. */
    boolean matches(Document document, String idField) {
        return contains(document.get(idField)) && (presentField == null || document.containsKey(presentField));
    }

    /** Whether the value falls in a range, as MongoDB would match it: only strings do. */
    boolean contains(Object value) {
        if (!(value instanceof String string)) {
            return false;
        }
        if (!disjoint) {
            return ranges.stream().anyMatch(range -> range.contains(string));
        }
        // Disjoint and sorted: only the last range starting at or below the value can hold it.
        int low = 0;
        int high = ranges.size() - 1;
        int candidate = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (ranges.get(middle).lower().compareTo(string) <= 0) {
                candidate = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return candidate >= 0 && ranges.get(candidate).contains(string);
    }
}
