package cn.pes.casework.query.jobseekers;

import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobIntentionsUpdated;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingReviewDeadlineMissed;
import cn.pes.casework.events.jobseeking.JobSeekingStatus;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Job seekers (求职人员, JOB-2, JOB-4) as caseworkers follow them and matching finds them:
 * <ul>
 * <li>{@value #CASES}: {@code {_id: caseId, person, spell, jobSeekingId, status, basics, intentions, agencyId,
 * receivedOn, reviewDueOn, reviewDueOnProvisional, decidedOn, publishedOn, rejectionReason, closeReason,
 * closedOn, reviewDeadlineMissedOn, referrals: [referral], guidance: [session], refusalsWithoutGoodReason,
 * openProposalId, listedForReview, listedInArea, lastSequence}} — the profile (求职档案) by {@code _id}; the
 * registration fields are those of the latest registration.</li>
 * <li>{@value #REVIEWS}: {@code {_id: "agencyId|NN", agencyId, cases: {<caseKey>: part}, seq}} — registrations
 * waiting for the reviewing agency (待审核); the part goes away once published, rejected or closed.</li>
 * <li>{@value #AREAS}: {@code {_id: "areaAgencyId|NN", areaAgencyId, cases: {<caseKey>: part}, seq}} — published,
 * open registrations by the area the person wants to work in, for candidate matching; the part goes away
 * when the registration is rejected or closed and moves when the wanted area changes.</li>
 * </ul>
 * part = {@code {caseId, jobSeekingId, person, agencyId, basics, intentions, receivedOn, reviewDueOn,
 * publishedOn}}; {@code listedForReview}/{@code listedInArea} in the case document say which shared document
 * holds the case's part, so that it can be taken out again. The person is sealed with the case's key as in
 * every read model. A case's documents follow its own event sequence; dates are the events' own.
 */
@Component
@ProcessingGroup(JobSeekersProjection.PROCESSING_GROUP)
public class JobSeekersProjection {

    public static final String PROCESSING_GROUP = "job-seekers";
    public static final String CASES = "job_seekers";
    public static final String REVIEWS = "job_seeking_reviews";
    public static final String AREAS = "job_seeker_areas";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String REFERRALS = "referrals";
    static final String GUIDANCE = "guidance";
    static final String LISTED_FOR_REVIEW = "listedForReview";
    static final String LISTED_IN_AREA = "listedInArea";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public JobSeekersProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    static String bucketOf(String agencyId, String caseId) {
        return Buckets.of(agencyId, caseId, BUCKETS);
    }

    static List<String> bucketIds(String agencyId) {
        return Buckets.all(agencyId, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(CASES, REVIEWS, AREAS);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        Document person = personalData.write(event.caseId(), event.person());
        apply(event.caseId(), sequence, doc -> doc.put("person", person));
    }

    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        Document person = personalData.write(event.caseId(), event.person());
        apply(event.caseId(), sequence, doc -> doc.put("person", person));
    }

    /** The lines keep their place; only the person reads as erased, also in the shared documents. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        Document person = personalData.write(event.caseId(), PersonalData.erased(event.caseId()));
        apply(event.caseId(), sequence, doc -> doc.put("person", person));
    }

    /** A new registration replaces the latest one; a new spell starts counting refusals from nothing. */
    @EventHandler
    void on(JobSeekingRegistered event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, doc -> {
            if (event.jobSeekingId().equals(doc.getString("jobSeekingId"))) {
                return;
            }
            if (doc.get("spell") != null && Docs.intValue(doc, "spell", 0) != event.spell()) {
                doc.put("refusalsWithoutGoodReason", 0);
                doc.remove("openProposalId");
            }
            for (String key : List.of("decidedOn", "publishedOn", "rejectionReason", "closeReason", "closedOn",
                    "reviewDeadlineMissedOn")) {
                doc.remove(key);
            }
            doc.put("spell", event.spell());
            doc.put("jobSeekingId", event.jobSeekingId());
            doc.put("status", JobSeekingStatus.PENDING_REVIEW.name());
            doc.put("basics", basics(event.basics()));
            doc.put("intentions", intentions(event.intentions()));
            doc.put("agencyId", event.agencyId());
            doc.put("receivedOn", Docs.date(event.receivedOn()));
            doc.put("reviewDueOn", Docs.date(event.reviewDueOn()));
            doc.put("reviewDueOnProvisional", event.reviewDueOnProvisional());
        });
    }

    @EventHandler
    void on(JobIntentionsUpdated event, @SequenceNumber long sequence) {
        applyToLatest(event.caseId(), event.jobSeekingId(), sequence,
                doc -> doc.put("intentions", intentions(event.intentions())));
    }

    @EventHandler
    void on(JobSeekingPublished event, @SequenceNumber long sequence) {
        applyToLatest(event.caseId(), event.jobSeekingId(), sequence, doc -> {
            doc.put("status", JobSeekingStatus.PUBLISHED.name());
            doc.put("decidedOn", Docs.date(event.decidedOn()));
            doc.put("publishedOn", Docs.date(event.decidedOn()));
        });
    }

    @EventHandler
    void on(JobSeekingRejected event, @SequenceNumber long sequence) {
        applyToLatest(event.caseId(), event.jobSeekingId(), sequence, doc -> {
            doc.put("status", JobSeekingStatus.REJECTED.name());
            doc.put("decidedOn", Docs.date(event.decidedOn()));
            doc.put("rejectionReason", event.reason());
        });
    }

    /** Still waiting: it stays in the review list, where the query marks it overdue. */
    @EventHandler
    void on(JobSeekingReviewDeadlineMissed event, @SequenceNumber long sequence) {
        applyToLatest(event.caseId(), event.jobSeekingId(), sequence,
                doc -> doc.put("reviewDeadlineMissedOn", Docs.date(event.dueOn())));
    }

    @EventHandler
    void on(JobSeekingClosed event, @SequenceNumber long sequence) {
        applyToLatest(event.caseId(), event.jobSeekingId(), sequence, doc -> {
            doc.put("status", JobSeekingStatus.CLOSED.name());
            doc.put("closeReason", Docs.name(event.reason()));
            doc.put("closedOn", Docs.date(event.closedOn()));
        });
    }

    @EventHandler
    void on(JobReferred event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, doc -> {
            List<Document> referrals = listForUpdate(doc, REFERRALS);
            if (find(referrals, "referralId", event.referralId()) == null) {
                referrals.add(new Document("referralId", event.referralId())
                        .append("jobSeekingId", event.jobSeekingId())
                        .append("vacancy", vacancy(event.vacancy()))
                        .append("fairId", event.fairId())
                        .append("referredOn", Docs.date(event.referredOn())));
            }
        });
    }

    /** The latest outcome counts; the refusal count is the command side's, as the event carries it. */
    @EventHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, doc -> {
            Document referral = find(listForUpdate(doc, REFERRALS), "referralId", event.referralId());
            if (referral != null) {
                referral.put("outcome", Docs.name(event.outcome()));
                referral.put("outcomeOn", Docs.date(event.outcomeOn()));
                referral.put("note", event.note());
                referral.put("startDate", Docs.date(event.startDate()));
            }
            if (event.outcome() == ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON) {
                doc.put("refusalsWithoutGoodReason", event.refusalsWithoutGoodReason());
            }
        });
    }

    @EventHandler
    void on(CareerGuidanceGiven event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, doc -> {
            List<Document> sessions = listForUpdate(doc, GUIDANCE);
            if (find(sessions, "sessionId", event.sessionId()) == null) {
                sessions.add(new Document("sessionId", event.sessionId())
                        .append("topic", Docs.name(event.topic()))
                        .append("notes", event.notes())
                        .append("followUp", event.followUp())
                        .append("heldOn", Docs.date(event.heldOn()))
                        .append("agencyId", event.agencyId()));
            }
        });
    }

    @EventHandler
    void on(CancellationProposed event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, doc -> doc.put("openProposalId", event.proposalId()));
    }

    @EventHandler
    void on(CancellationProposalConfirmed event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, doc -> closeProposal(doc, event.proposalId()));
    }

    /** CAN-1: refusals before a dismissed proposal no longer count towards another one. */
    @EventHandler
    void on(CancellationProposalDismissed event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, doc -> {
            if (closeProposal(doc, event.proposalId())) {
                doc.put("refusalsWithoutGoodReason", 0);
            }
        });
    }

    /**
     * The end of a registration spell settles any open proposal without an event of its own (the
     * case drops it) and the refusals counted in that spell no longer count.
     */
    @EventHandler
    void on(Employed event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, JobSeekersProjection::endOfSpell);
    }

    @EventHandler
    void on(RegistrationCancelled event, @SequenceNumber long sequence) {
        apply(event.caseId(), sequence, JobSeekersProjection::endOfSpell);
    }

    private static void endOfSpell(Document doc) {
        doc.remove("openProposalId");
        doc.put("refusalsWithoutGoodReason", 0);
    }

    private static boolean closeProposal(Document doc, String proposalId) {
        if (proposalId != null && proposalId.equals(doc.getString("openProposalId"))) {
            doc.remove("openProposalId");
            return true;
        }
        return false;
    }

    /** A change to a registration other than the latest (a broken or crossed stream) changes nothing. */
    private void applyToLatest(String caseId, String jobSeekingId, long sequence, Consumer<Document> change) {
        apply(caseId, sequence, doc -> {
            if (jobSeekingId != null && jobSeekingId.equals(doc.getString("jobSeekingId"))) {
                change.accept(doc);
            }
        });
    }

    /**
     * Changes the case document, then puts the case's part where its status wants it: in the reviewing
     * agency's list while pending, in the wanted area while published, nowhere otherwise.
     */
    private void apply(String caseId, long sequence, Consumer<Document> change) {
        String[] listed = new String[4];
        boolean applied = writer.updateDocument(CASES, caseId, sequence, doc -> {
            change.accept(doc);
            listed[0] = doc.getString(LISTED_FOR_REVIEW);
            listed[1] = doc.getString(LISTED_IN_AREA);
            String status = doc.getString("status");
            listed[2] = JobSeekingStatus.PENDING_REVIEW.name().equals(status) ? doc.getString("agencyId") : null;
            listed[3] = JobSeekingStatus.PUBLISHED.name().equals(status) ? area(doc) : null;
            putOrRemove(doc, LISTED_FOR_REVIEW, listed[2]);
            putOrRemove(doc, LISTED_IN_AREA, listed[3]);
        });
        if (!applied) {
            return;
        }
        Document doc = writer.findDocument(CASES, caseId);
        Document part = part(caseId, doc);
        relist(REVIEWS, "agencyId", caseId, sequence, listed[0], listed[2], part);
        relist(AREAS, "areaAgencyId", caseId, sequence, listed[1], listed[3], part);
    }

    private void relist(String collection, String keyField, String caseId, long sequence, String before, String after,
                        Document part) {
        if (before != null && !before.equals(after)) {
            writer.updatePart(collection, bucketOf(before, caseId), new Document(keyField, before), caseId, sequence,
                    current -> null);
        }
        if (after != null) {
            Document copy = copy(part);
            writer.updatePart(collection, bucketOf(after, caseId), new Document(keyField, after), caseId, sequence,
                    current -> copy);
        }
    }

    /** Where the person wants to work; the responsible agency when the intentions name no area. */
    private static String area(Document doc) {
        Document intentions = Docs.subDocument(doc, "intentions");
        String area = intentions == null ? null : intentions.getString("areaAgencyId");
        return area != null && !area.isBlank() ? area : doc.getString("agencyId");
    }

    private static Document part(String caseId, Document doc) {
        Document part = new Document("caseId", caseId);
        for (String key : List.of("jobSeekingId", "person", "agencyId", "basics", "intentions", "receivedOn",
                "reviewDueOn", "publishedOn")) {
            part.put(key, doc.get(key));
        }
        return part;
    }

    static Document basics(BasicInformation basics) {
        return basics == null ? null : new Document("education", Docs.name(basics.education()))
                .append("yearsOfExperience", basics.yearsOfExperience())
                .append("skills", basics.skills());
    }

    static Document intentions(JobIntentions intentions) {
        return intentions == null ? null : new Document("occupations",
                intentions.occupations() == null ? List.of() : intentions.occupations().stream().filter(Objects::nonNull).toList())
                .append("expectedMonthlyWageYuan", intentions.expectedMonthlyWageYuan())
                .append("areaAgencyId", intentions.areaAgencyId())
                .append("forms", Docs.names(intentions.forms()));
    }

    private static Document vacancy(ReferredVacancy vacancy) {
        return vacancy == null ? null : new Document("employerId", vacancy.employerId())
                .append("employerName", vacancy.employerName())
                .append("vacancyId", vacancy.vacancyId())
                .append("occupation", vacancy.occupation())
                .append("wageMin", vacancy.wage() == null ? null : vacancy.wage().minYuan())
                .append("wageMax", vacancy.wage() == null ? null : vacancy.wage().maxYuan())
                .append("areaAgencyId", vacancy.areaAgencyId())
                .append("form", Docs.name(vacancy.form()));
    }

    private static void putOrRemove(Document doc, String key, String value) {
        if (value == null) {
            doc.remove(key);
        } else {
            doc.put(key, value);
        }
    }

    private static List<Document> listForUpdate(Document doc, String key) {
        List<Document> list = doc.getList(key, Document.class);
        if (list == null) {
            list = new ArrayList<>();
            doc.put(key, list);
        }
        return list;
    }

    private static Document find(List<Document> list, String idKey, String id) {
        for (Document item : list) {
            if (Objects.equals(item.getString(idKey), id)) {
                return item;
            }
        }
        return null;
    }

    /** Parts are kept in the batch beside the case document: they must not share its mutable state. */
    private static Document copy(Document document) {
        return Document.parse(document.toJson());
    }
}
