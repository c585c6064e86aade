package cn.pes.casework.query.audittrail;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.audit.FindAgencyActionsQuery;
import cn.pes.casework.events.audit.FindCorrelatedActionsQuery;
import cn.pes.casework.events.audit.FindOfficerActionsQuery;
import cn.pes.casework.events.audit.RecordedAction;
import cn.pes.casework.events.audit.RecordedActionsView;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.GuardedUpsert;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The audit trail's answers, read by {@code _id} only: the days of the period times their buckets. */
@Component
public class OfficerActionsQueries {

    /** More than any officer records in a year of ordinary work; an answer beyond says it was cut. */
    public static final int MAX_ACTIONS = 5000;
    private static final int READ_CHUNK = 500;
    private static final Comparator<RecordedAction> RECORDED_ORDER =
            Comparator.comparing(RecordedAction::recordedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                      .thenComparing(action -> String.valueOf(action.aggregateType()))
                      .thenComparing(action -> String.valueOf(action.aggregateId()))
                      .thenComparingLong(RecordedAction::sequence)
                      .thenComparing(action -> String.valueOf(action.eventId()));

    private final ReadModelStore store;

    public OfficerActionsQueries(ReadModelStore store) {
        this.store = store;
    }

    /** An empty answer for a missing officer or a period that is reversed or longer than allowed. */
    @QueryHandler
    public RecordedActionsView handle(FindOfficerActionsQuery query) {
        return byDay(OfficerActionsProjection.BY_OFFICER, query.officerId(), query.from(), query.to(),
                     OfficerActionsProjection::officerDayKey, OfficerActionsProjection.OFFICER_BUCKETS);
    }

    @QueryHandler
    public RecordedActionsView handle(FindAgencyActionsQuery query) {
        return byDay(OfficerActionsProjection.BY_AGENCY, query.agencyId(), query.from(), query.to(),
                     OfficerActionsProjection::agencyDayKey, OfficerActionsProjection.AGENCY_BUCKETS);
    }

    @QueryHandler
    public RecordedActionsView handle(FindCorrelatedActionsQuery query) {
        if (query.correlationId() == null || query.correlationId().isBlank()) {
            return new RecordedActionsView(List.of(), false);
        }
        return answer(read(OfficerActionsProjection.BY_CORRELATION, List.of(query.correlationId())));
    }

    private RecordedActionsView byDay(String collection, String who, LocalDate from, LocalDate to,
                                      BiFunction<String, LocalDate, String> dayKey, int buckets) {
        if (who == null || who.isBlank() || from == null || to == null || to.isBefore(from)
                || ChronoUnit.DAYS.between(from, to) >= FindOfficerActionsQuery.MAX_DAYS) {
            return new RecordedActionsView(List.of(), false);
        }
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ids.addAll(Buckets.all(dayKey.apply(who, day), buckets));
        }
        return answer(read(collection, ids));
    }

    private List<RecordedAction> read(String collection, List<String> ids) {
        // Keyed by event ID: the same event is in one part only, but a document read twice must not double it.
        Map<String, RecordedAction> actions = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            SharedDocuments.find(store.collection(collection), ids.subList(from, Math.min(ids.size(), from + READ_CHUNK)))
                 .forEach(document -> {
                     Document parts = Docs.subDocument(document, GuardedUpsert.CASES);
                     if (parts != null) {
                         parts.values().forEach(part -> ((Document) part)
                                 .getList(OfficerActionsProjection.ACTIONS, Document.class, List.of())
                                 .forEach(action -> actions.putIfAbsent(action.getString("eventId"), toAction(action))));
                     }
                 });
        }
        return new ArrayList<>(actions.values());
    }

    private static RecordedActionsView answer(List<RecordedAction> actions) {
        actions.sort(RECORDED_ORDER);
        boolean limited = actions.size() > MAX_ACTIONS;
        return new RecordedActionsView(limited ? List.copyOf(actions.subList(0, MAX_ACTIONS)) : List.copyOf(actions),
                                       limited);
    }

    private static RecordedAction toAction(Document action) {
        String eventType = action.getString("eventType");
        return new RecordedAction(action.getString("eventId"), action.getString("aggregateType"),
                                  action.getString("aggregateId"), Docs.longValue(action, "sequence", 0), eventType,
                                  ActionLabels.of(eventType), Docs.instant(action, "recordedAt"),
                                  action.getString("officerId"), action.getString("agencyId"),
                                  action.getString("channel"), action.getString("correlationId"));
    }
}
