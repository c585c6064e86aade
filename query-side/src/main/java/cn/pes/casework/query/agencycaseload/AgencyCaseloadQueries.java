package cn.pes.casework.query.agencycaseload;

import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.registration.PendingApplication;
import cn.pes.casework.events.registration.PendingApplicationsView;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.UncontactedCase;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Component
public class AgencyCaseloadQueries {

    private final ReadModelStore store;
    private final Clock clock;

    public AgencyCaseloadQueries(ReadModelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Active cases of the agency registered by the end of the month, and those of them without a
     * contact in that month. It is today's caseload seen against a month: a case that has since
     * ended is no longer listed for a past month.
     */
    @QueryHandler
    public UncontactedCasesView handle(FindUncontactedCasesQuery query) {
        YearMonth month = query.month() != null ? query.month() : YearMonth.now(clock);
        String monthKey = month.toString();
        LocalDate endOfMonth = month.atEndOfMonth();
        int active = 0;
        List<UncontactedCase> uncontacted = new ArrayList<>();
        for (Document part : parts(query.agencyId())) {
            LocalDate registeredOn = Docs.date(part, "registeredOn");
            if (!AgencyCaseloadProjection.ACTIVE.equals(part.getString("state"))
                    || registeredOn == null || registeredOn.isAfter(endOfMonth)) {
                continue;
            }
            active++;
            Document contacts = Docs.subDocument(part, "contacts");
            if (contacts == null || contacts.getString(monthKey) == null) {
                uncontacted.add(new UncontactedCase(part.getString("caseId"), Docs.person(part, "person"),
                                                    registeredOn, lastContactUpTo(contacts, monthKey)));
            }
        }
        uncontacted.sort(Comparator.comparing(UncontactedCase::registeredOn).thenComparing(UncontactedCase::caseId));
        return new UncontactedCasesView(query.agencyId(), month, active, uncontacted);
    }

    @QueryHandler
    public PendingApplicationsView handle(FindPendingApplicationsQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<PendingApplication> applications = new ArrayList<>();
        for (Document part : parts(query.agencyId())) {
            if (!AgencyCaseloadProjection.PENDING.equals(part.getString("state"))) {
                continue;
            }
            LocalDate decisionDueOn = Docs.date(part, "decisionDueOn");
            boolean overdue = decisionDueOn != null && decisionDueOn.isBefore(asOf);
            if (query.overdueOnly() && !overdue) {
                continue;
            }
            applications.add(new PendingApplication(part.getString("caseId"),
                                                    Docs.intValue(part, "spell", 0),
                                                    Docs.person(part, "person"),
                                                    Docs.enumValue(part, "channel", Channel.class),
                                                    Docs.date(part, "appliedOn"),
                                                    decisionDueOn,
                                                    Docs.bool(part, "dueDateProvisional"),
                                                    overdue));
        }
        applications.sort(Comparator.comparing(PendingApplication::decisionDueOn,
                                               Comparator.nullsLast(Comparator.naturalOrder()))
                                    .thenComparing(PendingApplication::appliedOn,
                                                   Comparator.nullsLast(Comparator.naturalOrder()))
                                    .thenComparing(PendingApplication::caseId));
        return new PendingApplicationsView(query.agencyId(), asOf, applications);
    }

    private List<Document> parts(String agencyId) {
        List<Document> parts = new ArrayList<>();
        if (agencyId == null) {
            return parts;
        }
        // $in on _id is answered from the unique index, also by the embedded server.
        store.collection(AgencyCaseloadProjection.CASELOADS)
             .find(Filters.in("_id", AgencyCaseloadProjection.caseloadIds(agencyId)))
             .forEach(doc -> {
                 Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
                 if (cases != null) {
                     cases.values().forEach(part -> parts.add((Document) part));
                 }
             });
        return parts;
    }

    /** The latest contact up to the end of the month asked about; later ones did not exist then. */
    private static LocalDate lastContactUpTo(Document contacts, String monthKey) {
        if (contacts == null) {
            return null;
        }
        String latest = null;
        for (String month : contacts.keySet()) {
            String date = contacts.getString(month);
            if (month.compareTo(monthKey) <= 0 && date != null && (latest == null || date.compareTo(latest) > 0)) {
                latest = date;
            }
        }
        return latest == null ? null : LocalDate.parse(latest);
    }
}
