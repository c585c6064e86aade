package cn.pes.casework.command.integrity;

import cn.pes.casework.events.shared.CaseMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of a case's hash chain (哈希链), shared by the writer ({@link ChainingAppendStatement}) and the
 * checker ({@link ChainVerifier}) so that both hash exactly the same thing.
 * <p>
 * A link is SHA-256 over, in this order and each length-prefixed (so that no two different events can run
 * together into the same bytes): the previous link, the event identifier, the aggregate identifier, the sequence
 * number, the aggregate type, the payload type and revision, the timestamp as stored (Axon's ISO string), the
 * payload bytes as stored, and the metadata in canonical form.
 * <p>
 * The payload is hashed as the stored bytes, not as an object: personal data in it is encrypted by the serializer
 * with a random IV, so serializing the same event twice gives different bytes, and after an erasure the bytes can
 * no longer be turned back into the object at all. Hashing what is stored keeps the chain checkable after an
 * erasure and independent of the serializer's version.
 * <p>
 * The metadata cannot be hashed as stored, because the link itself is stored in it. Its canonical form is the
 * stored JSON object without {@link CaseMetadata#CHAIN_HASH} and {@link CaseMetadata#CHAIN_PREVIOUS}, keys sorted,
 * values as parsed, written compactly; the writer derives it from the very bytes it stores, the checker from the
 * bytes it reads.
 */
public final class HashChain {

    /** The previous link of a case's first chained event: 64 zeros, like a hash of nothing at all. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private HashChain() {
    }

    /** The link of one stored event, as lower-case hex. */
    public static String link(String previous, StoredEvent event) {
        MessageDigest sha = sha256();
        field(sha, previous);
        field(sha, event.eventId());
        field(sha, event.aggregateId());
        field(sha, Long.toString(event.sequenceNumber()));
        field(sha, event.type());
        field(sha, event.payloadType());
        field(sha, event.payloadRevision());
        field(sha, event.timestamp());
        field(sha, event.payload());
        field(sha, canonicalMetadata(event.metadata()));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The stored metadata without the chain's own keys, keys sorted, as compact JSON bytes. */
    static byte[] canonicalMetadata(byte[] storedMetadata) {
        if (storedMetadata == null || storedMetadata.length == 0) {
            return new byte[0];
        }
        try {
            JsonNode tree = JSON.readTree(storedMetadata);
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalStateException("event metadata is not stored as a JSON object");
            }
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!CaseMetadata.CHAIN_HASH.equals(field.getKey()) && !CaseMetadata.CHAIN_PREVIOUS.equals(field.getKey())) {
                    sorted.put(field.getKey(), sortKeys(field.getValue()));
                }
            }
            return JSON.writeValueAsBytes(sorted);
        } catch (IOException e) {
            throw new UncheckedIOException("event metadata is not readable JSON", e);
        }
    }

    /** The link and previous link stored in the metadata, or nulls when the event carries none. */
    static String[] storedLink(byte[] storedMetadata) {
        if (storedMetadata == null || storedMetadata.length == 0) {
            return new String[2];
        }
        try {
            JsonNode tree = JSON.readTree(storedMetadata);
            return new String[]{text(tree.get(CaseMetadata.CHAIN_HASH)), text(tree.get(CaseMetadata.CHAIN_PREVIOUS))};
        } catch (IOException e) {
            // Unreadable metadata carries no link; the checker then reports it, the writer starts afresh.
            return new String[2];
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode sorted = JSON.createObjectNode();
            Map<String, JsonNode> byKey = new TreeMap<>();
            object.fields().forEachRemaining(field -> byKey.put(field.getKey(), sortKeys(field.getValue())));
            sorted.setAll(byKey);
            return sorted;
        }
        return node;
    }

    private static void field(MessageDigest sha, String value) {
        field(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length first (-1 for absent), so that null, empty and neighbouring fields can never be confused. */
    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * One event as the event store holds it: the fields the link covers, with the payload and metadata as the
     * stored bytes.
     */
    public record StoredEvent(String eventId, String aggregateId, long sequenceNumber, String type,
                              String payloadType, String payloadRevision, String timestamp, byte[] payload,
                              byte[] metadata) {
    }
}
