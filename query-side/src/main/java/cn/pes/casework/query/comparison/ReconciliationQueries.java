package cn.pes.casework.query.comparison;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.casefile.LastContact;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.comparison.FindReconciliationQuery;
import cn.pes.casework.events.comparison.ReconciliationLine;
import cn.pes.casework.events.comparison.ReconciliationView;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.query.caselookup.CaseLookupProjection;
import cn.pes.casework.query.caselookup.SearchKeys;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.entrepreneurship.CaseEntrepreneurshipProjection;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineProjection;
import cn.pes.casework.security.protection.BlindIndex;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Bulk reconciliation (批量核对): where each person of a list stands, city-wide (REG-4), read from the
 * read models the case pages use — the ID number lookup, the case, its skills subsidies and its
 * guarantee loans. Every read model is read with {@code $in} on {@code _id} in chunks of
 * {@value #CHUNK}, so a list costs a few round trips per chunk, not per person. The list's numbers are
 * personal data: nothing here logs them, and the lookup uses their blind index only.
 */
@Component
public class ReconciliationQueries {

    /** Keeps each {@code $in} well under the server's message size. */
    static final int CHUNK = 500;
    static final String STATUS_ACTIVE = RegistrationStatus.ACTIVE.name();

    private final ReadModelStore store;
    private final BlindIndex blindIndex;
    private final PersonalDataDocs personalData;
    private final int maxNumbers;

    public ReconciliationQueries(ReadModelStore store, BlindIndex blindIndex, PersonalDataDocs personalData,
                                 @Value("${pes.reconciliation.max-numbers:20000}") int maxNumbers) {
        this.store = store;
        this.blindIndex = blindIndex;
        this.personalData = personalData;
        this.maxNumbers = maxNumbers;
    }

    /** The most numbers one list may hold. */
    public int maxNumbers() {
        return maxNumbers;
    }

    /** @throws ReconciliationTooLargeException beyond {@link #maxNumbers()} numbers */
    @QueryHandler
    public ReconciliationView handle(FindReconciliationQuery query) {
        List<String> numbers = query.idNumbers();
        if (numbers.size() > maxNumbers) {
            throw new ReconciliationTooLargeException(numbers.size(), maxNumbers);
        }
        String[] keys = new String[numbers.size()];
        String[] problems = new String[numbers.size()];
        for (int i = 0; i < numbers.size(); i++) {
            String normalised = SearchKeys.idNumber(numbers.get(i));
            problems[i] = problemCode(normalised);
            keys[i] = problems[i] == null ? blindIndex.ofIdNumber(normalised) : null;
        }
        Map<String, String> caseByKey = casesByKey(keys);
        Set<String> caseIds = new LinkedHashSet<>(caseByKey.values());
        Map<String, Document> cases = byId(CaseSummaryProjection.COLLECTION, caseIds);
        Map<String, Document> subsidies = byId(SubsidyPipelineProjection.CASES, caseIds);
        Map<String, Document> loans = byId(CaseEntrepreneurshipProjection.COLLECTION, caseIds);
        List<ReconciliationLine> lines = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            String caseId = keys[i] == null ? null : caseByKey.get(keys[i]);
            Document caseDoc = caseId == null ? null : cases.get(caseId);
            lines.add(caseDoc == null ? unknown(i, problems[i])
                    : line(i, caseId, caseDoc, subsidies.get(caseId), loans.get(caseId)));
        }
        return new ReconciliationView(lines);
    }

    /**
     * The case of each blind index. A person has one case; should the index hold more (cases merged by
     * hand later), the active one answers, else the newest (case IDs are time-ordered).
     */
    private Map<String, String> casesByKey(String[] keys) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String key : keys) {
            if (key != null) {
                distinct.add(key);
            }
        }
        Map<String, List<String>> candidates = new HashMap<>();
        SharedDocuments.find(store.collection(CaseLookupProjection.ID_NUMBER_INDEX), distinct).forEach(entry -> {
            Document parts = Docs.subDocument(entry, GuardedUpsert.CASES);
            if (parts != null && !parts.isEmpty()) {
                List<String> ids = new ArrayList<>();
                parts.values().forEach(part -> ids.add(((Document) part).getString("caseId")));
                candidates.put(entry.getString("_id"), ids);
            }
        });
        Set<String> ambiguous = new LinkedHashSet<>();
        candidates.values().stream().filter(ids -> ids.size() > 1).forEach(ambiguous::addAll);
        Map<String, Document> statuses = ambiguous.isEmpty() ? Map.of()
                : byId(CaseLookupProjection.CASES, ambiguous);
        Map<String, String> caseByKey = new HashMap<>();
        candidates.forEach((key, ids) -> caseByKey.put(key, ids.stream().max((a, b) -> {
            boolean activeA = isActive(statuses.get(a));
            boolean activeB = isActive(statuses.get(b));
            return activeA != activeB ? Boolean.compare(activeA, activeB) : a.compareTo(b);
        }).orElse(null)));
        return caseByKey;
    }

    private static boolean isActive(Document lookupCase) {
        return lookupCase != null && STATUS_ACTIVE.equals(lookupCase.getString("status"));
    }

    private Map<String, Document> byId(String collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        inChunks(collection, ids, doc -> found.put(doc.getString("_id"), doc));
        return found;
    }

    private void inChunks(String collection, Collection<String> ids, Consumer<Document> action) {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            // $in on _id is answered from the unique index, also by the embedded server.
            store.collection(collection).find(Filters.in("_id", all.subList(from, Math.min(all.size(), from + CHUNK))))
                 .forEach(action::accept);
        }
    }

    private static ReconciliationLine unknown(int index, String problem) {
        return new ReconciliationLine(index, problem, null, null, null, null, null, null, null, null, 0, 0, null, 0,
                                      null, null);
    }

    private ReconciliationLine line(int index, String caseId, Document caseDoc, Document subsidyDoc, Document loanDoc) {
        List<Document> spells = caseDoc.getList("spells", Document.class, List.of());
        Document spell = spells.isEmpty() ? null : spells.get(spells.size() - 1);
        LocalDate spellStart = spell == null ? null
                : Docs.date(spell, "registeredOn") != null ? Docs.date(spell, "registeredOn") : Docs.date(spell, "appliedOn");

        int applied = 0;
        int paid = 0;
        BigDecimal amountPaid = BigDecimal.ZERO;
        for (Document application : subsidyDoc == null ? List.<Document>of()
                : subsidyDoc.getList("applications", Document.class, List.of())) {
            applied++;
            if (application.getString("paidOn") != null) {
                paid++;
                amountPaid = amountPaid.add(orZero(Docs.amount(application, "subsidyAmount")))
                                       .add(orZero(Docs.amount(application, "allowanceAmount")));
            }
        }

        int loanCount = 0;
        Document latest = null;
        BigDecimal outstanding = BigDecimal.ZERO;
        for (Document loan : loanDoc == null ? List.<Document>of() : loanDoc.getList("loans", Document.class, List.of())) {
            loanCount++;
            outstanding = outstanding.add(orZero(Docs.amount(loan, "outstanding")));
            if (latest == null || later(loan, latest)) {
                latest = loan;
            }
        }
        return new ReconciliationLine(index, null, caseId, personalData.read(caseDoc, "person"),
                                      Docs.enumValue(caseDoc, "status", RegistrationStatus.class), spellStart,
                                      spell == null ? null : Docs.date(spell, "endedOn"), caseDoc.getString("agencyId"),
                                      lastContact(Docs.subDocument(caseDoc, "lastContact")),
                                      Docs.enumSet(caseDoc, "categories", PersonCategory.class), applied, paid, amountPaid,
                                      loanCount, latest == null ? null : Docs.enumValue(latest, "stage", LoanStage.class),
                                      outstanding);
    }

    /** Applied later, or the same day with the later loan ID. */
    private static boolean later(Document loan, Document than) {
        String a = String.valueOf(loan.getString("appliedOn")) + "|" + loan.getString("loanId");
        String b = String.valueOf(than.getString("appliedOn")) + "|" + than.getString("loanId");
        return a.compareTo(b) > 0;
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static LastContact lastContact(Document contact) {
        if (contact == null) {
            return null;
        }
        return new LastContact(contact.getString("contactId"), Docs.date(contact, "contactDate"),
                               Docs.enumValue(contact, "method", ContactMethod.class), Docs.bool(contact, "reached"),
                               Docs.enumValue(contact, "statusFound", EmploymentStatus.class));
    }

    /** The problem code the command side reports for the same number ({@code ID_NUMBER_...}), or null when valid. */
    static String problemCode(String normalised) {
        IdNumberFormat.Problem problem = IdNumberFormat.problemOf(normalised);
        return problem == null ? null : "ID_NUMBER_" + problem.name();
    }
}
