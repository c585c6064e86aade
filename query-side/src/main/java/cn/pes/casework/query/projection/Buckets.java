package cn.pes.casework.query.projection;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads what one document per agency (or agency and month) would hold over a fixed number of
 * documents, so that no document grows without bound and each is still read by {@code _id} (the
 * embedded read-model store ignores non-unique indexes). Document IDs are {@code key|NN}.
 * <p>
 * Since each part of a shared document is stored as a document of its own ({@link SharedDocuments}), buckets
 * no longer bound a document's size; they stay because changing a model's buckets needs its rebuild, and
 * reading them all costs one {@code _id} range each, in one query.
 * <p>
 * A member's bucket comes from {@link String#hashCode}, which the language specifies, so it never
 * changes between runs; changing a model's bucket count needs a rebuild of that model.
 */
public final class Buckets {

    private Buckets() {
    }

    /** The document of {@code key} that holds {@code member}. */
    public static String of(String key, String member, int count) {
        return id(key, Math.floorMod(member.hashCode(), count));
    }

    /** Every document of {@code key}, for reading them all by {@code _id}. */
    public static List<String> all(String key, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int bucket = 0; bucket < count; bucket++) {
            ids.add(id(key, bucket));
        }
        return ids;
    }

    private static String id(String key, int bucket) {
        return key + "|" + (bucket < 10 ? "0" : "") + bucket;
    }
}
