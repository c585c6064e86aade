package cn.pes.casework.query.agencycaseload;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.registration.PendingApplication;
import cn.pes.casework.events.registration.PendingApplicationsView;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.statistics.CaseloadFigures;
import cn.pes.casework.events.statistics.FindCaseloadFiguresQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesPageQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.UncontactedCase;
import cn.pes.casework.events.tracking.UncontactedCasesPage;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@Component
public class AgencyCaseloadQueries {

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final Clock clock;

    public AgencyCaseloadQueries(ReadModelStore store, Clock clock, PersonalDataDocs personalData) {
        this.store = store;
        this.clock = clock;
        this.personalData = personalData;
    }

    /**
     * Active cases of the agency registered by the end of the month, and those of them without a
     * contact in that month. It is today's caseload seen against a month: a case that has since
     * ended is no longer listed for a past month.
     */
    @QueryHandler
    public UncontactedCasesView handle(FindUncontactedCasesQuery query) {
        YearMonth month = query.month() != null ? query.month() : YearMonth.now(clock);
        Uncontacted found = uncontacted(query.agencyId(), month);
        return new UncontactedCasesView(query.agencyId(), month, found.activeCases(), opened(found.cases(), month));
    }

    /**
     * A page of the same list in the same order. The whole caseload is still read to select and
     * order the list, but only the page's cases open personal data, which is most of what a whole
     * list costs on a month's first day, when a street's thousands of cases are all uncontacted.
     */
    @QueryHandler
    public UncontactedCasesPage handle(FindUncontactedCasesPageQuery query) {
        if (query.page() < 1 || query.size() < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
        YearMonth month = query.month() != null ? query.month() : YearMonth.now(clock);
        Uncontacted found = uncontacted(query.agencyId(), month);
        int total = found.cases().size();
        long from = (long) (query.page() - 1) * query.size();
        List<Document> shown = from >= total ? List.of()
                : found.cases().subList((int) from, (int) Math.min(total, from + query.size()));
        return new UncontactedCasesPage(query.agencyId(), month, query.page(), query.size(), found.activeCases(),
                                        total, opened(shown, month));
    }

    /** The caseload's parts selected for TRK-1, in the list's order, without opening anyone's data. */
    private Uncontacted uncontacted(String agencyId, YearMonth month) {
        String monthKey = month.toString();
        LocalDate endOfMonth = month.atEndOfMonth();
        int active = 0;
        List<Document> listed = new ArrayList<>();
        for (Document part : parts(agencyId == null ? List.of() : AgencyCaseloadProjection.caseloadIds(agencyId))) {
            LocalDate registeredOn = Docs.date(part, "registeredOn");
            if (!AgencyCaseloadProjection.ACTIVE.equals(part.getString("state"))
                    || registeredOn == null || registeredOn.isAfter(endOfMonth)) {
                continue;
            }
            active++;
            Document contacts = Docs.subDocument(part, "contacts");
            if (contacts == null || contacts.getString(monthKey) == null) {
                listed.add(part);
            }
        }
        // ISO dates order as their text does: no parsing inside the sort.
        listed.sort(Comparator.comparing((Document part) -> part.getString("registeredOn"))
                              .thenComparing(part -> part.getString("caseId")));
        return new Uncontacted(active, listed);
    }

    /** The listed parts as the list shows them; only their personal data is fetched and opened. */
    private List<UncontactedCase> opened(List<Document> listed, YearMonth month) {
        personalData.prefetch(listed, "person");
        List<UncontactedCase> cases = new ArrayList<>(listed.size());
        for (Document part : listed) {
            cases.add(new UncontactedCase(part.getString("caseId"), personalData.read(part, "person"),
                                          Docs.date(part, "registeredOn"),
                                          lastContactUpTo(Docs.subDocument(part, "contacts"), month.toString())));
        }
        return cases;
    }

    private record Uncontacted(int activeCases, List<Document> cases) {
    }

    @QueryHandler
    public PendingApplicationsView handle(FindPendingApplicationsQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<PendingApplication> applications = new ArrayList<>();
        List<Document> listed = new ArrayList<>();
        for (Document part : parts(query.agencyId() == null ? List.of()
                : List.of(AgencyCaseloadProjection.pendingId(query.agencyId())))) {
            if (!AgencyCaseloadProjection.PENDING.equals(part.getString("state"))) {
                continue;
            }
            LocalDate decisionDueOn = Docs.date(part, "decisionDueOn");
            boolean overdue = decisionDueOn != null && decisionDueOn.isBefore(asOf);
            if (!query.overdueOnly() || overdue) {
                listed.add(part);
            }
        }
        personalData.prefetch(listed, "person");
        for (Document part : listed) {
            LocalDate decisionDueOn = Docs.date(part, "decisionDueOn");
            boolean overdue = decisionDueOn != null && decisionDueOn.isBefore(asOf);
            applications.add(new PendingApplication(part.getString("caseId"),
                                                    Docs.intValue(part, "spell", 0),
                                                    personalData.read(part, "person"),
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

    /**
     * The same selection as the two lists above, counted over several agencies at once. Reads no
     * personal data, so that statistics never decode any.
     */
    @QueryHandler
    public CaseloadFigures handle(FindCaseloadFiguresQuery query) {
        YearMonth month = query.month() != null ? query.month() : YearMonth.now(clock);
        String monthKey = month.toString();
        LocalDate endOfMonth = month.atEndOfMonth();
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        // Sets of case IDs rather than sums: a case listed by two of the agencies counts once.
        Set<String> active = new HashSet<>();
        Set<String> uncontacted = new HashSet<>();
        Set<String> pending = new HashSet<>();
        Set<String> overdue = new HashSet<>();
        List<String> ids = new ArrayList<>();
        query.agencyIds().stream().filter(Objects::nonNull).distinct().forEach(agencyId -> {
            ids.addAll(AgencyCaseloadProjection.caseloadIds(agencyId));
            ids.add(AgencyCaseloadProjection.pendingId(agencyId));
        });
        for (Document part : parts(ids)) {
            String caseId = part.getString("caseId");
            if (AgencyCaseloadProjection.ACTIVE.equals(part.getString("state"))) {
                LocalDate registeredOn = Docs.date(part, "registeredOn");
                if (registeredOn == null || registeredOn.isAfter(endOfMonth)) {
                    continue;
                }
                active.add(caseId);
                Document contacts = Docs.subDocument(part, "contacts");
                if (contacts == null || contacts.getString(monthKey) == null) {
                    uncontacted.add(caseId);
                }
            } else if (AgencyCaseloadProjection.PENDING.equals(part.getString("state"))) {
                pending.add(caseId);
                LocalDate decisionDueOn = Docs.date(part, "decisionDueOn");
                if (decisionDueOn != null && decisionDueOn.isBefore(asOf)) {
                    overdue.add(caseId);
                }
            }
        }
        return new CaseloadFigures(active.size(), uncontacted.size(), pending.size(), overdue.size());
    }

    /** The parts of the given shared documents, read by {@code _id} range. */
    private List<Document> parts(List<String> documentIds) {
        List<Document> parts = new ArrayList<>();
        if (documentIds.isEmpty()) {
            return parts;
        }
        SharedDocuments.find(store.collection(AgencyCaseloadProjection.CASELOADS), documentIds)
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
