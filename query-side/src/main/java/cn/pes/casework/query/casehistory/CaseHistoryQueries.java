package cn.pes.casework.query.casehistory;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.Labels;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Component
public class CaseHistoryQueries {

    private final ReadModelStore store;

    public CaseHistoryQueries(ReadModelStore store) {
        this.store = store;
    }

    /** The case's history in event order, or null when no such case has been projected (yet). */
    @QueryHandler
    public CaseHistoryView handle(FindCaseHistoryQuery query) {
        if (query.caseId() == null) {
            return null;
        }
        Document doc = store.collection(CaseHistoryProjection.COLLECTION)
                            .find(Filters.eq("_id", query.caseId())).first();
        if (doc == null) {
            return null;
        }
        return new CaseHistoryView(doc.getString("_id"), withFairEntries(query.caseId(), caseEntries(doc)));
    }

    /**
     * The entries of the case's own events in event order, from its stored history document (also
     * as-of answers, from a document folded in memory); recruitment fairs' entries are not in it.
     */
    public static List<HistoryEntry> caseEntries(Document doc) {
        return doc.getList("entries", Document.class, List.of()).stream()
                  .map(CaseHistoryQueries::toEntry)
                  .sorted(Comparator.comparingLong(HistoryEntry::sequence))
                  .toList();
    }

    /**
     * The events of recruitment fairs about the person, each placed before the first case event
     * recorded after it: the two streams have no common sequence, only their recording times.
     */
    private List<HistoryEntry> withFairEntries(String caseId, List<HistoryEntry> caseEntries) {
        Document fairs = SharedDocuments.find(store.collection(CaseHistoryProjection.FAIR_ENTRIES), caseId);
        Document parts = fairs == null ? null : fairs.get(GuardedUpsert.CASES, Document.class);
        if (parts == null || parts.isEmpty()) {
            return caseEntries;
        }
        List<HistoryEntry> fairEntries = new ArrayList<>();
        parts.values().forEach(part -> ((Document) part).getList("entries", Document.class, List.of())
                                                         .forEach(entry -> fairEntries.add(toEntry(entry))));
        fairEntries.sort(Comparator.comparing(HistoryEntry::recordedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                                   .thenComparingLong(HistoryEntry::sequence));
        List<HistoryEntry> merged = new ArrayList<>(caseEntries.size() + fairEntries.size());
        int next = 0;
        for (HistoryEntry entry : caseEntries) {
            while (next < fairEntries.size() && fairEntries.get(next).recordedAt() != null && entry.recordedAt() != null
                    && fairEntries.get(next).recordedAt().isBefore(entry.recordedAt())) {
                merged.add(fairEntries.get(next++));
            }
            merged.add(entry);
        }
        merged.addAll(fairEntries.subList(next, fairEntries.size()));
        return merged;
    }

    private static HistoryEntry toEntry(Document entry) {
        return new HistoryEntry(Docs.longValue(entry, "sequence", -1),
                                Docs.instant(entry, "recordedAt"),
                                Docs.date(entry, "effectiveDate"),
                                entry.getString("eventType"),
                                entry.getString("title"),
                                entry.getString("description"),
                                entry.getString("officerId"),
                                entry.getString("agencyId"),
                                entry.getString("channel"),
                                channelName(entry.getString("channel")),
                                entry.getString("correlationId"));
    }

    private static String channelName(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Labels.of(Channel.valueOf(code));
        } catch (IllegalArgumentException unknownToThisVersion) {
            return code;
        }
    }
}
