package cn.pes.casework.query.asof;

import cn.pes.casework.events.asof.BasisDifference;
import cn.pes.casework.events.asof.CaseAsOfView;
import cn.pes.casework.events.asof.FindCaseAsOfQuery;
import cn.pes.casework.events.asof.TimeBasis;
import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.events.casefile.SpellView;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.query.casehistory.CaseHistoryProjection;
import cn.pes.casework.query.casehistory.CaseHistoryQueries;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.casesummary.CaseSummaryQueries;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.InMemoryReadModels;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * A case at a past moment (历史时点查看): its whole event stream is read from the event store (from the
 * first event, never from a snapshot, which would hold today's state), the events belonging to the
 * moment are selected by the basis, and they are folded through the live {@link CaseSummaryProjection}
 * and {@link CaseHistoryProjection} into documents held in memory ({@link InMemoryReadModels}), then
 * read with the live queries' mapping — so a past state is computed by exactly the code that computes
 * today's.
 *
 * <p>An answer needs up to three folds: all of the stream (each event's effective date as the history
 * derives it, and today's responsible agency), the recorded selection and the effective selection (for
 * the differences between the two). Selections of the same events are folded once, and when the
 * recorded selection is the stream's beginning the whole stream is its fold continued.
 */
@Component
public class CaseAsOfQueries {

    private final EventStore eventStore;
    private final CodecRegistry codecs;
    private final CaseSummaryQueries summaries;
    private final PersonalDataDocs personalData;
    private final ZoneId zone;

    @Autowired
    public CaseAsOfQueries(EventStore eventStore, ReadModelStore store, CaseSummaryQueries summaries,
                           PersonalDataDocs personalData, @Value("${pes.zone:Asia/Shanghai}") String zone) {
        this(eventStore, store.codecRegistry(), summaries, personalData, ZoneId.of(zone));
    }

    /** @param codecs the read-model store's, so that folded documents read as stored ones do */
    public CaseAsOfQueries(EventStore eventStore, CodecRegistry codecs, CaseSummaryQueries summaries,
                           PersonalDataDocs personalData, ZoneId zone) {
        this.eventStore = eventStore;
        this.codecs = codecs;
        this.summaries = summaries;
        this.personalData = personalData;
        this.zone = zone;
        this.folders = ThreadLocal.withInitial(() -> new Folder(codecs, personalData));
    }

    /**
     * Null when the case has no events at all (no such case). Runs outside the caller's units of work: the
     * query bus calls handlers inside one, and the projection writer keeps its batch on the root unit of
     * work of the thread, which would make the folds share one batch bound to the first fold's documents.
     * On the caller's thread (the controllers already keep it off the event loop), not handed to a pool of its
     * own and back: two thread hand-overs less per answer.
     */
    @QueryHandler
    public CaseAsOfView handle(FindCaseAsOfQuery query) {
        if (query.caseId() == null || query.at() == null) {
            return null;
        }
        Deque<UnitOfWork<?>> suspended = new ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> innermost = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(innermost);
            suspended.push(innermost);
        }
        rebuilds.acquireUninterruptibly();
        try {
            return rebuild(query);
        } finally {
            rebuilds.release();
            while (!suspended.isEmpty()) {
                CurrentUnitOfWork.set(suspended.pop());
            }
        }
    }

    /** Two at a time: each rebuild is CPU work on a small machine, and more would only queue for the cores. */
    private final Semaphore rebuilds = new Semaphore(2);

    /** The documents of the last fold are dropped with the answer: they hold the person's data (sealed) and can be large. */
    private CaseAsOfView rebuild(FindCaseAsOfQuery query) {
        try {
            return rebuildFolding(query);
        } finally {
            folders.get().documents.clear();
        }
    }

    private CaseAsOfView rebuildFolding(FindCaseAsOfQuery query) {
        TimeBasis basis = query.basis() == null ? TimeBasis.RECORDED : query.basis();
        List<DomainEventMessage<?>> events = readAll(query.caseId());
        if (events.isEmpty()) {
            return null;
        }
        Instant at = query.at();
        LocalDate day = at.atZone(zone).toLocalDate();
        Map<List<Long>, Fold> folds = new HashMap<>();
        List<DomainEventMessage<?>> recorded = events.stream().filter(event -> !event.getTimestamp().isAfter(at)).toList();
        Fold now;
        if (startsWith(events, recorded)) {
            // Projections are built batch after batch: the whole stream is the recorded selection's fold
            // continued with the rest, which spares folding the beginning twice.
            folds.put(selection(recorded), fold(query.caseId(), recorded));
            now = foldFurther(query.caseId(), events.subList(recorded.size(), events.size()));
            folds.put(selection(events), now);
        } else {
            now = fold(query.caseId(), events, folds);
        }
        Map<Long, HistoryEntry> entries = new HashMap<>();
        now.history().forEach(entry -> entries.put(entry.sequence(), entry));

        List<DomainEventMessage<?>> effective = effectiveBy(events, entries, at, day);
        Fold asRecorded = fold(query.caseId(), recorded, folds);
        Fold asEffective = fold(query.caseId(), effective, folds);
        Fold chosen = basis == TimeBasis.RECORDED ? asRecorded : asEffective;

        Set<Long> effectiveSequences = effective.stream().map(DomainEventMessage::getSequenceNumber).collect(Collectors.toSet());
        List<HistoryEntry> learnedLater = now.history().stream()
                .filter(entry -> effectiveSequences.contains(entry.sequence()) && entry.recordedAt().isAfter(at))
                .toList();
        boolean existed = basis == TimeBasis.RECORDED ? !recorded.isEmpty() : !effective.isEmpty();
        return new CaseAsOfView(query.caseId(), at, basis, day, events.get(0).getTimestamp(), existed,
                                existed ? chosen.view() : null, existed ? chosen.history() : List.of(),
                                learnedLater, differences(asRecorded, asEffective),
                                now.view() == null ? null : now.view().agencyId(), events.size());
    }

    private List<DomainEventMessage<?>> readAll(String caseId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(caseId, 0L);
        stream.forEachRemaining(events::add);
        return events;
    }

    /**
     * In effect by the moment: an effective date on or before its day; without one, recorded by the
     * moment. The opening of the file has no date of its own in the world and is taken along with the
     * first event in effect, so that a registration dated the moment's day but recorded after it
     * belongs to a case that exists.
     */
    private static List<DomainEventMessage<?>> effectiveBy(List<DomainEventMessage<?>> events,
                                                           Map<Long, HistoryEntry> entries, Instant at, LocalDate day) {
        List<DomainEventMessage<?>> selected = new ArrayList<>();
        DomainEventMessage<?> opening = null;
        for (DomainEventMessage<?> event : events) {
            HistoryEntry entry = entries.get(event.getSequenceNumber());
            LocalDate effectiveDate = entry == null ? null : entry.effectiveDate();
            boolean inEffect = effectiveDate != null ? !effectiveDate.isAfter(day) : !event.getTimestamp().isAfter(at);
            if (!inEffect && CaseOpened.class.equals(event.getPayloadType())) {
                opening = event;
                continue;
            }
            if (inEffect) {
                if (opening != null) {
                    selected.add(opening);
                    opening = null;
                }
                selected.add(event);
            }
        }
        return selected;
    }

    private record Fold(CaseView view, List<HistoryEntry> history) {
    }

    /** Whether {@code selection} is a beginning of {@code events}, shorter than all of it and not empty. */
    private static boolean startsWith(List<DomainEventMessage<?>> events, List<DomainEventMessage<?>> selection) {
        if (selection.isEmpty() || selection.size() >= events.size()) {
            return false;
        }
        for (int i = 0; i < selection.size(); i++) {
            if (selection.get(i) != events.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> selection(List<DomainEventMessage<?>> events) {
        return events.stream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private Fold fold(String caseId, List<DomainEventMessage<?>> events, Map<List<Long>, Fold> folded) {
        List<Long> selection = selection(events);
        Fold fold = folded.get(selection);
        if (fold == null) {
            fold = fold(caseId, events);
            folded.put(selection, fold);
        }
        return fold;
    }

    /** Folds the events from nothing. */
    private Fold fold(String caseId, List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return new Fold(null, List.of());
        }
        folders.get().documents.clear();
        return foldFurther(caseId, events);
    }

    /** Folds the events onto the documents this thread's previous fold left. */
    private Fold foldFurther(String caseId, List<DomainEventMessage<?>> events) {
        Folder folder = folders.get();
        deliver(folder.writer, folder.caseSummary, events);
        deliver(folder.writer, folder.caseHistory, events);
        Document summary = folder.documents.find(CaseSummaryProjection.COLLECTION, caseId);
        Document history = folder.documents.find(CaseHistoryProjection.COLLECTION, caseId);
        return new Fold(summary == null ? null : summaries.toView(summary),
                        history == null ? List.of() : CaseHistoryQueries.caseEntries(history));
    }

    /**
     * The projections of one answering thread, over documents emptied before each fold from nothing.
     * Kept, not made per fold: inspecting a projection's handlers was 40 % of an answer's time (issue
     * 10's profile).
     */
    private final ThreadLocal<Folder> folders;

    private static final class Folder {
        final InMemoryReadModels documents;
        final ProjectionWriter writer;
        final AnnotationEventHandlerAdapter caseSummary;
        final AnnotationEventHandlerAdapter caseHistory;

        Folder(CodecRegistry codecs, PersonalDataDocs personalData) {
            documents = new InMemoryReadModels(codecs);
            writer = new ProjectionWriter(documents);
            caseSummary = new AnnotationEventHandlerAdapter(new CaseSummaryProjection(writer, personalData));
            caseHistory = new AnnotationEventHandlerAdapter(new CaseHistoryProjection(writer));
        }
    }

    /** One batch, as a pooled streaming processor runs it: the writer buffers and writes once at the end. */
    private static void deliver(ProjectionWriter writer, AnnotationEventHandlerAdapter adapter,
                                List<DomainEventMessage<?>> events) {
        try {
            writer.deliverBatch(adapter, events);
        } catch (ProjectionWriter.BatchFailedException e) {
            throw new IllegalStateException("Rebuilding a case at a past moment failed", e.getCause());
        }
    }

    private static List<BasisDifference> differences(Fold recorded, Fold effective) {
        List<BasisDifference> differences = new ArrayList<>();
        CaseView r = recorded.view();
        CaseView e = effective.view();
        compare(differences, "status", r == null ? null : name(r.status()), e == null ? null : name(e.status()));
        compare(differences, "agencyId", r == null ? null : r.agencyId(), e == null ? null : e.agencyId());
        compare(differences, "categories", r == null ? null : categories(r), e == null ? null : categories(e));
        compare(differences, "spells", r == null ? null : spells(r), e == null ? null : spells(e));
        compare(differences, "lastContact", r == null ? null : lastContact(r), e == null ? null : lastContact(e));
        compare(differences, "history", String.valueOf(recorded.history().size()), String.valueOf(effective.history().size()));
        return differences;
    }

    private static void compare(List<BasisDifference> differences, String field, String recorded, String effective) {
        if (!Objects.equals(recorded, effective)) {
            differences.add(new BasisDifference(field, recorded, effective));
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String categories(CaseView view) {
        return view.categories() == null ? "" : view.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** Each spell as number:status, e.g. {@code 1:EMPLOYED,2:ACTIVE}. */
    private static String spells(CaseView view) {
        return view.spells() == null ? "" : view.spells().stream()
                .map((SpellView spell) -> spell.spell() + ":" + name(spell.status()))
                .collect(Collectors.joining(","));
    }

    private static String lastContact(CaseView view) {
        return view.lastContact() == null ? null
                : view.lastContact().contactDate() + ":" + name(view.lastContact().statusFound());
    }
}
