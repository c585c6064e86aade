package cn.pes.casework.command.clientcase;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.Evidence;
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
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.pes.casework.command.clientcase.InputChecks.requireLength;

/**
 * Job seeking (求职登记、推荐就业) inside the person's case: the current job-seeking registration,
 * the referrals by ID, the refusals without good reason that count towards a cancellation proposal
 * and the open proposal, and the career guidance sessions recorded. The checks of the input live here;
 * the case ({@link ClientCase}) decides with its spell and applies the events, whose effect on this
 * state is applied by the {@code on} methods.
 * <p>
 * Everything but guidance is about one unemployment spell: when the spell ends the registration
 * closes, and the refusals and an open proposal are forgotten (the next spell starts afresh).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class JobSeeking {

    static final int MAX_OCCUPATION_LENGTH = 100;
    static final int MAX_OCCUPATIONS = 10;
    static final int MAX_TEXT_LENGTH = 1000;
    static final int MAX_YEARS_OF_EXPERIENCE = 80;

    /** The latest job-seeking registration, with what it was registered with (to recognise a resend). */
    record Registration(String jobSeekingId, int spell, PresentedDocument identityDocument, BasicInformation basics,
                        JobIntentions registeredIntentions, JobIntentions intentions, String agencyId,
                        LocalDate receivedOn, LocalDate reviewDueOn, JobSeekingStatus status,
                        boolean reviewDeadlineMissed) {

        Registration with(JobSeekingStatus next) {
            return new Registration(jobSeekingId, spell, identityDocument, basics, registeredIntentions, intentions,
                    agencyId, receivedOn, reviewDueOn, next, reviewDeadlineMissed);
        }

        boolean open() {
            return status == JobSeekingStatus.PENDING_REVIEW || status == JobSeekingStatus.PUBLISHED;
        }
    }

    /** A referral and its latest outcome; a value, replaced on change. */
    record Referral(String referralId, int spell, ReferredVacancy vacancy, String fairId, LocalDate referredOn,
                    ReferralOutcome outcome, LocalDate outcomeOn) {

        boolean open() {
            return outcome == null || !outcome.isFinal();
        }
    }

    /** A cancellation proposal waiting for an officer (CAN-3). */
    record Proposal(String proposalId, int spell, CancellationGround ground, Evidence evidence,
                    List<String> referralIds, LocalDate proposedOn) {
    }

    private Registration current;
    private Map<String, Referral> referrals = new HashMap<>();
    /** Refusals without good reason in the spell since the last dismissed proposal, oldest first. */
    private List<String> countedRefusals = new ArrayList<>();
    private Proposal openProposal;
    private Set<String> settledProposals = new HashSet<>();
    private Set<String> guidanceSessions = new HashSet<>();

    Registration current() {
        return current;
    }

    /** The registration of the current spell that is pending review or published, or null. */
    Registration open() {
        return current != null && current.open() ? current : null;
    }

    Referral referral(String referralId) {
        return referralId == null ? null : referrals.get(referralId);
    }

    boolean knowsReferral(String referralId) {
        return referralId != null && referrals.containsKey(referralId);
    }

    boolean knowsGuidanceSession(String sessionId) {
        return guidanceSessions.contains(sessionId);
    }

    List<String> countedRefusals() {
        return countedRefusals;
    }

    Proposal openProposal() {
        return openProposal;
    }

    boolean hasOpenReferralTo(String employerId, String vacancyId) {
        return referrals.values().stream().anyMatch(r -> r.open() && r.vacancy().employerId().equals(employerId)
                && r.vacancy().vacancyId().equals(vacancyId));
    }

    // ------------------------------------------------------------ input checks

    /** The registration this command names: an unknown one answers not found. */
    Registration named(String jobSeekingId) {
        if (jobSeekingId == null || current == null || !current.jobSeekingId().equals(jobSeekingId)) {
            throw new CaseRuleViolation(RuleViolation.of("JOB-2", "JOB_SEEKING_NOT_FOUND", "jobSeekingId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        return current;
    }

    /** A resend of the registration already recorded, content and all. */
    boolean isResend(String jobSeekingId, PresentedDocument document, BasicInformation basics, JobIntentions intentions,
                     LocalDate receivedOn) {
        return current != null && current.jobSeekingId().equals(jobSeekingId)
                && current.identityDocument() == document && current.basics().equals(normalised(basics))
                && current.registeredIntentions().equals(normalised(intentions))
                && current.receivedOn().equals(receivedOn);
    }

    boolean usedId(String jobSeekingId) {
        return current != null && current.jobSeekingId().equals(jobSeekingId);
    }

    static void requireBasics(BasicInformation basics) {
        if (basics == null) {
            throw CaseRuleViolation.invalid("JOB-2", "MISSING", "basics");
        }
        if (basics.education() == null) {
            throw CaseRuleViolation.invalid("JOB-2", "MISSING", "basics.education");
        }
        if (basics.yearsOfExperience() < 0 || basics.yearsOfExperience() > MAX_YEARS_OF_EXPERIENCE) {
            throw CaseRuleViolation.invalid("JOB-2", "OUT_OF_RANGE", "basics.yearsOfExperience");
        }
        requireLength(basics.skills(), MAX_TEXT_LENGTH, "basics.skills");
    }

    static void requireIntentions(JobIntentions intentions, AgencyDirectory agencies) {
        if (intentions == null) {
            throw CaseRuleViolation.invalid("JOB-2", "MISSING", "intentions");
        }
        if (intentions.occupations() == null || intentions.occupations().isEmpty()) {
            throw CaseRuleViolation.invalid("JOB-2", "NO_OCCUPATION", "intentions.occupations");
        }
        if (intentions.occupations().size() > MAX_OCCUPATIONS) {
            throw CaseRuleViolation.invalid("INPUT", "TOO_MANY", "intentions.occupations");
        }
        for (int i = 0; i < intentions.occupations().size(); i++) {
            String occupation = intentions.occupations().get(i);
            if (occupation == null || occupation.isBlank()) {
                throw CaseRuleViolation.invalid("JOB-2", "MISSING", "intentions.occupations[" + i + "]");
            }
            requireLength(occupation.strip(), MAX_OCCUPATION_LENGTH, "intentions.occupations[" + i + "]");
        }
        if (intentions.expectedMonthlyWageYuan() < 0) {
            throw CaseRuleViolation.invalid("JOB-2", "NEGATIVE_WAGE", "intentions.expectedMonthlyWageYuan");
        }
        if (intentions.areaAgencyId() == null || !agencies.exists(intentions.areaAgencyId())) {
            throw CaseRuleViolation.invalid("JOB-2", "UNKNOWN_AGENCY", "intentions.areaAgencyId");
        }
        if (intentions.forms() == null || intentions.forms().isEmpty() || intentions.forms().stream().anyMatch(java.util.Objects::isNull)) {
            throw CaseRuleViolation.invalid("JOB-2", "NO_EMPLOYMENT_FORM", "intentions.forms");
        }
    }

    /** Stored stripped, so that a resend with other white space is the same registration. */
    static JobIntentions normalised(JobIntentions intentions) {
        List<String> occupations = intentions.occupations().stream().map(String::strip).toList();
        return new JobIntentions(List.copyOf(new LinkedHashSet<>(occupations)), intentions.expectedMonthlyWageYuan(),
                intentions.areaAgencyId(), Set.copyOf(intentions.forms()));
    }

    static BasicInformation normalised(BasicInformation basics) {
        String skills = basics.skills() == null || basics.skills().isBlank() ? null : basics.skills().strip();
        return new BasicInformation(basics.education(), basics.yearsOfExperience(), skills);
    }


    static void requireText(String value, int max, String ruleId, String code, String field) {
        if (value == null || value.isBlank()) {
            throw CaseRuleViolation.invalid(ruleId, code, field);
        }
        requireLength(value, max, field);
    }

    /** The ID of the proposal a refusal raises: from the referral it completes, so a replay names the same. */
    static String proposalIdFor(String referralId) {
        return "proposal-" + referralId;
    }

    // ------------------------------------------------------------ state changes, from the events

    void on(JobSeekingRegistered event) {
        current = new Registration(event.jobSeekingId(), event.spell(), event.identityDocument(), event.basics(),
                event.intentions(), event.intentions(), event.agencyId(), event.receivedOn(), event.reviewDueOn(),
                JobSeekingStatus.PENDING_REVIEW, false);
    }

    void on(JobIntentionsUpdated event) {
        current = new Registration(current.jobSeekingId(), current.spell(), current.identityDocument(),
                current.basics(), current.registeredIntentions(), event.intentions(), current.agencyId(),
                current.receivedOn(), current.reviewDueOn(), current.status(), current.reviewDeadlineMissed());
    }

    void on(JobSeekingPublished event) {
        current = current.with(JobSeekingStatus.PUBLISHED);
    }

    void on(JobSeekingRejected event) {
        current = current.with(JobSeekingStatus.REJECTED);
    }

    void on(JobSeekingReviewDeadlineMissed event) {
        current = new Registration(current.jobSeekingId(), current.spell(), current.identityDocument(),
                current.basics(), current.registeredIntentions(), current.intentions(), current.agencyId(),
                current.receivedOn(), current.reviewDueOn(), current.status(), true);
    }

    void on(JobSeekingClosed event) {
        if (current != null && current.jobSeekingId().equals(event.jobSeekingId())) {
            current = current.with(JobSeekingStatus.CLOSED);
        }
    }

    void on(JobReferred event) {
        referrals.put(event.referralId(), new Referral(event.referralId(), event.spell(), event.vacancy(),
                event.fairId(), event.referredOn(), null, null));
    }

    void on(ReferralOutcomeRecorded event) {
        Referral referral = referrals.get(event.referralId());
        referrals.put(event.referralId(), new Referral(referral.referralId(), referral.spell(), referral.vacancy(),
                referral.fairId(), referral.referredOn(), event.outcome(), event.outcomeOn()));
        if (event.outcome() == ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON) {
            countedRefusals.add(event.referralId());
        }
    }

    void on(CancellationProposed event) {
        openProposal = new Proposal(event.proposalId(), event.spell(), event.ground(), event.evidence(),
                List.copyOf(event.referralIds()), event.proposedOn());
    }

    void on(CancellationProposalConfirmed event) {
        settledProposals.add(event.proposalId());
        openProposal = null;
    }

    void on(CancellationProposalDismissed event) {
        settledProposals.add(event.proposalId());
        openProposal = null;
        // The officer found the refusals no ground: only later ones count towards another proposal.
        countedRefusals.clear();
    }

    boolean settledProposal(String proposalId) {
        return settledProposals.contains(proposalId);
    }

    void on(CareerGuidanceGiven event) {
        guidanceSessions.add(event.sessionId());
    }

    /**
     * The spell ended (employment or cancellation): what counted towards a proposal in it is over, and
     * an open proposal has nothing left to cancel.
     */
    void spellEnded() {
        countedRefusals.clear();
        if (openProposal != null) {
            settledProposals.add(openProposal.proposalId());
            openProposal = null;
        }
    }
}
