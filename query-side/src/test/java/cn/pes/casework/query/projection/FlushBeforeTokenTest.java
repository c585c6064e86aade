package cn.pes.casework.query.projection;

import cn.pes.casework.query.support.ReadModelFixture;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pooled streaming processor stages its token update as the first prepare-commit callback of a
 * batch. The batch's read-model writes must be stored before it runs, or a crash in between would
 * leave a token ahead of its read models.
 */
class FlushBeforeTokenTest {

    private static ReadModelFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ReadModelFixture.inMemory();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void theBatchIsWrittenBeforeTheTokenIsStored() {
        ProjectionWriter writer = new ProjectionWriter(fixture.store(false));
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(new GenericDomainEventMessage<>("ClientCase", "case-" + i, 0, "payload " + i));
        }
        List<Long> storedWhenTokenWasStaged = new ArrayList<>();
        List<Long> storedAfterLastHandler = new ArrayList<>();

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.onPrepareCommit(u -> storedWhenTokenWasStaged.add(
                fixture.database().getCollection("docs").countDocuments()));
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, List.of(writer.flushAtEndOfBatch()), message -> {
            String caseId = ((GenericDomainEventMessage<?>) message).getAggregateIdentifier();
            writer.updateDocument("docs", caseId, 0, doc -> doc.put("payload", message.getPayload()));
            writer.updatePart("shared", "all", null, caseId, 0, part -> new org.bson.Document("seen", true));
            if (CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> b && b.isLastMessage()) {
                storedAfterLastHandler.add(fixture.database().getCollection("docs").countDocuments());
            }
            return null;
        }).proceed());

        assertThat(storedAfterLastHandler).containsExactly(0L);
        assertThat(storedWhenTokenWasStaged).containsExactly(3L);
        assertThat(SharedDocuments.find(fixture.database().getCollection("shared"), "all")
                          .get("seq", org.bson.Document.class)).hasSize(3);
    }
}
