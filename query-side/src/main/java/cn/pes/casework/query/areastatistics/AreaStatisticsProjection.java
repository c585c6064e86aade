package cn.pes.casework.query.areastatistics;

import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.StatisticsChanged;
import cn.pes.casework.events.subsidy.SubsidyPaid;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The facts behind an area's monthly statistics (统计月报), kept per agency so that any month, past
 * ones included, can be computed on demand and "as known at" any instant:
 * <ul>
 * <li>{@value #FACTS}: {@code {_id: "agencyId|NN", agencyId, cases: {<caseKey>: {spells: {"<spell>": spell}}},
 * seq: {<caseKey>: n}}}, spell = {@code {start, startAt, end, endAt, ground, referralHireAt}}: the
 * effective date the spell started and when that was recorded; the effective date it ended (the day work
 * started, or the day a cancellation took effect), when that was recorded and, for a cancellation, its
 * CAN-1 ground (none: ended by employment); when a hire through a referral of the platform was recorded
 * for the spell (JOB-6, 推荐就业). A few hundred bytes per spell, for every spell the agency ever had:
 * the stock of a month needs every spell open across it.</li>
 * <li>{@value #MONTHS}: {@code {_id: "agencyId|yyyy-MM|NN", agencyId, month, cases: {<caseKey>: part},
 * seq: {<caseKey>: n}}}, part = {@code {contacts: {"<spell>": {"<METHOD>": at}}, payments: [{applicationId,
 * paidOn, subsidy, allowance, at}]}}: per spell and method, the earliest recording instant of a tracking
 * contact dated in the month (TRK-1, TRK-2; that is all "contacted as known at" needs, however many
 * contacts there were); the skills subsidy payments (SUB-5) paid in the month at the paying department's
 * agency, amounts as decimal strings. By month, so that a question reads only its months' documents.</li>
 * <li>{@value #SPELL_AGENCIES}: {@code {_id: caseId, agencies: {"<spell>": agencyId}, lastSequence}} —
 * where each spell was registered.</li>
 * </ul>
 * Facts, not per-month counters: "registered at month end" and "long-term" of a month need every spell
 * open across it, and "as known at" needs each fact's recording instant ({@code *At}, {@code at}: the
 * event's timestamp). A spell's facts all live at the agency it was registered at (the event's own
 * agency only for a spell registered before this model saw it), so that its start, end and contacts are
 * always read together.
 * <p>
 * Guarantee loans (ENT-2..ENT-5): their approvals are a third list of the part in {@value #MONTHS}
 * ({@code loans: [{loanId, approvedOn, amount, at}]}), at the loan's agency, in the month approved.
 * <p>
 * No personal data: case IDs (generated), spells, agencies, dates, methods, grounds and amounts, so
 * erasure changes nothing here. Spread over buckets by case ID ({@value #BUCKETS} per agency,
 * {@value #MONTH_BUCKETS} per agency and month).
 * <p>
 * In the Spring bean, a batch's changes are announced to {@link FindAreaStatisticsQuery} subscriptions
 * naming the agency as {@link StatisticsChanged} (agency, month the fact took effect), once per batch
 * after it committed. Built with the writer alone (as a replay engine builds projections) it announces
 * nothing.
 */
@Component
@ProcessingGroup(AreaStatisticsProjection.PROCESSING_GROUP)
public class AreaStatisticsProjection {

    public static final String PROCESSING_GROUP = "area-statistics";
    public static final String FACTS = "area_statistics";
    public static final String MONTHS = "area_statistics_months";
    public static final String SPELL_AGENCIES = "area_statistics_spells";
    /** Fixed, as {@link #MONTH_BUCKETS}: changing them needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 32;
    public static final int MONTH_BUCKETS = 16;

    static final String SPELLS = "spells";
    static final String PAYMENTS = "payments";
    static final String LOANS = "loans";
    static final String START = "start";
    static final String START_AT = "startAt";
    static final String END = "end";
    static final String END_AT = "endAt";
    static final String GROUND = "ground";
    static final String REFERRAL_HIRE_AT = "referralHireAt";
    static final String CONTACTS = "contacts";
    /** The method key of a contact recorded without one (the command side requires one). */
    static final String NO_METHOD = "NONE";

    private static final String CHANGES_RESOURCE = AreaStatisticsProjection.class.getName() + ".changes";

    private final ProjectionWriter writer;
    private final QueryUpdateEmitter emitter;

    /** Without announcements: for replays and tests. */
    public AreaStatisticsProjection(ProjectionWriter writer) {
        this(writer, null);
    }

    @Autowired
    public AreaStatisticsProjection(ProjectionWriter writer, QueryUpdateEmitter emitter) {
        this.writer = writer;
        this.emitter = emitter;
    }

    static String factsId(String agencyId, String caseId) {
        return Buckets.of(agencyId, caseId, BUCKETS);
    }

    /** Every document of an agency, for reading them by {@code _id}. */
    static List<String> factsIds(String agencyId) {
        return Buckets.all(agencyId, BUCKETS);
    }

    static String monthId(String agencyId, YearMonth month, String caseId) {
        return Buckets.of(agencyId + "|" + month, caseId, MONTH_BUCKETS);
    }

    /** Every document of an agency's month, for reading them by {@code _id}. */
    static List<String> monthIds(String agencyId, YearMonth month) {
        return Buckets.all(agencyId + "|" + month, MONTH_BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(FACTS, MONTHS, SPELL_AGENCIES);
    }

    @EventHandler
    void on(UnemploymentRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.agencyId() == null || event.registeredOn() == null) {
            return;
        }
        String spell = String.valueOf(event.spell());
        writer.updateDocument(SPELL_AGENCIES, event.caseId(), sequence,
                              doc -> Docs.subDocumentForUpdate(doc, "agencies").put(spell, event.agencyId()));
        changeSpell(event.agencyId(), event.caseId(), event.spell(), event.registeredOn(), sequence, facts -> {
            facts.put(START, Docs.date(event.registeredOn()));
            facts.put(START_AT, Docs.instant(recordedAt));
        });
    }

    /** The spell ends the day work starts. */
    @EventHandler
    void on(Employed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        LocalDate startDate = event.employment() == null ? null : event.employment().startDate();
        changeSpell(agencyOf(event.caseId(), event.spell(), event.responsibleAgencyId()), event.caseId(), event.spell(),
                    startDate, sequence, facts -> {
                    facts.put(END, Docs.date(startDate));
                    facts.put(END_AT, Docs.instant(recordedAt));
                    facts.remove(GROUND);
                });
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        changeSpell(agencyOf(event.caseId(), event.spell(), event.responsibleAgencyId()), event.caseId(), event.spell(),
                    event.effectiveDate(), sequence, facts -> {
                    facts.put(END, Docs.date(event.effectiveDate()));
                    facts.put(END_AT, Docs.instant(recordedAt));
                    facts.put(GROUND, Docs.name(event.ground()));
                });
    }

    /**
     * A hire through a referral is always followed by the {@code Employed} that ends the spell; only
     * the hire says the work came through the platform.
     */
    @EventHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.outcome() != ReferralOutcome.HIRED) {
            return;
        }
        LocalDate effective = event.startDate() != null ? event.startDate() : event.outcomeOn();
        changeSpell(agencyOf(event.caseId(), event.spell(), event.agencyId()), event.caseId(), event.spell(), effective,
                    sequence, facts -> facts.put(REFERRAL_HIRE_AT, Docs.instant(recordedAt)));
    }

    /** Only the earliest recording per spell, month and method counts: a later one adds nothing known. */
    @EventHandler
    void on(TrackingContactRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.contactDate() == null) {
            return;
        }
        String spell = String.valueOf(event.spell());
        String method = event.method() == null ? NO_METHOD : event.method().name();
        changeMonth(agencyOf(event.caseId(), event.spell(), event.responsibleAgencyId()), event.caseId(),
                    event.contactDate(), sequence, part -> {
                    Document methods = Docs.subDocumentForUpdate(Docs.subDocumentForUpdate(part, CONTACTS), spell);
                    Instant earliest = Docs.instant(methods, method);
                    if (earliest == null || recordedAt.isBefore(earliest)) {
                        methods.put(method, Docs.instant(recordedAt));
                    }
                });
    }

    /** Counted at the paying department's agency, in the month of {@code paidOn} (as the subsidy totals). */
    @EventHandler
    void on(SubsidyPaid event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.departmentId() == null || event.paidOn() == null || event.applicationId() == null) {
            return;
        }
        Document payment = new Document("applicationId", event.applicationId())
                .append("paidOn", Docs.date(event.paidOn()))
                .append("subsidy", Docs.amount(event.subsidyAmount()))
                .append("allowance", Docs.amount(event.allowanceAmount()))
                .append("at", Docs.instant(recordedAt));
        changeMonth(event.departmentId(), event.caseId(), event.paidOn(), sequence, part -> {
            List<Document> payments = new ArrayList<>(part.getList(PAYMENTS, Document.class, List.of()));
            payments.removeIf(p -> event.applicationId().equals(p.getString("applicationId")));
            payments.add(payment);
            payments.sort(Comparator.comparing(p -> p.getString("applicationId")));
            part.put(PAYMENTS, payments);
        });
    }

    /** Counted at the loan's agency, in the month of {@code approvedOn}; an approval is never taken back. */
    @EventHandler
    void on(GuaranteeLoanApproved event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.agencyId() == null || event.approvedOn() == null || event.loanId() == null) {
            return;
        }
        Document loan = new Document("loanId", event.loanId())
                .append("approvedOn", Docs.date(event.approvedOn()))
                .append("amount", Docs.amount(event.amount()))
                .append("at", Docs.instant(recordedAt));
        changeMonth(event.agencyId(), event.caseId(), event.approvedOn(), sequence, part -> {
            List<Document> loans = new ArrayList<>(part.getList(LOANS, Document.class, List.of()));
            loans.removeIf(l -> event.loanId().equals(l.getString("loanId")));
            loans.add(loan);
            loans.sort(Comparator.comparing(l -> l.getString("loanId")));
            part.put(LOANS, loans);
        });
    }

    /** Where the spell was registered; the event's own agency only if this model never saw the registration. */
    private String agencyOf(String caseId, int spell, String eventAgencyId) {
        Document agencies = Docs.subDocument(writer.findDocument(SPELL_AGENCIES, caseId), "agencies");
        String registered = agencies == null ? null : agencies.getString(String.valueOf(spell));
        return registered != null ? registered : eventAgencyId;
    }

    private void changeSpell(String agencyId, String caseId, int spell, LocalDate effectiveDate, long sequence,
                             Consumer<Document> change) {
        change(agencyId, caseId, effectiveDate, sequence, part -> {
            Document spells = Docs.subDocumentForUpdate(part, SPELLS);
            Document facts = spells.get(String.valueOf(spell), Document.class);
            if (facts == null) {
                facts = new Document();
                spells.put(String.valueOf(spell), facts);
            }
            change.accept(facts);
        });
    }

    /**
     * Without an agency or an effective date there is nowhere and no month to count the fact in. The
     * command side refuses both missing, so this only guards against a broken stream.
     */
    private void change(String agencyId, String caseId, LocalDate effectiveDate, long sequence,
                        Consumer<Document> change) {
        if (agencyId == null || caseId == null || effectiveDate == null) {
            return;
        }
        writer.updatePart(FACTS, factsId(agencyId, caseId), new Document("agencyId", agencyId), caseId, sequence,
                          changed(change));
        announce(new StatisticsChanged(agencyId, YearMonth.from(effectiveDate)));
    }

    private void changeMonth(String agencyId, String caseId, LocalDate effectiveDate, long sequence,
                             Consumer<Document> change) {
        if (agencyId == null || caseId == null || effectiveDate == null) {
            return;
        }
        YearMonth month = YearMonth.from(effectiveDate);
        writer.updatePart(MONTHS, monthId(agencyId, month, caseId),
                          new Document("agencyId", agencyId).append("month", month.toString()), caseId, sequence,
                          changed(change));
        announce(new StatisticsChanged(agencyId, month));
    }

    private static UnaryOperator<Document> changed(Consumer<Document> change) {
        return current -> {
            Document part = current == null ? new Document() : current;
            change.accept(part);
            return part;
        };
    }

    /**
     * Once per agency and month per batch, after the batch committed (its facts are then in the store).
     * Redelivered events announce again: harmless, a subscriber only asks again.
     */
    private void announce(StatisticsChanged change) {
        if (emitter == null) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            emit(Set.of(change));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<StatisticsChanged> changes = root.getOrComputeResource(CHANGES_RESOURCE, key -> {
            Set<StatisticsChanged> created = new LinkedHashSet<>();
            root.afterCommit(u -> emit(created));
            return created;
        });
        changes.add(change);
    }

    private void emit(Set<StatisticsChanged> changes) {
        for (StatisticsChanged change : changes) {
            emitter.emit(FindAreaStatisticsQuery.class,
                         query -> query.agencyIds().contains(change.agencyId()), change);
        }
    }
}
