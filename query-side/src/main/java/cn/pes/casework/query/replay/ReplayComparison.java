package cn.pes.casework.query.replay;

import cn.pes.casework.events.replay.ReplayCollection;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a collection a replay built with the live collection of the same name, document by
 * document ({@code _id}), without keeping whole documents in memory: each is reduced to a digest of a
 * canonical form. Canonical means field order ignored (a shared document's parts arrive in whichever
 * order the live segments wrote them) and sealed personal data compared by what it says, not by its
 * ciphertext (every seal has its own random IV).
 *
 * <p>The live view keeps moving: events recorded after the replay read its head show up as
 * differences, so a comparison is exact only on a quiet platform.
 */
public class ReplayComparison {

    static final int SAMPLES = 5;

    private final PersonalDataDocs personalData;

    public ReplayComparison(PersonalDataDocs personalData) {
        this.personalData = personalData;
    }

    /** Documents only, for targets without a live view. */
    public static ReplayCollection count(ReadModelStore replay, String collection) {
        return new ReplayCollection(collection, replay.collection(collection).countDocuments(), null, 0, 0, 0, 0,
                                    List.of());
    }

    public ReplayCollection compare(ReadModelStore live, ReadModelStore replay, String collection) {
        Map<Object, String> replayed = new HashMap<>();
        replay.collection(collection).find().forEach(document -> replayed.put(document.get("_id"), digest(document)));
        long liveDocuments = 0;
        long equal = 0;
        long differing = 0;
        long onlyLive = 0;
        List<String> samples = new ArrayList<>();
        for (Document document : live.collection(collection).find()) {
            liveDocuments++;
            String other = replayed.remove(document.get("_id"));
            if (other == null) {
                onlyLive++;
                sample(samples, document.get("_id"));
            } else if (other.equals(digest(document))) {
                equal++;
            } else {
                differing++;
                sample(samples, document.get("_id"));
            }
        }
        replayed.keySet().stream().map(String::valueOf).sorted().forEach(id -> sample(samples, id));
        return new ReplayCollection(collection, equal + differing + replayed.size(), liveDocuments, equal, differing,
                                    replayed.size(), onlyLive, List.copyOf(samples));
    }

    private static void sample(List<String> samples, Object id) {
        if (samples.size() < SAMPLES) {
            samples.add(String.valueOf(id));
        }
    }

    /** The document's canonical form, digested (see the class comment). */
    public String digest(Document document) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, document);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void append(StringBuilder out, Object value) {
        if (value instanceof Document document) {
            // Sealed data whose key was destroyed reads as erased, like the erased form a replay after the
            // erasure writes: both say the same about the person.
            if (document.get("sealed") instanceof Document
                    || (document.size() == 1 && document.get("erased") instanceof Document)) {
                PersonalData person = personalData.read(new Document("p", document), "p");
                out.append("person(");
                if (person != null) {
                    out.append(person.idNumber()).append('|').append(person.name()).append('|')
                       .append(person.phone()).append('|').append(person.dataSubject()).append('|')
                       .append(person.erased());
                }
                out.append(')');
                return;
            }
            out.append('{');
            new TreeMap<>(document).forEach((key, field) -> {
                out.append(key).append(':');
                append(out, field);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                append(out, item);
                out.append(',');
            });
            out.append(']');
        } else if (value == null) {
            out.append("null");
        } else {
            // Type and value: 1 (int) and 1 (long) are the same number to every query.
            out.append(value instanceof Number number ? "n" + number : value.getClass().getSimpleName() + ":" + value);
        }
    }
}
