package cn.pes.casework.command.integrity;

import cn.pes.casework.events.integrity.ChainBreak;
import cn.pes.casework.events.integrity.ChainVerification;
import cn.pes.casework.events.shared.CaseMetadata;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chaining event store and its checker on a real database (H2 and PostgreSQL subclasses): events appended
 * through Axon's JDBC engine with {@link ChainingAppendStatement}, then tampered with behind its back by plain SQL,
 * as someone with database access would.
 */
abstract class ChainedEventStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00.123Z");

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    DataSource dataSource;
    private JdbcTemplate jdbc;
    private JdbcEventStorageEngine chained;
    private JdbcEventStorageEngine unchained;
    private ChainVerifier verifier;

    abstract DataSource dataSource();

    abstract String schemaScript();

    @BeforeEach
    void store() {
        dataSource = dataSource();
        new ResourceDatabasePopulator(new ClassPathResource(schemaScript())).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        chained = engine(true);
        unchained = engine(false);
        verifier = new ChainVerifier(dataSource, new EventSchema(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private JdbcEventStorageEngine engine(boolean chaining) {
        JdbcEventStorageEngine.Builder builder = builder();
        return (chaining ? builder.appendEvents(new ChainingAppendStatement()) : builder).build();
    }

    /** Axon's engine on this database with Axon's own statements. */
    private JdbcEventStorageEngine.Builder builder() {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema());
    }

    @Test
    void aTokensGapsAreReadAsAxonsOwnStatementReadsThem() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 10));
        List<Long> stored = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " ORDER BY globalIndex", Long.class, caseId);
        // Read up to the sixth event, except the second and fourth: a token as concurrent commits leave it.
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(stored.get(5),
                List.of(stored.get(1), stored.get(3)));
        JdbcEventStorageEngine indexed = builder().readEventDataWithGaps(new IndexedGapsReadStatement()).build();

        List<String> read = indexed.readEvents(token, false).map(TrackedEventMessage::getIdentifier).toList();

        assertThat(read).containsExactly(eventId(caseId, 1), eventId(caseId, 3), eventId(caseId, 6),
                                         eventId(caseId, 7), eventId(caseId, 8), eventId(caseId, 9));
        assertThat(read).isEqualTo(unchained.readEvents(token, false).map(TrackedEventMessage::getIdentifier).toList());
    }

    /** The engine the platform runs reads every event, by case and by token, as Axon's own engine reads it. */
    @Test
    void eventsAreReadWithTheirTimestampsAsAxonsOwnEngineReadsThem() {
        String caseId = newCase();
        List<DomainEventMessage<?>> appended = new ArrayList<>(events(caseId, 0, 3));
        // Times Axon writes with millisecond precision, across a leap day and a year's end.
        appended.add(new GenericDomainEventMessage<>("ClientCase", caseId, 3, new Noted("leap", 3), MetaData.emptyInstance(),
                eventId(caseId, 3), Instant.parse("2024-02-29T23:59:59.999Z")));
        appended.add(new GenericDomainEventMessage<>("ClientCase", caseId, 4, new Noted("new year", 4), MetaData.emptyInstance(),
                eventId(caseId, 4), Instant.parse("2026-12-31T16:00:00.000Z")));
        chained.appendEvents(appended);
        JdbcEventStorageEngine platforms = new TimestampReadingEventStorageEngine(builder()
                .readEventDataWithGaps(new IndexedGapsReadStatement()));

        List<? extends DomainEventMessage<?>> byCase = platforms.readEvents(caseId).asStream().toList();
        List<? extends TrackedEventMessage<?>> byToken = platforms.readEvents(null, false).toList();

        assertThat(byCase).extracting(DomainEventMessage::getTimestamp).containsExactly(
                T0, T0.plusSeconds(1), T0.plusSeconds(2), Instant.parse("2024-02-29T23:59:59.999Z"),
                Instant.parse("2026-12-31T16:00:00.000Z"));
        List<? extends DomainEventMessage<?>> axonsByCase = unchained.readEvents(caseId).asStream().toList();
        List<? extends TrackedEventMessage<?>> axonsByToken = unchained.readEvents(null, false).toList();
        assertThat(byCase).hasSize(5);
        assertThat(byToken).hasSize(axonsByToken.size());
        for (int i = 0; i < byCase.size(); i++) {
            assertSameEvent(byCase.get(i), axonsByCase.get(i));
        }
        for (int i = 0; i < byToken.size(); i++) {
            assertSameEvent(byToken.get(i), axonsByToken.get(i));
            assertThat(byToken.get(i).trackingToken()).isEqualTo(axonsByToken.get(i).trackingToken());
            assertThat(byToken.get(i)).isInstanceOf(DomainEventMessage.class);
            assertThat(((DomainEventMessage<?>) byToken.get(i)).getSequenceNumber())
                    .isEqualTo(((DomainEventMessage<?>) axonsByToken.get(i)).getSequenceNumber());
        }
    }

    private static void assertSameEvent(org.axonframework.eventhandling.EventMessage<?> read,
                                        org.axonframework.eventhandling.EventMessage<?> axons) {
        assertThat(read.getIdentifier()).isEqualTo(axons.getIdentifier());
        assertThat(read.getTimestamp()).isEqualTo(axons.getTimestamp());
        assertThat(read.getPayload()).isEqualTo(axons.getPayload());
        assertThat(read.getMetaData()).isEqualTo(axons.getMetaData());
        if (read instanceof DomainEventMessage<?> domain) {
            assertThat(domain.getAggregateIdentifier()).isEqualTo(((DomainEventMessage<?>) axons).getAggregateIdentifier());
            assertThat(domain.getType()).isEqualTo(((DomainEventMessage<?>) axons).getType());
        }
    }

    @Test
    void appendsOverSeveralCommitsFormOneIntactChain() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 2));
        chained.appendEvents(events(caseId, 2, 1));
        chained.appendEvents(events(caseId, 3, 3));

        ChainVerification result = verifier.verify(caseId);

        assertThat(result.intact()).isTrue();
        assertThat(result.firstBreak()).isNull();
        assertThat(result.eventsChecked()).isEqualTo(6);
        assertThat(result.preChainEvents()).isZero();
        List<? extends DomainEventMessage<?>> read = chained.readEvents(caseId).asStream().toList();
        assertThat(read).hasSize(6);
        // Each link names the one before it, across commits; the first names the genesis value.
        assertThat(read.get(0).getMetaData().get(CaseMetadata.CHAIN_PREVIOUS)).isEqualTo(HashChain.GENESIS);
        for (int i = 1; i < read.size(); i++) {
            assertThat(read.get(i).getMetaData().get(CaseMetadata.CHAIN_PREVIOUS))
                    .isEqualTo(read.get(i - 1).getMetaData().get(CaseMetadata.CHAIN_HASH));
        }
        assertThat(result.headHash()).isEqualTo(read.get(5).getMetaData().get(CaseMetadata.CHAIN_HASH))
                .hasSize(64).isNotEqualTo(HashChain.GENESIS);
        // The event's own metadata and payload come back as they were sent.
        assertThat(read.get(3).getMetaData()).containsEntry(CaseMetadata.OFFICER, "W990101001A")
                .containsEntry(CaseMetadata.AGENCY, "990101001");
        assertThat(read.get(3).getPayload()).isEqualTo(new Noted("note 3", 3));
    }

    @Test
    void aChangedPayloadByteIsFoundAtItsSequence() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 5));
        byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 2", byte[].class, caseId);
        String edited = new String(payload, StandardCharsets.UTF_8).replace("note 2", "note 9");
        assertThat(edited).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 2",
                edited.getBytes(StandardCharsets.UTF_8), caseId);

        ChainVerification result = verifier.verify(caseId);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBreak().sequenceNumber()).isEqualTo(2);
        assertThat(result.firstBreak().kind()).isEqualTo(ChainBreak.Kind.CONTENT_CHANGED);
        assertThat(result.firstBreak().eventId()).isEqualTo(eventId(caseId, 2));
        assertThat(result.eventsChecked()).isEqualTo(5);
    }

    @Test
    void changedMetadataIsFoundAtItsSequence() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 4));
        String metadata = new String(jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE "
                + "aggregateIdentifier = ? AND sequenceNumber = 1", byte[].class, caseId), StandardCharsets.UTF_8);
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                metadata.replace("W990101001A", "W990101002B").getBytes(StandardCharsets.UTF_8), caseId);

        ChainVerification result = verifier.verify(caseId);

        assertThat(result.firstBreak()).isEqualTo(new ChainBreak(1, eventId(caseId, 1), ChainBreak.Kind.CONTENT_CHANGED));
    }

    @Test
    void aChangedTimestampIsFound() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 3));
        jdbc.update("UPDATE DomainEventEntry SET timeStamp = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                "2026-11-01T02:00:00.123Z", caseId);

        assertThat(verifier.verify(caseId).firstBreak())
                .isEqualTo(new ChainBreak(0, eventId(caseId, 0), ChainBreak.Kind.CONTENT_CHANGED));
    }

    @Test
    void aDeletedMiddleEventIsAGap() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 5));
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 2", caseId);

        ChainVerification result = verifier.verify(caseId);

        assertThat(result.firstBreak()).isEqualTo(new ChainBreak(3, eventId(caseId, 3), ChainBreak.Kind.SEQUENCE_GAP));
        assertThat(result.eventsChecked()).isEqualTo(4);
    }

    @Test
    void anEventReplacedWithARecomputedLinkBreaksTheNextLink() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 4));
        // Someone who knows the scheme rewrites event 1 and its own link, but not the events after it.
        byte[] payload = serializer.serialize(new Noted("rewritten", 1), byte[].class).getData();
        String previous = String.valueOf(chained.readEvents(caseId).asStream().toList().get(1).getMetaData()
                .get(CaseMetadata.CHAIN_PREVIOUS));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", caseId);
        byte[] metadataWithoutLink = serializer.serialize(MetaData.with(CaseMetadata.OFFICER, "W990101001A")
                .and(CaseMetadata.AGENCY, "990101001"), byte[].class).getData();
        String forgedLink = HashChain.link(previous, new HashChain.StoredEvent(eventId(caseId, 1), caseId, 1,
                "ClientCase", Noted.class.getName(), null, String.valueOf(value(row, "timeStamp")), payload,
                metadataWithoutLink));
        byte[] forgedMetadata = serializer.serialize(MetaData.with(CaseMetadata.OFFICER, "W990101001A")
                .and(CaseMetadata.AGENCY, "990101001").and(CaseMetadata.CHAIN_PREVIOUS, previous)
                .and(CaseMetadata.CHAIN_HASH, forgedLink), byte[].class).getData();
        jdbc.update("UPDATE DomainEventEntry SET payload = ?, metaData = ? WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", payload, forgedMetadata, caseId);

        ChainVerification result = verifier.verify(caseId);

        assertThat(result.firstBreak()).isEqualTo(new ChainBreak(2, eventId(caseId, 2), ChainBreak.Kind.LINK_BROKEN));
    }

    @Test
    void eventsStoredBeforeTheChainAreCountedAndTheChainStartsAfterThem() {
        String caseId = newCase();
        unchained.appendEvents(events(caseId, 0, 3));
        chained.appendEvents(events(caseId, 3, 2));

        ChainVerification result = verifier.verify(caseId);

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.preChainEvents()).isEqualTo(3);
        assertThat(chained.readEvents(caseId).asStream().toList().get(3).getMetaData().get(CaseMetadata.CHAIN_PREVIOUS))
                .isEqualTo(HashChain.GENESIS);

        // Once the chain has begun, an event without a link is a removed link, not an old event.
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 4",
                serializer.serialize(MetaData.with(CaseMetadata.OFFICER, "W990101001A"), byte[].class).getData(), caseId);
        assertThat(verifier.verify(caseId).firstBreak())
                .isEqualTo(new ChainBreak(4, eventId(caseId, 4), ChainBreak.Kind.HASH_MISSING));
    }

    @Test
    void aRacingAppendOfTheSameSequenceIsStillAConflict() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 2));
        List<DomainEventMessage<?>> rival = List.of(new GenericDomainEventMessage<>("ClientCase", caseId, 1,
                new Noted("rival", 1), MetaData.emptyInstance(), UUID.randomUUID().toString(), T0));

        assertThatThrownBy(() -> chained.appendEvents(rival)).isInstanceOf(ConcurrencyException.class);
        assertThat(verifier.verify(caseId).intact()).isTrue();
    }

    @Test
    void aSweepReportsEveryAggregateAndFindsTheBrokenOne() {
        String intact = newCase();
        String broken = newCase();
        chained.appendEvents(events(intact, 0, 3));
        chained.appendEvents(events(broken, 0, 3));
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1", broken);

        List<ChainVerification> results = new ArrayList<>();
        int count = verifier.verifyAll(results::add);

        assertThat(count).isEqualTo(results.size()).isGreaterThanOrEqualTo(2);
        assertThat(results).filteredOn(r -> r.caseId().equals(intact)).singleElement()
                .satisfies(r -> assertThat(r.intact()).isTrue());
        assertThat(results).filteredOn(r -> r.caseId().equals(broken)).singleElement()
                .satisfies(r -> assertThat(r.firstBreak().kind()).isEqualTo(ChainBreak.Kind.SEQUENCE_GAP));
    }

    @Test
    void anUnknownCaseOrOneOfAnotherTypeHasNothingChecked() {
        String caseId = newCase();
        chained.appendEvents(events(caseId, 0, 1));

        assertThat(verifier.verify(newCase()).unknownCase()).isTrue();
        assertThat(verifier.verify(caseId, "Employer").unknownCase()).isTrue();
        assertThat(verifier.verify(caseId, "ClientCase").eventsChecked()).isEqualTo(1);
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow().getValue();
    }

    private static String newCase() {
        return UUID.randomUUID().toString();
    }

    private static String eventId(String caseId, long sequence) {
        return caseId + "-" + sequence;
    }

    private static List<DomainEventMessage<?>> events(String caseId, int from, int count) {
        return IntStream.range(from, from + count).<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>(
                "ClientCase", caseId, i, new Noted("note " + i, i),
                MetaData.with(CaseMetadata.OFFICER, "W990101001A").and(CaseMetadata.AGENCY, "990101001"),
                eventId(caseId, i), T0.plusSeconds(i))).toList();
    }

    /** A payload of no particular meaning. */
    record Noted(String text, int number) {
    }
}
