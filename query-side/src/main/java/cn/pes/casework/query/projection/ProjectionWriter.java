package cn.pes.casework.query.projection;

import cn.pes.casework.query.mongo.ReadModelStore;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What projections write through. Inside an Axon unit of work the changes are buffered per batch and
 * written by {@link #flushAtEndOfBatch()}; outside one (a handler called directly) every call is
 * written at once.
 *
 * <p>Why an interceptor and not {@code onPrepareCommit}: the pooled streaming processor registers
 * its "store the token" callback on the batch's unit of work before handing it the events, and
 * prepare-commit callbacks run in registration order, so a flush registered by a handler would run
 * after the token update. The interceptor flushes while the last event of the batch is still being
 * handled, i.e. before the unit of work commits. The prepare-commit flush stays as a safety net for
 * processors configured without the interceptor.
 */
@Component
public class ProjectionWriter {

    private static final String BATCH_RESOURCE = ProjectionWriter.class.getName() + ".batch";

    private final ProjectionStorage store;

    @Autowired
    public ProjectionWriter(ReadModelStore store) {
        this(ProjectionStorage.of(store));
    }

    public ProjectionWriter(ProjectionStorage store) {
        this.store = store;
    }

    /**
     * Changes the per-case document {@code id} of {@code collection} if {@code sequence} is newer than
     * the last sequence it recorded; a missing document starts as {@code {_id: id}}.
     *
     * @return whether the change was applied
     */
    public boolean updateDocument(String collection, String id, long sequence, Consumer<Document> change) {
        return inBatch(batch -> batch.updateDocument(collection, id, sequence, change));
    }

    /** The per-case document as this batch sees it, or null. Do not modify it. */
    public Document findDocument(String collection, String id) {
        return inBatch(batch -> batch.findDocument(collection, id));
    }

    /**
     * Replaces the part of shared document {@code documentId} owned by {@code caseId}, if
     * {@code sequence} is newer than the one recorded for that case in that document. The part is
     * stored as a document of its own; the shared document is what {@link SharedDocuments#find} reads
     * back, in the shape each read model documents ({@code cases: {<caseKey>: part}}).
     *
     * @param onInsert fields the document gets when this write creates it (e.g. agency and month)
     * @param change   gets the current part (null if none) and returns the new one (null removes it);
     *                   it may run later, at the end of the batch, so it must only use the part and
     *                   values taken from the event
     */
    public void updatePart(String collection, String documentId, Document onInsert, String caseId,
                           long sequence, UnaryOperator<Document> change) {
        inBatch(batch -> {
            batch.updatePart(collection, documentId, onInsert, caseId, sequence, change);
            return null;
        });
    }

    /** A case's part of a shared document as this batch sees it, or null. Do not modify it. */
    public Document findPart(String collection, String documentId, String caseId) {
        return inBatch(batch -> batch.findPart(collection, documentId, caseId));
    }

    /**
     * Empties a read model's collections when its processing group is reset for a replay: with the
     * old documents in place the sequence guards would turn the whole replay into no-ops.
     */
    public void drop(String... collections) {
        for (String collection : collections) {
            store.drop(collection);
        }
    }

    /** Register on every processor whose handlers write through this writer. */
    public MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
                flush(unitOfWork);
            }
            return result;
        };
    }

    /**
     * Hands the events to the projection behind {@code adapter} as one batch, the way a pooled streaming
     * processor's work package runs one: in a {@link BatchingUnitOfWork}, with this writer's flush at its
     * end, so that its changes are one bulk write per collection. For the projections fed outside a
     * processor (replays, the catch-up, as-of folds).
     *
     * @throws BatchFailedException if a handler or the flush failed; nothing after the failure is applied
     */
    public void deliverBatch(AnnotationEventHandlerAdapter adapter, List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(events));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, List.of(flushAtEndOfBatch()), message -> {
            // The adapter answers null for an event it has no handler for; asking it first (canHandle) would
            // search its handlers twice per event, a tenth of an as-of answer (issue 10's profile).
            adapter.handle(message);
            return null;
        }).proceed());
        if (result.isExceptional()) {
            throw new BatchFailedException(result.exceptionResult());
        }
    }

    /** A projection, or the writes at the end of its batch, failed on a batch fed by {@link #deliverBatch}. */
    public static final class BatchFailedException extends RuntimeException {
        BatchFailedException(Throwable cause) {
            super(cause == null ? "projection batch failed" : cause.getClass().getName(), cause);
        }
    }

    /** Writes the changes buffered in the given unit of work. */
    public void flush(UnitOfWork<?> unitOfWork) {
        ProjectionBatch batch = unitOfWork.root().getResource(BATCH_RESOURCE);
        if (batch != null) {
            batch.flush();
        }
    }

    private <T> T inBatch(Function<ProjectionBatch, T> action) {
        if (!CurrentUnitOfWork.isStarted()) {
            ProjectionBatch batch = new ProjectionBatch(store, Set.of());
            T result = action.apply(batch);
            batch.flush();
            return result;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        ProjectionBatch batch = root.getOrComputeResource(BATCH_RESOURCE, key -> {
            ProjectionBatch created = new ProjectionBatch(store, caseIds(root));
            root.onPrepareCommit(u -> created.flush());
            return created;
        });
        return action.apply(batch);
    }

    /** The cases of the batch: a case's events form one aggregate stream, its ID is the aggregate ID. */
    private static Set<String> caseIds(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages()
                : List.of(unitOfWork.getMessage());
        Set<String> caseIds = new LinkedHashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                caseIds.add(event.getAggregateIdentifier());
            }
        }
        return caseIds;
    }
}
