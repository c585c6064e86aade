package cn.pes.casework.query.jobfigures;

import cn.pes.casework.events.employer.RecruitmentGuidanceGiven;
import cn.pes.casework.events.fair.RecruitmentFairClosed;
import cn.pes.casework.events.fair.RecruitmentFairPlanned;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Job introduction figures per agency and month (职业介绍月度统计, JOB-1, JOB-2, JOB-4..JOB-6), by the day
 * each thing happened:
 * <ul>
 * <li>{@value #FIGURES}: {@code {_id: "agencyId|yyyy-MM|NN", agencyId, month, cases: {<key>: part},
 * seq: {<key>: n}}}; the key is the aggregate that recorded it (a case, a fair, an employer) and part =
 * {@code {reviewed: [jobSeekingId], onTime: [jobSeekingId], referrals: [referralId], fairReferrals:
 * [referralId], hires: [referralId], guidance: [sessionId], fairs: [fairId], attended: n}}. Sets of IDs,
 * never increments, so a redelivered event changes nothing.</li>
 * <li>{@value #CASES}: {@code {_id: caseId, jobSeekings: {<jobSeekingId>: agencyId}, lastSequence}} — the
 * reviewing agency, which only the registration names.</li>
 * <li>{@value #FAIRS}: {@code {_id: fairId, organiserAgencyId, heldOn, lastSequence}} — where and when a
 * fair counts, which only its planning names.</li>
 * </ul>
 * Months: a review by {@code decidedOn}, a referral by {@code referredOn}, a hire by {@code outcomeOn},
 * guidance by {@code heldOn}, a fair by the day it was held, counted once it is closed (with the
 * attendance it closed with). Referrals, hires and people's guidance count at the agency responsible
 * for the case, fairs at their organiser, employer guidance at the agency that held it.
 * <p>
 * No personal data: IDs, agencies, months and counts only, so erasure changes nothing here.
 */
@Component
@ProcessingGroup(JobFiguresProjection.PROCESSING_GROUP)
public class JobFiguresProjection {

    public static final String PROCESSING_GROUP = "job-figures";
    public static final String FIGURES = "job_figures";
    public static final String CASES = "job_figure_cases";
    public static final String FAIRS = "job_figure_fairs";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String REVIEWED = "reviewed";
    static final String ON_TIME = "onTime";
    static final String REFERRALS = "referrals";
    static final String FAIR_REFERRALS = "fairReferrals";
    static final String HIRES = "hires";
    static final String GUIDANCE = "guidance";
    static final String HELD_FAIRS = "fairs";
    static final String ATTENDED = "attended";

    private final ProjectionWriter writer;

    public JobFiguresProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    static String figuresId(String agencyId, YearMonth month, String aggregateId) {
        return Buckets.of(agencyId + "|" + month, aggregateId, BUCKETS);
    }

    /** Every document of an agency's month, for reading it by {@code _id}. */
    static List<String> figuresIds(String agencyId, YearMonth month) {
        return Buckets.all(agencyId + "|" + month, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(FIGURES, CASES, FAIRS);
    }

    @EventHandler
    void on(JobSeekingRegistered event, @SequenceNumber long sequence) {
        if (event.jobSeekingId() == null || event.agencyId() == null) {
            return;
        }
        writer.updateDocument(CASES, event.caseId(), sequence,
                              doc -> Docs.subDocumentForUpdate(doc, "jobSeekings").put(event.jobSeekingId(), event.agencyId()));
    }

    @EventHandler
    void on(JobSeekingPublished event, @SequenceNumber long sequence) {
        reviewed(event.caseId(), event.jobSeekingId(), event.decidedOn(), event.late(), sequence);
    }

    @EventHandler
    void on(JobSeekingRejected event, @SequenceNumber long sequence) {
        reviewed(event.caseId(), event.jobSeekingId(), event.decidedOn(), event.late(), sequence);
    }

    private void reviewed(String caseId, String jobSeekingId, LocalDate decidedOn, boolean late, long sequence) {
        Document agencies = Docs.subDocument(writer.findDocument(CASES, caseId), "jobSeekings");
        String agencyId = agencies == null || jobSeekingId == null ? null : agencies.getString(jobSeekingId);
        count(agencyId, decidedOn, caseId, sequence, part -> {
            withId(part, REVIEWED, jobSeekingId);
            if (!late) {
                withId(part, ON_TIME, jobSeekingId);
            }
        });
    }

    @EventHandler
    void on(JobReferred event, @SequenceNumber long sequence) {
        count(event.agencyId(), event.referredOn(), event.caseId(), sequence, part -> {
            withId(part, REFERRALS, event.referralId());
            if (event.fairId() != null) {
                withId(part, FAIR_REFERRALS, event.referralId());
            }
        });
    }

    /** Only hires count; an outcome is final once recorded, so a hire is never taken back. */
    @EventHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence) {
        if (event.outcome() != ReferralOutcome.HIRED) {
            return;
        }
        count(event.agencyId(), event.outcomeOn(), event.caseId(), sequence,
              part -> withId(part, HIRES, event.referralId()));
    }

    @EventHandler
    void on(CareerGuidanceGiven event, @SequenceNumber long sequence) {
        count(event.agencyId(), event.heldOn(), event.caseId(), sequence, part -> withId(part, GUIDANCE, event.sessionId()));
    }

    @EventHandler
    void on(RecruitmentGuidanceGiven event, @SequenceNumber long sequence) {
        count(event.agencyId(), event.heldOn(), event.employerId(), sequence,
              part -> withId(part, GUIDANCE, event.sessionId()));
    }

    @EventHandler
    void on(RecruitmentFairPlanned event, @SequenceNumber long sequence) {
        writer.updateDocument(FAIRS, event.fairId(), sequence, doc -> {
            doc.put("organiserAgencyId", event.organiserAgencyId());
            doc.put("heldOn", Docs.date(event.heldOn()));
        });
    }

    @EventHandler
    void on(RecruitmentFairClosed event, @SequenceNumber long sequence) {
        Document fair = writer.findDocument(FAIRS, event.fairId());
        count(fair == null ? null : fair.getString("organiserAgencyId"), Docs.date(fair, "heldOn"), event.fairId(),
              sequence, part -> {
                  withId(part, HELD_FAIRS, event.fairId());
                  part.put(ATTENDED, event.attended());
              });
    }

    /**
     * Without an agency or a date there is no document to count in. The command side refuses both
     * missing, so this only guards against a broken stream; the recording date instead would count
     * the thing in a month it did not happen in.
     */
    private void count(String agencyId, LocalDate effectiveDate, String aggregateId, long sequence,
                       Consumer<Document> change) {
        if (agencyId == null || effectiveDate == null || aggregateId == null) {
            return;
        }
        YearMonth month = YearMonth.from(effectiveDate);
        Document onInsert = new Document("agencyId", agencyId).append("month", month.toString());
        UnaryOperator<Document> partChange = current -> {
            Document part = current == null ? new Document() : current;
            change.accept(part);
            return part;
        };
        writer.updatePart(FIGURES, figuresId(agencyId, month, aggregateId), onInsert, aggregateId, sequence, partChange);
    }

    /** A set kept sorted, so that the same history always gives the same document. */
    private static void withId(Document part, String key, String id) {
        if (id == null) {
            return;
        }
        List<String> ids = new ArrayList<>(part.getList(key, String.class, List.of()));
        if (!ids.contains(id)) {
            ids.add(id);
            ids.sort(null);
        }
        part.put(key, ids);
    }
}
