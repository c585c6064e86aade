package cn.pes.casework.query.fairs;

import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairEmployerEnrolled;
import cn.pes.casework.events.fair.FairInvitationSent;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.RecruitmentFairClosed;
import cn.pes.casework.events.fair.RecruitmentFairPlanned;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Recruitment fairs (招聘会, JOB-5) with their employers, people and results:
 * <ul>
 * <li>{@value #FAIRS}: {@code {_id: fairId, cases: {<fairKey>: fair, <caseKey>: referrals}, seq: {..}}} —
 * one document per fair. The fair's own part holds what the fair aggregate recorded:
 * {@code {title, format, heldOn, place, organiserAgencyId, closed, closedOn, closedCounts: {employers,
 * vacancies, invited, attended}, employers: [{employerId, employerName, vacancies: [{vacancyId, occupation,
 * headcount}]}], participants: [{caseId, invitedOn, attendedOn}]}}. Referrals made at the fair are
 * recorded on the cases, so each case has its own part {@code {referrals: [referralId], hires:
 * [referralId]}}, guarded by the case's sequence.</li>
 * <li>{@value #INDEX}: {@code {_id: "organiserAgencyId|yyyy-MM" or "organiserAgencyId|all",
 * cases: {<fairKey>: {fairId, heldOn}}}} — the fairs an agency organises in a month and in every month, so that
 * the list reads documents by {@code _id} only.</li>
 * <li>{@value #PEOPLE}: {@code {_id: caseId, person, lastSequence}} — a participant's person is known only
 * through the case's own events; stored sealed with the case's key, erased with it.</li>
 * </ul>
 * The fair document holds no personal data: participants are case IDs, joined with {@value #PEOPLE}
 * when read.
 */
@Component
@ProcessingGroup(RecruitmentFairsProjection.PROCESSING_GROUP)
public class RecruitmentFairsProjection {

    public static final String PROCESSING_GROUP = "recruitment-fairs";
    public static final String FAIRS = "recruitment_fairs";
    public static final String INDEX = "recruitment_fair_index";
    public static final String PEOPLE = "recruitment_fair_people";

    static final String ALL_MONTHS = "all";
    static final String EMPLOYERS = "employers";
    static final String PARTICIPANTS = "participants";
    static final String VACANCIES = "vacancies";
    static final String CLOSED_COUNTS = "closedCounts";
    static final String REFERRALS = "referrals";
    static final String HIRES = "hires";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public RecruitmentFairsProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    static String indexId(String agencyId, YearMonth month) {
        return agencyId + "|" + (month == null ? ALL_MONTHS : month.toString());
    }

    @ResetHandler
    void reset() {
        writer.drop(FAIRS, INDEX, PEOPLE);
    }

    @EventHandler
    void on(RecruitmentFairPlanned event, @SequenceNumber long sequence) {
        String fairId = event.fairId();
        changeFair(fairId, sequence, fair -> {
            fair.put("title", event.title());
            fair.put("format", Docs.name(event.format()));
            fair.put("heldOn", Docs.date(event.heldOn()));
            fair.put("place", event.place());
            fair.put("organiserAgencyId", event.organiserAgencyId());
        });
        if (event.organiserAgencyId() == null || event.heldOn() == null) {
            return;
        }
        // The fair ID is kept in the entry as well: part keys are encoded, and callers choose fair IDs.
        Document entry = new Document("fairId", fairId).append("heldOn", Docs.date(event.heldOn()));
        for (YearMonth month : new YearMonth[]{YearMonth.from(event.heldOn()), null}) {
            String agencyId = event.organiserAgencyId();
            writer.updatePart(INDEX, indexId(agencyId, month),
                              new Document("agencyId", agencyId).append("month", month == null ? ALL_MONTHS : month.toString()),
                              fairId, sequence, part -> Document.parse(entry.toJson()));
        }
    }

    /** Enrolling again replaces the employer's vacancies; the employer keeps its place in the list. */
    @EventHandler
    void on(FairEmployerEnrolled event, @SequenceNumber long sequence) {
        List<Document> vacancies = new ArrayList<>();
        if (event.vacancies() != null) {
            for (FairVacancy vacancy : event.vacancies()) {
                vacancies.add(new Document("vacancyId", vacancy.vacancyId()).append("occupation", vacancy.occupation())
                                                                          .append("headcount", vacancy.headcount()));
            }
        }
        changeFair(event.fairId(), sequence, fair -> {
            List<Document> employers = list(fair, EMPLOYERS);
            Document employer = find(employers, "employerId", event.employerId());
            if (employer == null) {
                employer = new Document("employerId", event.employerId());
                employers.add(employer);
            }
            employer.put("employerName", event.employerName());
            employer.put(VACANCIES, vacancies);
        });
    }

    @EventHandler
    void on(FairInvitationSent event, @SequenceNumber long sequence) {
        changeFair(event.fairId(), sequence, fair -> {
            Document participant = participant(fair, event.caseId());
            if (participant.getString("invitedOn") == null) {
                participant.put("invitedOn", Docs.date(event.invitedOn()));
            }
        });
    }

    @EventHandler
    void on(FairAttended event, @SequenceNumber long sequence) {
        changeFair(event.fairId(), sequence, fair -> {
            Document participant = participant(fair, event.caseId());
            if (participant.getString("attendedOn") == null) {
                participant.put("attendedOn", Docs.date(event.attendedOn()));
            }
        });
    }

    /** The counts the fair recorded when it closed are the ones reported from then on. */
    @EventHandler
    void on(RecruitmentFairClosed event, @SequenceNumber long sequence) {
        changeFair(event.fairId(), sequence, fair -> {
            fair.put("closed", true);
            fair.put("closedOn", Docs.date(event.closedOn()));
            fair.put(CLOSED_COUNTS, new Document("employers", event.employers()).append("vacancies", event.vacancies())
                                                                                .append("invited", event.invited())
                                                                                .append("attended", event.attended()));
        });
    }

    /** Only referrals made at a fair; the case's part of that fair's document. */
    @EventHandler
    void on(JobReferred event, @SequenceNumber long sequence) {
        if (event.fairId() == null || event.referralId() == null) {
            return;
        }
        changeReferrals(event.fairId(), event.caseId(), sequence, part -> addSorted(part, REFERRALS, event.referralId()));
    }

    /** A hire is final; any other outcome leaves (or takes) the referral out of the hires. */
    @EventHandler
    void on(ReferralOutcomeRecorded event, @SequenceNumber long sequence) {
        if (event.fairId() == null || event.referralId() == null) {
            return;
        }
        changeReferrals(event.fairId(), event.caseId(), sequence, part -> {
            if (event.outcome() == ReferralOutcome.HIRED) {
                addSorted(part, HIRES, event.referralId());
            } else {
                List<String> hires = new ArrayList<>(part.getList(HIRES, String.class, List.of()));
                hires.remove(event.referralId());
                part.put(HIRES, hires);
            }
        });
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        person(event.caseId(), sequence, event.person());
    }

    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        person(event.caseId(), sequence, event.person());
    }

    /** The participant stays on the fair's list and in its counts; the person reads as erased. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        person(event.caseId(), sequence, PersonalData.erased(event.caseId()));
    }

    private void person(String caseId, long sequence, PersonalData person) {
        Document stored = personalData.write(caseId, person);
        writer.updateDocument(PEOPLE, caseId, sequence, doc -> doc.put("person", stored));
    }

    /** The change may run at the end of the batch: it uses only the part and the event's values. */
    private void changeFair(String fairId, long sequence, Consumer<Document> change) {
        if (fairId == null) {
            return;
        }
        writer.updatePart(FAIRS, fairId, null, fairId, sequence, current -> {
            Document fair = current == null ? new Document() : current;
            change.accept(fair);
            return fair;
        });
    }

    private void changeReferrals(String fairId, String caseId, long sequence, Consumer<Document> change) {
        writer.updatePart(FAIRS, fairId, null, caseId, sequence, current -> {
            Document part = current == null ? new Document() : current;
            change.accept(part);
            return part;
        });
    }

    private static Document participant(Document fair, String caseId) {
        List<Document> participants = list(fair, PARTICIPANTS);
        Document participant = find(participants, "caseId", caseId);
        if (participant == null) {
            participant = new Document("caseId", caseId);
            participants.add(participant);
        }
        return participant;
    }

    /** A set kept sorted, so that the same history always gives the same document. */
    private static void addSorted(Document part, String key, String id) {
        List<String> ids = new ArrayList<>(part.getList(key, String.class, List.of()));
        if (!ids.contains(id)) {
            ids.add(id);
            ids.sort(null);
        }
        part.put(key, ids);
    }

    private static List<Document> list(Document doc, String key) {
        List<Document> list = doc.getList(key, Document.class);
        if (list == null) {
            list = new ArrayList<>();
            doc.put(key, list);
        }
        return list;
    }

    private static Document find(List<Document> documents, String key, String value) {
        for (Document document : documents) {
            if (value != null && value.equals(document.getString(key))) {
                return document;
            }
        }
        return null;
    }
}
