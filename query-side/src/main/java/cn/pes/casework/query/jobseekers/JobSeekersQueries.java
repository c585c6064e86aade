package cn.pes.casework.query.jobseekers;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.FindJobSeekingProfileQuery;
import cn.pes.casework.events.jobseeking.FindPendingJobSeekingReviewsQuery;
import cn.pes.casework.events.jobseeking.GuidanceSessionView;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.jobseeking.JobSeekingStatus;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReview;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReviewsView;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralView;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The job-seeking profile, the review list, and the published job seekers matching reads. Personal
 * data leaves as stored (opened with the person's key); the web layer masks it on the way out.
 */
@Component
public class JobSeekersQueries {

    /** A published, open job-seeking registration as candidate matching reads it; the person is opened on demand. */
    public record PublishedJobSeeker(String caseId, String jobSeekingId, String agencyId, BasicInformation basics,
                                     JobIntentions intentions, LocalDate publishedOn, Document stored) {
    }

    private static final Comparator<PendingJobSeekingReview> EARLIEST_DUE_FIRST =
            Comparator.comparing(PendingJobSeekingReview::reviewDueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(PendingJobSeekingReview::receivedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(PendingJobSeekingReview::caseId);

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public JobSeekersQueries(ReadModelStore store, PersonalDataDocs personalData, AgencyDirectory agencies, Clock clock) {
        this.store = store;
        this.personalData = personalData;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Null when the case never registered as a job seeker (or is not yet known to this read model). */
    @QueryHandler
    public JobSeekingProfileView handle(FindJobSeekingProfileQuery query) {
        if (query.caseId() == null) {
            return null;
        }
        Document doc = store.collection(JobSeekersProjection.CASES).find(Filters.eq("_id", query.caseId())).first();
        if (doc == null || doc.getString("jobSeekingId") == null) {
            return null;
        }
        List<ReferralView> referrals = new ArrayList<>();
        for (Document r : doc.getList(JobSeekersProjection.REFERRALS, Document.class, List.of())) {
            referrals.add(new ReferralView(r.getString("referralId"), vacancy(Docs.subDocument(r, "vacancy")),
                    r.getString("fairId"), Docs.date(r, "referredOn"), Docs.enumValue(r, "outcome", ReferralOutcome.class),
                    Docs.date(r, "outcomeOn"), r.getString("note")));
        }
        referrals.sort(Comparator.comparing(ReferralView::referredOn, Comparator.nullsLast(Comparator.reverseOrder()))
                                 .thenComparing(ReferralView::referralId, Comparator.reverseOrder()));
        List<GuidanceSessionView> guidance = new ArrayList<>();
        for (Document g : doc.getList(JobSeekersProjection.GUIDANCE, Document.class, List.of())) {
            guidance.add(new GuidanceSessionView(g.getString("sessionId"), Docs.enumValue(g, "topic", GuidanceTopic.class),
                    g.getString("notes"), g.getString("followUp"), Docs.date(g, "heldOn"), g.getString("agencyId")));
        }
        guidance.sort(Comparator.comparing(GuidanceSessionView::heldOn, Comparator.nullsLast(Comparator.reverseOrder()))
                                .thenComparing(GuidanceSessionView::sessionId, Comparator.reverseOrder()));
        return new JobSeekingProfileView(query.caseId(), doc.getString("jobSeekingId"),
                Docs.enumValue(doc, "status", JobSeekingStatus.class), basics(Docs.subDocument(doc, "basics")),
                intentions(Docs.subDocument(doc, "intentions")), doc.getString("agencyId"), Docs.date(doc, "receivedOn"),
                Docs.date(doc, "reviewDueOn"), Docs.date(doc, "decidedOn"), referrals, guidance,
                Docs.intValue(doc, "refusalsWithoutGoodReason", 0), doc.getString("openProposalId"));
    }

    /** JOB-2: the agency's and its covered agencies' registrations waiting for review, earliest due first. */
    @QueryHandler
    public PendingJobSeekingReviewsView handle(FindPendingJobSeekingReviewsQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<PendingJobSeekingReview> reviews = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        agencies.coveredBy(query.agencyId()).forEach(agency -> ids.addAll(JobSeekersProjection.bucketIds(agency.id())));
        forEachPart(JobSeekersProjection.REVIEWS, ids, part -> {
            LocalDate dueOn = Docs.date(part, "reviewDueOn");
            reviews.add(new PendingJobSeekingReview(part.getString("caseId"), part.getString("jobSeekingId"),
                    personalData.read(part, "person"), part.getString("agencyId"),
                    intentions(Docs.subDocument(part, "intentions")), Docs.date(part, "receivedOn"), dueOn,
                    dueOn != null && asOf.isAfter(dueOn)));
        });
        reviews.sort(EARLIEST_DUE_FIRST);
        return new PendingJobSeekingReviewsView(query.agencyId(), reviews);
    }

    /** Every published, open registration city-wide, read bucket by bucket through {@code _id}. */
    public List<PublishedJobSeeker> publishedCityWide() {
        List<String> ids = new ArrayList<>();
        for (Agency agency : agencies.all()) {
            ids.addAll(JobSeekersProjection.bucketIds(agency.id()));
        }
        List<PublishedJobSeeker> seekers = new ArrayList<>();
        forEachPart(JobSeekersProjection.AREAS, ids, part -> seekers.add(new PublishedJobSeeker(part.getString("caseId"),
                part.getString("jobSeekingId"), part.getString("agencyId"), basics(Docs.subDocument(part, "basics")),
                intentions(Docs.subDocument(part, "intentions")), Docs.date(part, "publishedOn"), part)));
        return seekers;
    }

    /** The person of a published job seeker: one decryption, so only for the lines that are shown. */
    public PersonalData person(PublishedJobSeeker seeker) {
        return personalData.read(seeker.stored(), "person");
    }

    private void forEachPart(String collection, List<String> ids, Consumer<Document> action) {
        if (ids.isEmpty()) {
            return;
        }
        SharedDocuments.find(store.collection(collection), ids)
             .forEach(doc -> {
                 Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
                 if (parts != null) {
                     parts.values().forEach(value -> action.accept((Document) value));
                 }
             });
    }

    static BasicInformation basics(Document doc) {
        return doc == null ? null : new BasicInformation(Docs.enumValue(doc, "education", EducationLevel.class),
                Docs.intValue(doc, "yearsOfExperience", 0), doc.getString("skills"));
    }

    static JobIntentions intentions(Document doc) {
        return doc == null ? null : new JobIntentions(List.copyOf(doc.getList("occupations", String.class, List.of())),
                Docs.intValue(doc, "expectedMonthlyWageYuan", 0), doc.getString("areaAgencyId"),
                Docs.enumSet(doc, "forms", EmploymentForm.class));
    }

    private static ReferredVacancy vacancy(Document v) {
        if (v == null) {
            return null;
        }
        WageRange wage = v.get("wageMin") == null ? null
                : new WageRange(Docs.intValue(v, "wageMin", 0), Docs.intValue(v, "wageMax", 0));
        return new ReferredVacancy(v.getString("employerId"), v.getString("employerName"), v.getString("vacancyId"),
                v.getString("occupation"), wage, v.getString("areaAgencyId"), Docs.enumValue(v, "form", EmploymentForm.class));
    }
}
