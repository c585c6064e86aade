package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.calendar.DueDate;
import cn.pes.casework.command.calendar.WorkingDayCalendar;
import cn.pes.casework.command.policy.SubsidyPolicy;
import cn.pes.casework.command.policy.SubsidyPolicyBook;
import cn.pes.casework.command.identity.ResidentIdNumber;
import cn.pes.casework.command.entrepreneurship.TrainingInstitutions;
import cn.pes.casework.command.policy.LoanPolicyBook;
import cn.pes.casework.command.policy.TrackingPolicyBook;
import cn.pes.casework.events.comparison.ConfirmStatusChangeProposalCommand;
import cn.pes.casework.events.comparison.DismissStatusChangeProposalCommand;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchExternalRecordCommand;
import cn.pes.casework.events.comparison.MatchOutcome;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ApproveGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.CompleteEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.DeclineGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.EnrolInEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanDisbursementCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanRepaymentCommand;
import cn.pes.casework.events.entrepreneurship.RecordTrainingDropOutCommand;
import cn.pes.casework.events.entrepreneurship.ReportLoanOverdueCommand;
import cn.pes.casework.command.policy.RegistrationPolicy;
import cn.pes.casework.command.policy.RetentionPolicy;
import cn.pes.casework.command.policy.RetentionPolicyBook;
import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.erasure.ErasePersonalDataCommand;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.ApproveRegistrationCommand;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.UpdatePersonalDetailsCommand;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationOutcome;
import cn.pes.casework.events.registration.RegistrationRefused;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.RejectRegistrationCommand;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateRefused;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.RaiseSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.RecordSubsidyPaymentCommand;
import cn.pes.casework.events.subsidy.RejectSubsidyCommand;
import cn.pes.casework.events.subsidy.ResolveSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;
import cn.pes.casework.events.subsidy.SubsidyApproved;
import cn.pes.casework.events.subsidy.SubsidyObjectionDismissed;
import cn.pes.casework.events.subsidy.SubsidyObjectionRaised;
import cn.pes.casework.events.subsidy.SubsidyObjectionUpheld;
import cn.pes.casework.events.subsidy.SubsidyPaid;
import cn.pes.casework.events.subsidy.SubsidyPaymentDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyPublicityEnded;
import cn.pes.casework.events.subsidy.SubsidyRejected;
import cn.pes.casework.events.subsidy.SubsidyReviewDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyReviewStarted;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.command.policy.JobServicePolicy;
import cn.pes.casework.command.policy.JobServicePolicyBook;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.ConfirmCancellationProposalCommand;
import cn.pes.casework.events.cancellation.DismissCancellationProposalCommand;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobIntentionsUpdated;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingReviewDeadlineMissed;
import cn.pes.casework.events.jobseeking.JobSeekingStatus;
import cn.pes.casework.events.jobseeking.PublishJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RecordCareerGuidanceCommand;
import cn.pes.casework.events.jobseeking.RecordReferralOutcomeCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.jobseeking.RegisterJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RejectJobSeekingCommand;
import cn.pes.casework.events.jobseeking.UpdateJobIntentionsCommand;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.pes.casework.command.clientcase.InputChecks.requireLength;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's case (个人档案): one per person, for life. Each unemployment registration is a spell
 * inside it; a person registers again after employment or cancellation as a new spell.
 * <p>
 * Registration goes through {@link RegistrationCommandHandler} because finding the person's case
 * by ID number is a set-based check that one aggregate cannot make; the decisions themselves are
 * made here.
 * <p>
 * Personal data is held bound to the case as its data subject, so that every stored copy (events,
 * snapshots) is sealed with the person's key. Erasure (PRIV-1, PRIV-2) destroys that key; from then
 * on the case holds {@link PersonalData#erased(String)} and takes no personal data again.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@Revision("6") // of the snapshot shape: a snapshot of another revision is ignored and the case rebuilt from its events
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ClientCase {

    enum SpellState { NONE, PENDING, ACTIVE }

    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_TEXT_LENGTH = 1000;

    @AggregateIdentifier
    private String caseId;
    private int spell;
    private SpellState state = SpellState.NONE;
    /** The agency of the current or last spell; before any, the agency that opened the case. */
    private String responsibleAgencyId;
    private LocalDate appliedOn;
    private LocalDate decisionDueOn;
    private LocalDate registeredOn;
    private Set<String> contactIds = new HashSet<>();
    /** Held only to notice a change of name or phone; the ID number is the case's key in the person index. */
    private PersonalData person;
    /**
     * The latest effective date the case records (opening, refusal, application, registration,
     * decision, contact, employment start, cancellation): the retention period of PRIV-2 runs from it.
     * With no active or pending spell (PRIV-1) it is in practice the end of the last spell, or the
     * day of the last refusal, or for a person who never registered the day the case was opened.
     */
    private LocalDate retentionStartsOn;
    private boolean personalDataErased;
    // What an approval needs to start the spell the application asked for.
    private Channel pendingChannel;
    private UnemploymentReason pendingReason;
    private Set<PersonCategory> pendingCategories;
    private String pendingPolicyVersion;
    /** Skills subsidy applications by ID; events reach the one their {@code applicationId} names. */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<String, SubsidyApplication> subsidies = new HashMap<>();
    /** Refused certificates by application ID, so that a resent submission is answered the same. */
    private Map<String, List<RefusalReason>> refusedSubsidies = new HashMap<>();
    /** The application holding the person's one SUB-6 living allowance, or null. */
    private String allowanceApplicationId;
    /** Job seeking, referrals, cancellation proposals and career guidance (JOB-1, JOB-2, JOB-4, JOB-6, CAN-1, CAN-3). */
    private JobSeeking jobSeeking = new JobSeeking();
    /** Entrepreneurship training and guarantee loans (ENT-1..ENT-5). */
    private Entrepreneurship entrepreneurship = new Entrepreneurship();
    /** Proposals of information comparison and lost contact, and the last contact they count from (CAN-1..CAN-3). */
    private StatusChangeProposals proposals = new StatusChangeProposals();

    /** For Axon and for snapshots. */
    protected ClientCase() {
    }

    /** Opens the case of a person who has none yet. */
    ClientCase(String caseId, RegisterUnemploymentCommand command, ResidentIdNumber idNumber) {
        PersonalData person = new PersonalData(idNumber.value(), command.person().name().strip(),
                command.person().phone() == null || command.person().phone().isBlank()
                        ? null : command.person().phone().strip(), caseId);
        apply(new CaseOpened(caseId, person, idNumber.birthDate(), idNumber.sex(), command.agencyId()));
    }

    /**
     * Decides a registration (REG-1..REG-7). A refusal for failed eligibility conditions is recorded
     * and answered, not thrown: the agency must be able to account for it.
     */
    RegistrationOutcome register(RegisterUnemploymentCommand command, List<RefusalReason> failedConditions,
                                 RegistrationPolicy policy, DueDate onlineDecisionDue, TrackingPolicyBook tracking,
                                 DeadlineManager deadlines) {
        if (state == SpellState.ACTIVE) {
            throw CaseRuleViolation.conflict("REG-6", "ALREADY_REGISTERED", "person.idNumber");
        }
        if (state == SpellState.PENDING) {
            throw CaseRuleViolation.conflict("REG-5", "APPLICATION_PENDING", "person.idNumber");
        }
        requireNotErased();
        // At a new registration a missing phone means "not given", not "removed".
        String phone = command.person().phone() == null || command.person().phone().isBlank()
                ? person.phone() : command.person().phone();
        updatePersonalDetails(command.person().name(), phone);
        if (!failedConditions.isEmpty()) {
            apply(new RegistrationRefused(caseId, command.applicationDate(), command.channel(), command.agencyId(),
                    failedConditions, policy.version()));
            return new RegistrationOutcome(caseId, 0, RegistrationOutcome.Status.REFUSED, null, failedConditions);
        }
        int next = spell + 1;
        Set<PersonCategory> categories = command.categories() == null ? Set.of() : Set.copyOf(command.categories());
        if (command.channel() == Channel.WINDOW) {
            apply(new UnemploymentRegistered(caseId, next, command.applicationDate(), command.channel(),
                    command.presentedDocument(), command.reason(), categories, command.agencyId(), policy.version()));
            armLostContactClock(tracking, deadlines);
            return new RegistrationOutcome(caseId, next, RegistrationOutcome.Status.ACTIVE, null, List.of());
        }
        apply(new RegistrationApplied(caseId, next, command.applicationDate(), command.channel(), command.reason(),
                categories, command.agencyId(), onlineDecisionDue.date(), onlineDecisionDue.provisional(),
                policy.version()));
        return new RegistrationOutcome(caseId, next, RegistrationOutcome.Status.PENDING, onlineDecisionDue.date(),
                List.of());
    }

    /**
     * A command on an existing case is accepted only from an agency that covers the case's agency
     * (itself, its county, the city). Outside that scope the case answers as if it did not exist,
     * so that nobody learns about other agencies' cases by probing. Commands without an acting
     * agency come from the platform itself.
     */
    @CommandHandlerInterceptor
    Object requireCaseInScope(CommandMessage<?> command, InterceptorChain chain, AgencyDirectory agencies)
            throws Exception {
        Object actingAgency = command.getMetaData().get(CaseMetadata.AGENCY);
        if (actingAgency != null && !inScope(command.getPayload(), actingAgency.toString(), agencies)) {
            throw CaseRuleViolation.notFound();
        }
        return chain.proceed();
    }

    /**
     * Skills subsidies widen the scope on purpose: a person applies to the department of their
     * household-registration, insured or employment place (SUB-2), which need not be the agency
     * responsible for their case. So a certificate may be recorded by the case's agencies or by the
     * department applied to, and everything after it (review, decision, objections, payment) is the
     * department's alone — its officers, or those of an agency above it, act on it whoever's case it is.
     */
    private boolean inScope(Object payload, String actingAgency, AgencyDirectory agencies) {
        if (payload instanceof SubmitCertificateCommand submit) {
            return agencies.covers(actingAgency, responsibleAgencyId)
                    || (submit.departmentId() != null && agencies.covers(actingAgency, submit.departmentId()));
        }
        String applicationId = subsidyApplicationId(payload);
        if (applicationId != null) {
            SubsidyApplication application = subsidies.get(applicationId);
            return application == null
                    ? agencies.covers(actingAgency, responsibleAgencyId)
                    : agencies.covers(actingAgency, application.departmentId());
        }
        return agencies.covers(actingAgency, responsibleAgencyId);
    }

    private static String subsidyApplicationId(Object payload) {
        if (payload instanceof BeginSubsidyReviewCommand c) {
            return c.applicationId();
        } else if (payload instanceof ApproveSubsidyCommand c) {
            return c.applicationId();
        } else if (payload instanceof RejectSubsidyCommand c) {
            return c.applicationId();
        } else if (payload instanceof RaiseSubsidyObjectionCommand c) {
            return c.applicationId();
        } else if (payload instanceof ResolveSubsidyObjectionCommand c) {
            return c.applicationId();
        } else if (payload instanceof RecordSubsidyPaymentCommand c) {
            return c.applicationId();
        }
        return null;
    }

    @CommandHandler
    public void handle(UpdatePersonalDetailsCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "name");
        }
        requireNotErased();
        updatePersonalDetails(command.name(), command.phone());
    }

    /**
     * Erases the person's personal data (个人信息删除) once the case is at rest and the retention
     * period is over:
     * <ul>
     *   <li>PRIV-1: no active registration and no pending application, and not erased already;</li>
     *   <li>PRIV-2: at least the retention policy's years have passed since {@link #retentionStartsOn}.</li>
     * </ul>
     * The key, the person index row, the snapshots and the access log entry change in the
     * transaction that appends the event ({@link PersonalDataShredder}).
     */
    @CommandHandler
    public void handle(ErasePersonalDataCommand command, MetaData metaData, RetentionPolicyBook retention,
                       PersonalDataShredder shredder) {
        if (erased()) {
            throw CaseRuleViolation.conflict("PRIV-1", "ALREADY_ERASED", null);
        }
        if (state == SpellState.ACTIVE) {
            throw CaseRuleViolation.conflict("PRIV-1", "REGISTRATION_ACTIVE", null);
        }
        if (state == SpellState.PENDING) {
            throw CaseRuleViolation.conflict("PRIV-1", "APPLICATION_PENDING", null);
        }
        if (subsidies.values().stream().anyMatch(SubsidyApplication::open)) {
            throw CaseRuleViolation.conflict("PRIV-1", "SUBSIDY_APPLICATION_OPEN", null);
        }
        if (entrepreneurship.hasOpenLoan()) {
            throw CaseRuleViolation.conflict("PRIV-1", "GUARANTEE_LOAN_OPEN", null);
        }
        if (command.requestedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "requestedOn");
        }
        if (isBlank(command.reason())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "reason");
        }
        requireLength(command.reason(), MAX_NAME_LENGTH, "reason");
        RetentionPolicy policy = retention.inForceOn(command.requestedOn());
        // No recorded date means no known start: the period cannot have run out.
        if (retentionStartsOn == null || command.requestedOn().isBefore(retentionStartsOn.plusYears(policy.years()))) {
            throw CaseRuleViolation.conflict("PRIV-2", "RETENTION_PERIOD_NOT_OVER", null);
        }
        apply(new PersonalDataErased(caseId, command.requestedOn(), policy.version()));
        Object correlationId = metaData.get(CaseMetadata.CORRELATION_ID);
        shredder.shred(caseId, text(metaData.get(CaseMetadata.OFFICER)), text(metaData.get(CaseMetadata.AGENCY)),
                text(correlationId), command.reason().strip(), policy.version());
    }

    private boolean erased() {
        return personalDataErased || (person != null && person.erased());
    }

    private void requireNotErased() {
        if (erased()) {
            throw CaseRuleViolation.conflict("PRIV-1", "PERSONAL_DATA_ERASED", null);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Records a new name or phone; the same values again record nothing. */
    private void updatePersonalDetails(String name, String phone) {
        PersonalData updated = new PersonalData(person.idNumber(), name.strip(),
                phone == null || phone.isBlank() ? null : phone.strip(), caseId);
        if (!updated.equals(person)) {
            apply(new PersonalDetailsUpdated(caseId, updated));
        }
    }

    @CommandHandler
    public void handle(ApproveRegistrationCommand command, TrackingPolicyBook tracking, DeadlineManager deadlines) {
        requirePending();
        requireDecisionDate(command.decidedOn());
        apply(new RegistrationApproved(caseId, spell, command.decidedOn(), command.decidedOn().isAfter(decisionDueOn)));
        apply(new UnemploymentRegistered(caseId, spell, command.decidedOn(), pendingChannel, null, pendingReason,
                pendingCategories, responsibleAgencyId, pendingPolicyVersion));
        armLostContactClock(tracking, deadlines);
    }

    @CommandHandler
    public void handle(RejectRegistrationCommand command) {
        requirePending();
        requireDecisionDate(command.decidedOn());
        if (command.reason() == null || command.reason().isBlank()) {
            throw CaseRuleViolation.invalid("REG-5", "REJECTION_REASON_MISSING", "reason");
        }
        apply(new RegistrationRejected(caseId, spell, command.decidedOn(), command.reason().strip(),
                command.decidedOn().isAfter(decisionDueOn)));
    }

    /** Records a monthly tracking contact (TRK-1..TRK-3); a contact that finds work ends the spell. */
    @CommandHandler
    public void handle(RecordTrackingContactCommand command) {
        if (contactIds.contains(command.contactId())) {
            return; // the same contact sent again: recorded once
        }
        if (state != SpellState.ACTIVE) {
            throw CaseRuleViolation.conflict("TRK-1", "NO_ACTIVE_REGISTRATION", null);
        }
        requireWithinSpell(command.contactDate(), command.recordedOn(), "TRK-1", "contactDate");
        if (command.method() == ContactMethod.INFORMATION_COMPARISON && isBlank(command.dataMatchSource())) {
            throw CaseRuleViolation.invalid("TRK-3", "DATA_MATCH_SOURCE_MISSING", "dataMatchSource");
        }
        if (command.reached() && command.statusFound() == null) {
            throw CaseRuleViolation.invalid("TRK-3", "STATUS_FOUND_MISSING", "statusFound");
        }
        if (!command.reached() && command.statusFound() != null && command.statusFound().isInWork()) {
            throw CaseRuleViolation.invalid("TRK-3", "STATUS_WITHOUT_CONTACT", "statusFound");
        }
        boolean foundWork = command.statusFound() != null && command.statusFound().isInWork();
        if (foundWork) {
            requireEmployment(command.employment(), command.recordedOn(), "employment");
        }
        // A proposal is what an officer later confirms a cancellation on (CAN-3): it needs what it rests on.
        if (command.proposedGround() != null
                && (command.proposalEvidence() == null || command.proposalEvidence().source() == null)) {
            throw CaseRuleViolation.invalid("CAN-2", "EVIDENCE_MISSING", "proposalEvidence");
        }
        requireEvidenceText(command.proposalEvidence(), "proposalEvidence");
        apply(new TrackingContactRecorded(caseId, spell, command.contactId(), command.contactDate(), command.method(),
                command.dataMatchSource(), command.reached(), command.statusFound(),
                command.servicesGiven() == null ? Set.of() : Set.copyOf(command.servicesGiven()),
                command.nextStep(), command.proposedGround(), command.proposalEvidence(), responsibleAgencyId));
        if (foundWork) {
            apply(new Employed(caseId, spell, command.employment(), null, command.contactId(), responsibleAgencyId));
            closeJobSeeking(JobSeekingCloseReason.EMPLOYED, command.employment().startDate());
        }
    }

    @CommandHandler
    public void handle(RecordEmploymentCommand command) {
        if (state != SpellState.ACTIVE) {
            throw CaseRuleViolation.conflict("CAN-1", "NO_ACTIVE_REGISTRATION", null);
        }
        requireEmployment(command.employment(), command.recordedOn(), "employment");
        if (command.evidence() == null || command.evidence().source() == null) {
            throw CaseRuleViolation.invalid("CAN-2", "EVIDENCE_MISSING", "evidence");
        }
        requireEvidenceText(command.evidence(), "evidence");
        apply(new Employed(caseId, spell, command.employment(), command.evidence(), null, responsibleAgencyId));
        closeJobSeeking(JobSeekingCloseReason.EMPLOYED, command.employment().startDate());
    }

    @CommandHandler
    public void handle(CancelRegistrationCommand command) {
        if (state != SpellState.ACTIVE) {
            throw CaseRuleViolation.conflict("CAN-1", "NO_ACTIVE_REGISTRATION", null);
        }
        if (command.ground() == null) {
            throw CaseRuleViolation.invalid("CAN-1", "GROUND_MISSING", "ground");
        }
        if (command.evidence() == null || command.evidence().source() == null) {
            throw CaseRuleViolation.invalid("CAN-2", "EVIDENCE_MISSING", "evidence");
        }
        requireEvidenceText(command.evidence(), "evidence");
        requireCancellationDates(command.effectiveDate(), command.notification(), command.recordedOn());
        apply(new RegistrationCancelled(caseId, spell, command.ground(), command.evidence(), command.effectiveDate(),
                command.notification(), responsibleAgencyId));
        closeJobSeeking(JobSeekingCloseReason.REGISTRATION_CANCELLED, command.effectiveDate());
    }

    /** CAN-2: when the cancellation takes effect and when the person was told lie within the spell. */
    private void requireCancellationDates(LocalDate effectiveDate, Notification notification, LocalDate recordedOn) {
        requireWithinSpell(effectiveDate, recordedOn, "CAN-2", "effectiveDate");
        if (notification == null || notification.method() == null) {
            throw CaseRuleViolation.invalid("CAN-2", "NOTIFICATION_MISSING", "notification");
        }
        requireWithinSpell(notification.notifiedOn(), recordedOn, "CAN-2", "notification.notifiedOn");
    }

    // ------------------------------------------------------------ job seeking and referrals (JOB-1, JOB-2, JOB-4, JOB-6)

    /**
     * JOB-2: a person with an active unemployment registration registers as a job seeker, identity
     * verified and intentions collected; the review clock starts (working days on the official calendar).
     */
    @CommandHandler
    public void handle(RegisterJobSeekingCommand command, JobServicePolicyBook policies, WorkingDayCalendar calendar,
                       AgencyDirectory agencies, DeadlineManager deadlines) {
        if (isBlank(command.jobSeekingId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "jobSeekingId");
        }
        if (jobSeeking.usedId(command.jobSeekingId())) {
            if (command.basics() != null && command.intentions() != null && command.intentions().occupations() != null
                    && command.intentions().forms() != null
                    && command.intentions().occupations().stream().noneMatch(java.util.Objects::isNull)
                    && jobSeeking.isResend(command.jobSeekingId(), command.identityDocument(), command.basics(),
                    command.intentions(), command.receivedOn())) {
                return; // the same registration sent again: recorded once
            }
            throw CaseRuleViolation.conflict("JOB-2", "JOB_SEEKING_ID_REUSED", "jobSeekingId");
        }
        if (state != SpellState.ACTIVE) {
            throw CaseRuleViolation.conflict("JOB-2", "NO_ACTIVE_REGISTRATION", null);
        }
        if (command.identityDocument() == null) {
            throw CaseRuleViolation.invalid("JOB-2", "IDENTITY_NOT_VERIFIED", "identityDocument");
        }
        JobSeeking.requireBasics(command.basics());
        JobSeeking.requireIntentions(command.intentions(), agencies);
        requireWithinSpell(command.receivedOn(), command.recordedOn(), "JOB-2", "receivedOn");
        if (jobSeeking.open() != null) {
            throw CaseRuleViolation.conflict("JOB-2", "JOB_SEEKING_OPEN", "jobSeekingId");
        }
        JobServicePolicy policy = policies.inForceOn(command.receivedOn());
        DueDate reviewDue = calendar.addWorkingDays(command.receivedOn(), policy.reviewWorkingDays());
        apply(new JobSeekingRegistered(caseId, spell, command.jobSeekingId(), command.identityDocument(),
                JobSeeking.normalised(command.basics()), JobSeeking.normalised(command.intentions()),
                responsibleAgencyId, command.receivedOn(), reviewDue.date(), reviewDue.provisional(), policy.version()));
        new JobSeekingClock(command.jobSeekingId(), reviewDue.date()).schedule(deadlines, responsibleAgencyId);
    }

    /** 求职意向变更: only while the registration is open; the same intentions again record nothing. */
    @CommandHandler
    public void handle(UpdateJobIntentionsCommand command, AgencyDirectory agencies) {
        JobSeeking.Registration registration = jobSeeking.named(command.jobSeekingId());
        if (!registration.open()) {
            throw CaseRuleViolation.conflict("JOB-2", "JOB_SEEKING_NOT_OPEN", "jobSeekingId");
        }
        JobSeeking.requireIntentions(command.intentions(), agencies);
        if (command.recordedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "recordedOn");
        }
        JobIntentions intentions = JobSeeking.normalised(command.intentions());
        if (intentions.equals(registration.intentions())) {
            return;
        }
        apply(new JobIntentionsUpdated(caseId, registration.jobSeekingId(), intentions, command.recordedOn()));
    }

    /** JOB-2 审核发布: late when decided after the review's due day. */
    @CommandHandler
    public void handle(PublishJobSeekingCommand command) {
        JobSeeking.Registration registration = requirePendingReview(command.jobSeekingId(), command.decidedOn());
        apply(new JobSeekingPublished(caseId, registration.jobSeekingId(), command.decidedOn(),
                command.decidedOn().isAfter(registration.reviewDueOn())));
    }

    @CommandHandler
    public void handle(RejectJobSeekingCommand command) {
        JobSeeking.Registration registration = requirePendingReview(command.jobSeekingId(), command.decidedOn());
        JobSeeking.requireText(command.reason(), MAX_TEXT_LENGTH, "JOB-2", "REJECTION_REASON_MISSING", "reason");
        apply(new JobSeekingRejected(caseId, registration.jobSeekingId(), command.reason().strip(),
                command.decidedOn(), command.decidedOn().isAfter(registration.reviewDueOn())));
    }

    private JobSeeking.Registration requirePendingReview(String jobSeekingId, LocalDate decidedOn) {
        JobSeeking.Registration registration = jobSeeking.named(jobSeekingId);
        if (registration.status() != JobSeekingStatus.PENDING_REVIEW) {
            throw CaseRuleViolation.conflict("JOB-2", "NOT_PENDING_REVIEW", "jobSeekingId");
        }
        if (decidedOn == null) {
            throw CaseRuleViolation.invalid("JOB-2", "DATE_MISSING", "decidedOn");
        }
        if (decidedOn.isBefore(registration.receivedOn())) {
            throw CaseRuleViolation.invalid("JOB-2", "DATE_BEFORE_RECEIPT", "decidedOn");
        }
        return registration;
    }

    /** JOB-2: not reviewed by its due day. Deterministic: the day comes from the deadline. */
    @DeadlineHandler(deadlineName = JobSeekingClock.REVIEW)
    void jobSeekingReviewClockRanOut(JobSeekingClock clock, MetaData metaData) {
        JobSeeking.Registration registration = jobSeeking.current();
        if (registration == null || !registration.jobSeekingId().equals(clock.jobSeekingId())
                || registration.status() != JobSeekingStatus.PENDING_REVIEW || registration.reviewDeadlineMissed()
                || !clock.dueOn().equals(registration.reviewDueOn())) {
            return; // reviewed in time, closed with the spell, or the clock is not this registration's
        }
        apply(new JobSeekingReviewDeadlineMissed(caseId, registration.jobSeekingId(), registration.agencyId(),
                clock.dueOn()), SubsidyClock.eventMetaData(metaData));
    }

    /**
     * Whether an officer of the acting agency may act on this case: {@link ReferralCommandHandler}
     * asks before it looks at the employer, as {@link #requireCaseInScope} does for the case's own commands.
     */
    boolean coveredBy(String actingAgency, AgencyDirectory agencies) {
        return agencies.covers(actingAgency, responsibleAgencyId);
    }

    boolean knowsReferral(String referralId) {
        return jobSeeking.knowsReferral(referralId);
    }

    /** For tests of the snapshot shape. */
    JobSeeking jobSeekingState() {
        return jobSeeking;
    }

    /**
     * JOB-4: refers the published job seeker to a vacancy that {@link ReferralCommandHandler} found
     * published. A resent referral ID records nothing.
     */
    void refer(ReferJobSeekerCommand command, ReferredVacancy vacancy) {
        if (isBlank(command.referralId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "referralId");
        }
        if (jobSeeking.knowsReferral(command.referralId())) {
            return;
        }
        JobSeeking.Registration registration = jobSeeking.open();
        if (state != SpellState.ACTIVE || registration == null || registration.status() != JobSeekingStatus.PUBLISHED) {
            throw CaseRuleViolation.conflict("JOB-4", "JOB_SEEKING_NOT_PUBLISHED", null);
        }
        requireWithinSpell(command.referredOn(), command.recordedOn(), "JOB-4", "referredOn");
        if (command.referredOn().isBefore(registration.receivedOn())) {
            throw CaseRuleViolation.invalid("JOB-4", "DATE_BEFORE_JOB_SEEKING", "referredOn");
        }
        if (jobSeeking.hasOpenReferralTo(vacancy.employerId(), vacancy.vacancyId())) {
            throw CaseRuleViolation.conflict("JOB-4", "ALREADY_REFERRED", "vacancyId");
        }
        apply(new JobReferred(caseId, spell, registration.jobSeekingId(), command.referralId(), vacancy,
                command.fairId(), responsibleAgencyId, command.referredOn()));
    }

    /**
     * JOB-4 follow-up. A hire is employment by the unit referred to (JOB-6): the spell ends on the start
     * date, which lies between the outcome and the day it is recorded (the hire is recorded once the
     * person has started, as any employment is). A refusal without good reason that reaches the
     * policy's count proposes a cancellation (CAN-1) unless one is open.
     *
     * @return the ID of the cancellation proposal this outcome raised, or null
     */
    @CommandHandler
    public String handle(RecordReferralOutcomeCommand command, JobServicePolicyBook policies) {
        JobSeeking.Referral referral = jobSeeking.referral(command.referralId());
        if (referral == null) {
            throw new CaseRuleViolation(RuleViolation.of("JOB-4", "REFERRAL_NOT_FOUND", "referralId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        if (command.outcome() == null) {
            throw CaseRuleViolation.invalid("JOB-4", "MISSING", "outcome");
        }
        if (referral.outcome() != null && referral.outcome().isFinal()) {
            if (referral.outcome() == command.outcome() && referral.outcomeOn().equals(command.outcomeOn())) {
                return null; // the same follow-up sent again
            }
            throw CaseRuleViolation.conflict("JOB-4", "OUTCOME_ALREADY_FINAL", "referralId");
        }
        if (state != SpellState.ACTIVE || referral.spell() != spell) {
            throw CaseRuleViolation.conflict("JOB-4", "NO_ACTIVE_REGISTRATION", null);
        }
        if (command.outcomeOn() == null) {
            throw CaseRuleViolation.invalid("JOB-4", "DATE_MISSING", "outcomeOn");
        }
        if (command.outcomeOn().isBefore(referral.referredOn())) {
            throw CaseRuleViolation.invalid("JOB-4", "DATE_BEFORE_REFERRAL", "outcomeOn");
        }
        if (referral.outcomeOn() != null && command.outcomeOn().isBefore(referral.outcomeOn())) {
            throw CaseRuleViolation.invalid("JOB-4", "DATE_BEFORE_INTERVIEW", "outcomeOn");
        }
        if (command.recordedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "recordedOn");
        }
        if (command.outcomeOn().isAfter(command.recordedOn())) {
            throw CaseRuleViolation.invalid("JOB-4", "DATE_IN_FUTURE", "outcomeOn");
        }
        boolean refused = command.outcome() == ReferralOutcome.REFUSED_WITH_GOOD_REASON
                || command.outcome() == ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON;
        if (refused) {
            JobSeeking.requireText(command.note(), MAX_TEXT_LENGTH, "JOB-4", "REFUSAL_REASON_MISSING", "note");
        }
        requireLength(command.note(), MAX_TEXT_LENGTH, "note");
        boolean hired = command.outcome() == ReferralOutcome.HIRED;
        if (hired) {
            if (command.startDate() == null) {
                throw CaseRuleViolation.invalid("JOB-6", "DATE_MISSING", "startDate");
            }
            if (command.startDate().isBefore(command.outcomeOn())) {
                throw CaseRuleViolation.invalid("JOB-6", "START_BEFORE_HIRE", "startDate");
            }
            requireWithinSpell(command.startDate(), command.recordedOn(), "JOB-6", "startDate");
        } else if (command.startDate() != null) {
            throw CaseRuleViolation.invalid("JOB-4", "START_DATE_WITHOUT_HIRE", "startDate");
        }
        String note = isBlank(command.note()) ? null : command.note().strip();
        int refusals = jobSeeking.countedRefusals().size()
                + (command.outcome() == ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON ? 1 : 0);
        ReferredVacancy vacancy = referral.vacancy();
        apply(new ReferralOutcomeRecorded(caseId, spell, referral.referralId(), vacancy.employerId(),
                vacancy.vacancyId(), referral.fairId(), command.outcome(), note, command.outcomeOn(),
                hired ? command.startDate() : null, refusals, responsibleAgencyId));
        if (hired) {
            apply(new Employed(caseId, spell, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT,
                    vacancy.employerName(), command.startDate()),
                    new Evidence(Evidence.EvidenceSource.DOCUMENT, "referral:" + referral.referralId(),
                            "推荐就业录用 (hired through a referral)"), null, responsibleAgencyId));
            closeJobSeeking(JobSeekingCloseReason.PLACED, command.startDate());
            return null;
        }
        JobServicePolicy policy = policies.inForceOn(command.outcomeOn());
        if (command.outcome() == ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON
                && refusals >= policy.refusalsBeforeCancellationProposal() && jobSeeking.openProposal() == null) {
            List<String> referralIds = List.copyOf(jobSeeking.countedRefusals());
            String proposalId = JobSeeking.proposalIdFor(referral.referralId());
            apply(new CancellationProposed(caseId, spell, proposalId,
                    CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                    new Evidence(Evidence.EvidenceSource.DOCUMENT, "referrals:" + String.join(",", referralIds),
                            "无正当理由拒绝推荐就业 " + referralIds.size() + " 次 (refused referrals without good reason)"),
                    referralIds, command.outcomeOn(), responsibleAgencyId));
            return proposalId;
        }
        return null;
    }

    /** CAN-3: the officer confirms; the registration is cancelled on the proposal's ground and evidence. */
    @CommandHandler
    public void handle(ConfirmCancellationProposalCommand command) {
        JobSeeking.Proposal proposal = requireOpenProposal(command.proposalId());
        requireCancellationDates(command.effectiveDate(), command.notification(), command.recordedOn());
        if (command.effectiveDate().isBefore(proposal.proposedOn())) {
            throw CaseRuleViolation.invalid("CAN-3", "DATE_BEFORE_PROPOSAL", "effectiveDate");
        }
        apply(new CancellationProposalConfirmed(caseId, proposal.proposalId(), command.recordedOn()));
        apply(new RegistrationCancelled(caseId, spell, proposal.ground(), proposal.evidence(), command.effectiveDate(),
                command.notification(), responsibleAgencyId));
        closeJobSeeking(JobSeekingCloseReason.REGISTRATION_CANCELLED, command.effectiveDate());
    }

    /** CAN-3: the officer dismisses with a reason; refusals before it no longer count. */
    @CommandHandler
    public void handle(DismissCancellationProposalCommand command) {
        JobSeeking.Proposal proposal = requireOpenProposal(command.proposalId());
        JobSeeking.requireText(command.reason(), MAX_TEXT_LENGTH, "CAN-3", "DISMISSAL_REASON_MISSING", "reason");
        if (command.decidedOn() == null) {
            throw CaseRuleViolation.invalid("CAN-3", "DATE_MISSING", "decidedOn");
        }
        if (command.decidedOn().isBefore(proposal.proposedOn())) {
            throw CaseRuleViolation.invalid("CAN-3", "DATE_BEFORE_PROPOSAL", "decidedOn");
        }
        apply(new CancellationProposalDismissed(caseId, proposal.proposalId(), command.reason().strip(),
                command.decidedOn()));
    }

    private JobSeeking.Proposal requireOpenProposal(String proposalId) {
        JobSeeking.Proposal open = jobSeeking.openProposal();
        if (open != null && open.proposalId().equals(proposalId)) {
            return open;
        }
        if (proposalId != null && jobSeeking.settledProposal(proposalId)) {
            throw CaseRuleViolation.conflict("CAN-3", "PROPOSAL_ALREADY_SETTLED", "proposalId");
        }
        throw new CaseRuleViolation(RuleViolation.of("CAN-3", "PROPOSAL_NOT_FOUND", "proposalId",
                RuleViolation.Kind.NOT_FOUND));
    }

    // ------------------------------------------------------------ information comparison and lost contact (TRK-2, CAN-1..CAN-3)

    /**
     * 信息比对: an external record names this person. With an active registration it is a tracking
     * contact by information comparison on the batch's reference date (TRK-2; the person was not
     * reached), and the change the record implies is proposed for an officer (CAN-3) unless the same
     * change is open already or this very record was proposed before. The same row sent again records
     * nothing and answers what it answered the first time: the batch's counts rely on it.
     */
    @CommandHandler
    public MatchOutcome handle(MatchExternalRecordCommand command) {
        ExternalRecord record = command.record();
        if (record == null || record.kind() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "record.kind");
        }
        if (isBlank(record.batchId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "record.batchId");
        }
        String contactId = StatusChangeProposals.contactIdFor(record);
        if (contactIds.contains(contactId)) {
            return proposals.recordedMatch(contactId);
        }
        if (record.referenceDate() == null) {
            throw CaseRuleViolation.invalid("TRK-2", "DATE_MISSING", "record.referenceDate");
        }
        if (record.recordDate() == null) {
            throw CaseRuleViolation.invalid("TRK-2", "DATE_MISSING", "record.recordDate");
        }
        if (isBlank(record.source())) {
            throw CaseRuleViolation.invalid("TRK-3", "DATA_MATCH_SOURCE_MISSING", "record.source");
        }
        if (command.processedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "processedOn");
        }
        if (state != SpellState.ACTIVE) {
            return MatchOutcome.NOT_ACTIVE;
        }
        if (record.referenceDate().isBefore(registeredOn)) {
            return MatchOutcome.BEFORE_REGISTRATION;
        }
        ExternalRecordKind kind = record.kind();
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        JobSeeking.Proposal refusals = jobSeeking.openProposal();
        boolean propose = !proposals.alreadyProposed(record, proposalId)
                && !(refusals != null && kind.ground() != null && refusals.ground() == kind.ground());
        String reference = record.batchId() + ":" + record.line();
        Evidence evidence = propose
                ? new Evidence(Evidence.EvidenceSource.DATA_MATCH, reference, StatusChangeProposals.describe(record))
                : null;
        apply(new TrackingContactRecorded(caseId, spell, contactId, record.referenceDate(),
                ContactMethod.INFORMATION_COMPARISON, record.source().strip() + " (" + reference + ")", false, null,
                Set.of(), null, propose ? kind.ground() : null, evidence, responsibleAgencyId));
        if (!propose) {
            return MatchOutcome.CONTACT_ONLY;
        }
        // Enrolled before the spell began: as far as this spell is concerned the work starts with it.
        EmploymentDetails employment = kind.employmentType() == null ? null
                : new EmploymentDetails(kind.employmentType(), record.organisation() == null ? null
                        : record.organisation().strip(),
                        record.recordDate().isBefore(registeredOn) ? registeredOn : record.recordDate());
        apply(new StatusChangeProposed(caseId, spell, proposalId, ProposalSource.DATA_MATCH, employment, kind.ground(),
                evidence, record, null, command.processedOn(), responsibleAgencyId));
        return MatchOutcome.PROPOSED;
    }

    /**
     * CAN-3 for any open proposal of the case. Job seeking's refusal proposal goes the way it always
     * went; a cancellation ground cancels on the proposal's evidence with the effective date and
     * notification given (CAN-2; the date may lie before the proposal: the record's date is when the
     * fact began); an employment ends the spell on its start date, which the officer may correct.
     */
    @CommandHandler
    public void handle(ConfirmStatusChangeProposalCommand command) {
        if (jobSeekingProposal(command.proposalId())) {
            handle(new ConfirmCancellationProposalCommand(caseId, command.proposalId(), command.effectiveDate(),
                    command.notification(), command.recordedOn()));
            return;
        }
        StatusChangeProposals.Proposal proposal = requireOpenStatusChangeProposal(command.proposalId());
        if (proposal.employment() != null) {
            LocalDate startDate = command.effectiveDate() == null
                    ? proposal.employment().startDate() : command.effectiveDate();
            requireWithinSpell(startDate, command.recordedOn(), "CAN-1", "effectiveDate");
            EmploymentDetails employment = new EmploymentDetails(proposal.employment().type(),
                    proposal.employment().employer(), startDate);
            apply(new StatusChangeProposalConfirmed(caseId, proposal.proposalId(), command.recordedOn()));
            apply(new Employed(caseId, spell, employment, proposal.evidence(), null, responsibleAgencyId));
            closeJobSeeking(JobSeekingCloseReason.EMPLOYED, startDate);
            return;
        }
        requireCancellationDates(command.effectiveDate(), command.notification(), command.recordedOn());
        apply(new StatusChangeProposalConfirmed(caseId, proposal.proposalId(), command.recordedOn()));
        apply(new RegistrationCancelled(caseId, spell, proposal.ground(), proposal.evidence(), command.effectiveDate(),
                command.notification(), responsibleAgencyId));
        closeJobSeeking(JobSeekingCloseReason.REGISTRATION_CANCELLED, command.effectiveDate());
    }

    /**
     * CAN-3: dismissed with a reason; the same record is not proposed again. Dismissing lost contact
     * means the officer knows the person to be in touch: the months count afresh from the decision.
     */
    @CommandHandler
    public void handle(DismissStatusChangeProposalCommand command, TrackingPolicyBook tracking,
                       DeadlineManager deadlines) {
        if (jobSeekingProposal(command.proposalId())) {
            handle(new DismissCancellationProposalCommand(caseId, command.proposalId(), command.reason(),
                    command.decidedOn()));
            return;
        }
        StatusChangeProposals.Proposal proposal = requireOpenStatusChangeProposal(command.proposalId());
        JobSeeking.requireText(command.reason(), MAX_TEXT_LENGTH, "CAN-3", "DISMISSAL_REASON_MISSING", "reason");
        if (command.decidedOn() == null) {
            throw CaseRuleViolation.invalid("CAN-3", "DATE_MISSING", "decidedOn");
        }
        if (command.decidedOn().isBefore(proposal.proposedOn())) {
            throw CaseRuleViolation.invalid("CAN-3", "DATE_BEFORE_PROPOSAL", "decidedOn");
        }
        apply(new StatusChangeProposalDismissed(caseId, proposal.proposalId(), command.reason().strip(),
                command.decidedOn()));
        if (proposal.source() == ProposalSource.LOST_CONTACT) {
            armLostContactClock(tracking, deadlines);
        }
    }

    /** Whether the ID names job seeking's refusal proposal, open or settled: it keeps its own events. */
    private boolean jobSeekingProposal(String proposalId) {
        JobSeeking.Proposal open = jobSeeking.openProposal();
        return proposalId != null && (open != null && open.proposalId().equals(proposalId)
                || jobSeeking.settledProposal(proposalId));
    }

    private StatusChangeProposals.Proposal requireOpenStatusChangeProposal(String proposalId) {
        StatusChangeProposals.Proposal open = proposals.openProposal(proposalId);
        if (open != null) {
            return open;
        }
        if (proposals.settled(proposalId)) {
            throw CaseRuleViolation.conflict("CAN-3", "PROPOSAL_ALREADY_SETTLED", "proposalId");
        }
        throw new CaseRuleViolation(RuleViolation.of("CAN-3", "PROPOSAL_NOT_FOUND", "proposalId",
                RuleViolation.Kind.NOT_FOUND));
    }

    /** Sets the spell's clock for the day lost contact falls due, counted from the last contact. */
    private void armLostContactClock(TrackingPolicyBook tracking, DeadlineManager deadlines) {
        new LostContactClock(spell, proposals.lostContactDueOn(tracking)).schedule(deadlines, responsibleAgencyId);
    }

    /**
     * CAN-1 lost contact (失联): the policy's months went by without the person and the agency dealing
     * with each other. If they did meanwhile, the clock is set again for the new due day instead.
     * Deterministic: the day comes from the deadline.
     */
    @DeadlineHandler(deadlineName = LostContactClock.LOST_CONTACT)
    void lostContactClockRanOut(LostContactClock clock, MetaData metaData, TrackingPolicyBook tracking,
                                DeadlineManager deadlines) {
        if (state != SpellState.ACTIVE || clock.spell() != spell || proposals.lostContactOpen()) {
            return; // the spell ended, or lost contact is waiting for an officer already
        }
        LocalDate dueOn = proposals.lostContactDueOn(tracking);
        if (dueOn.isAfter(clock.dueOn())) {
            new LostContactClock(spell, dueOn).schedule(deadlines, responsibleAgencyId);
            return;
        }
        LocalDate lastContactOn = proposals.lastContactOn();
        int months = tracking.inForceOn(lastContactOn).noContactMonths();
        apply(new StatusChangeProposed(caseId, spell, StatusChangeProposals.lostContactProposalId(spell, lastContactOn),
                ProposalSource.LOST_CONTACT, null, CancellationGround.NO_CONTACT_SIX_MONTHS,
                new Evidence(Evidence.EvidenceSource.CONTACT_RECORD, "last-contact:" + lastContactOn,
                        "自 " + lastContactOn + " 起连续 " + months + " 个月未与经办机构联系 (no contact with the agency for "
                                + months + " months)"),
                null, lastContactOn, clock.dueOn(), responsibleAgencyId), SubsidyClock.eventMetaData(metaData));
    }

    /** JOB-1 职业指导: for any person with a case, registered or not; a resent session records nothing. */
    @CommandHandler
    public void handle(RecordCareerGuidanceCommand command) {
        if (isBlank(command.sessionId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "sessionId");
        }
        if (jobSeeking.knowsGuidanceSession(command.sessionId())) {
            return;
        }
        requireNotErased();
        if (command.topic() == null) {
            throw CaseRuleViolation.invalid("JOB-1", "MISSING", "topic");
        }
        JobSeeking.requireText(command.notes(), MAX_TEXT_LENGTH, "JOB-1", "MISSING", "notes");
        requireLength(command.followUp(), MAX_TEXT_LENGTH, "followUp");
        if (command.heldOn() == null) {
            throw CaseRuleViolation.invalid("JOB-1", "DATE_MISSING", "heldOn");
        }
        if (command.recordedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "recordedOn");
        }
        if (command.heldOn().isAfter(command.recordedOn())) {
            throw CaseRuleViolation.invalid("JOB-1", "DATE_IN_FUTURE", "heldOn");
        }
        apply(new CareerGuidanceGiven(caseId, command.sessionId(), command.topic(), command.notes().strip(),
                isBlank(command.followUp()) ? null : command.followUp().strip(), command.heldOn(),
                responsibleAgencyId));
    }

    /** JOB-6: the job-seeking registration ends with the spell it belongs to. */
    private void closeJobSeeking(JobSeekingCloseReason reason, LocalDate closedOn) {
        JobSeeking.Registration open = jobSeeking.open();
        if (open != null) {
            apply(new JobSeekingClosed(caseId, open.jobSeekingId(), reason, closedOn));
        }
    }

    // ------------------------------------------------------------ skills upgrading subsidy (SUB-1..SUB-7)

    private static final int MAX_OCCUPATION_LENGTH = 100;
    private static final int MAX_CERTIFICATE_NUMBER_LENGTH = 64;
    private static final int MAX_ACCOUNT_REFERENCE_LENGTH = 64;

    /**
     * Records a certificate and the application on it (SUB-1, SUB-2). Each failed condition is named
     * in a {@link CertificateRefused} that is recorded and answered (the department accounts for its
     * refusals), not thrown: SUB-2 too old, SUB-7 level not subsidised, occupation and level already
     * subsidised, the year's limit reached, SUB-1 certificate number already used by anyone. An
     * accepted certificate claims its number and starts the review clock (SUB-3).
     *
     * @return the failed conditions; empty when the application was received
     */
    @CommandHandler
    public List<RefusalReason> handle(SubmitCertificateCommand command, SubsidyPolicyBook policies,
                                      WorkingDayCalendar calendar, CertificateIndex certificates,
                                      AgencyDirectory agencies, DeadlineManager deadlines) {
        if (isBlank(command.applicationId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "applicationId");
        }
        if (subsidies.containsKey(command.applicationId())) {
            return List.of(); // the same submission sent again: recorded once
        }
        if (refusedSubsidies.containsKey(command.applicationId())) {
            return refusedSubsidies.get(command.applicationId());
        }
        requireWellFormed(command, agencies);
        requireNotErased();
        Certificate certificate = command.certificate();
        SubsidyPolicy policy = policies.inForceOn(command.receivedOn());
        List<RefusalReason> failed = new ArrayList<>();
        LocalDate lastDay = calendar.endOfMonthsPeriod(certificate.issuedOn(), policy.applicationWindowMonths()).date();
        if (command.receivedOn().isAfter(lastDay)) {
            failed.add(new RefusalReason("SUB-2", "CERTIFICATE_TOO_OLD", "certificate.issuedOn"));
        }
        if (policy.amountFor(certificate.level()).isEmpty()) {
            failed.add(new RefusalReason("SUB-7", "LEVEL_NOT_SUBSIDISED", "certificate.level"));
        }
        String occupation = certificate.occupation().strip();
        if (subsidies.values().stream().anyMatch(a -> a.counts() && a.certificate().level() == certificate.level()
                && a.certificate().occupation().strip().equals(occupation))) {
            failed.add(new RefusalReason("SUB-7", "OCCUPATION_LEVEL_ALREADY_SUBSIDISED", "certificate.occupation"));
        }
        long thisYear = subsidies.values().stream()
                .filter(a -> a.counts() && a.receivedOn().getYear() == command.receivedOn().getYear()).count();
        if (thisYear >= policy.maxPerCalendarYear()) {
            failed.add(new RefusalReason("SUB-7", "YEARLY_LIMIT_REACHED", "receivedOn"));
        }
        if (certificates.isClaimed(certificate.certificateNumber())) {
            failed.add(new RefusalReason("SUB-1", "CERTIFICATE_ALREADY_USED", "certificate.certificateNumber"));
        }
        if (!failed.isEmpty()) {
            apply(new CertificateRefused(caseId, command.applicationId(), certificate, command.place(),
                    command.departmentId(), command.receivedOn(), failed, policy.version()));
            return failed;
        }
        DueDate reviewDue = calendar.addWorkingDays(command.receivedOn(), policy.reviewWorkingDays());
        apply(new CertificateSubmitted(caseId, command.applicationId(), certificate, command.place(),
                command.departmentId(), command.allowanceClaim(), command.receivedOn(), reviewDue.date(),
                reviewDue.provisional(), policy.version()));
        certificates.claim(certificate.certificateNumber(), caseId, command.applicationId());
        new SubsidyClock(command.applicationId(), reviewDue.date())
                .schedule(deadlines, SubsidyClock.REVIEW, command.departmentId());
        return List.of();
    }

    private static void requireWellFormed(SubmitCertificateCommand command, AgencyDirectory agencies) {
        Certificate certificate = command.certificate();
        if (certificate == null) {
            throw CaseRuleViolation.invalid("SUB-1", "CERTIFICATE_MISSING", "certificate");
        }
        requireText(certificate.occupation(), MAX_OCCUPATION_LENGTH, "SUB-1", "certificate.occupation");
        if (certificate.level() == null) {
            throw CaseRuleViolation.invalid("SUB-1", "MISSING", "certificate.level");
        }
        requireText(certificate.certificateNumber(), MAX_CERTIFICATE_NUMBER_LENGTH, "SUB-1",
                "certificate.certificateNumber");
        requireText(certificate.issuingBody(), MAX_NAME_LENGTH, "SUB-1", "certificate.issuingBody");
        if (certificate.issuedOn() == null) {
            throw CaseRuleViolation.invalid("SUB-1", "MISSING", "certificate.issuedOn");
        }
        if (command.place() == null) {
            throw CaseRuleViolation.invalid("SUB-2", "PLACE_MISSING", "place");
        }
        if (command.departmentId() == null || !agencies.exists(command.departmentId())) {
            throw CaseRuleViolation.invalid("SUB-2", "UNKNOWN_DEPARTMENT", "departmentId");
        }
        if (command.receivedOn() == null) {
            throw CaseRuleViolation.invalid("SUB-3", "DATE_MISSING", "receivedOn");
        }
        if (command.recordedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "recordedOn");
        }
        if (command.receivedOn().isAfter(command.recordedOn())) {
            throw CaseRuleViolation.invalid("SUB-3", "DATE_IN_FUTURE", "receivedOn");
        }
        if (certificate.issuedOn().isAfter(command.receivedOn())) {
            throw CaseRuleViolation.invalid("SUB-2", "ISSUED_AFTER_RECEIPT", "certificate.issuedOn");
        }
        LivingAllowanceClaim claim = command.allowanceClaim();
        if (claim != null && claim.groups().contains(PersonCategory.TWO_AFTER_STUDENT)) {
            if (claim.graduatedOn() == null) {
                throw CaseRuleViolation.invalid("SUB-6", "GRADUATION_DATE_MISSING", "allowanceClaim.graduatedOn");
            }
            if (claim.graduatedOn().isAfter(command.receivedOn())) {
                throw CaseRuleViolation.invalid("SUB-6", "DATE_IN_FUTURE", "allowanceClaim.graduatedOn");
            }
        }
    }

    @CommandHandler
    public void handle(BeginSubsidyReviewCommand command) {
        SubsidyApplication application = subsidy(command.applicationId());
        if (application.stage() == SubsidyStage.IN_REVIEW) {
            return; // taken up already: nothing new to record
        }
        if (application.stage() != SubsidyStage.RECEIVED) {
            throw CaseRuleViolation.conflict("SUB-3", "ALREADY_DECIDED", null);
        }
        requireDecisionDate(command.startedOn(), application, "startedOn");
        apply(new SubsidyReviewStarted(caseId, application.applicationId(), command.startedOn()));
    }

    /**
     * Approves with the amount of the policy in force on receipt (SUB-7), the living allowance when
     * the person qualifies and has none yet (SUB-6), and starts publicity: from the day after the
     * decision for the policy's working days (SUB-4), ended by a deadline.
     */
    @CommandHandler
    public void handle(ApproveSubsidyCommand command, SubsidyPolicyBook policies, WorkingDayCalendar calendar,
                       DeadlineManager deadlines) {
        SubsidyApplication application = subsidy(command.applicationId());
        requireAwaitingReview(application);
        requireDecisionDate(command.decidedOn(), application, "decidedOn");
        SubsidyPolicy policy = policies.inForceOn(application.receivedOn());
        BigDecimal amount = policy.amountFor(application.certificate().level())
                .orElseThrow(() -> CaseRuleViolation.conflict("SUB-7", "LEVEL_NOT_SUBSIDISED", null));
        BigDecimal allowance = allowanceApplicationId == null
                && qualifiesForAllowance(application.allowanceClaim(), application.receivedOn(), policy, calendar)
                ? policy.allowanceAmount() : BigDecimal.ZERO;
        DueDate publicityEnds = calendar.addWorkingDays(command.decidedOn(), policy.publicityWorkingDays());
        apply(new SubsidyApproved(caseId, application.applicationId(), amount, allowance, command.decidedOn(),
                command.decidedOn().isAfter(application.reviewDueOn()), publicityEnds.date(),
                publicityEnds.provisional(), policy.version()));
        new SubsidyClock(application.applicationId(), publicityEnds.date())
                .schedule(deadlines, SubsidyClock.PUBLICITY, application.departmentId());
    }

    /**
     * SUB-6: one of the policy's groups, or a 两后生 student of a rural or low-income family within
     * the policy's years of graduation (a period per TIME-2 and TIME-3) on the day of receipt.
     */
    static boolean qualifiesForAllowance(LivingAllowanceClaim claim, LocalDate receivedOn, SubsidyPolicy policy,
                                         WorkingDayCalendar calendar) {
        if (claim == null) {
            return false;
        }
        if (claim.groups().stream().anyMatch(policy.allowanceGroups()::contains)) {
            return true;
        }
        return claim.groups().contains(PersonCategory.TWO_AFTER_STUDENT) && claim.ruralOrLowIncomeFamily()
                && claim.graduatedOn() != null
                && !receivedOn.isAfter(calendar.endOfMonthsPeriod(claim.graduatedOn(),
                        policy.twoAfterStudentGraduationYears() * 12).date());
    }

    @CommandHandler
    public void handle(RejectSubsidyCommand command, CertificateIndex certificates) {
        SubsidyApplication application = subsidy(command.applicationId());
        requireAwaitingReview(application);
        requireDecisionDate(command.decidedOn(), application, "decidedOn");
        requireText(command.reason(), MAX_TEXT_LENGTH, "SUB-3", "reason");
        apply(new SubsidyRejected(caseId, application.applicationId(), command.reason().strip(), command.decidedOn(),
                command.decidedOn().isAfter(application.reviewDueOn()), null));
        certificates.release(application.certificate().certificateNumber(), application.applicationId());
    }

    /** SUB-4: an objection while the list is published holds payment until it is resolved. */
    @CommandHandler
    public void handle(RaiseSubsidyObjectionCommand command) {
        SubsidyApplication application = subsidy(command.applicationId());
        if (isBlank(command.objectionId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "objectionId");
        }
        if (application.knowsObjection(command.objectionId())) {
            return; // the same objection sent again: recorded once
        }
        if (application.stage() != SubsidyStage.IN_PUBLICITY && application.stage() != SubsidyStage.OBJECTED
                || application.publicityOver()) {
            throw CaseRuleViolation.conflict("SUB-4", "NOT_IN_PUBLICITY", null);
        }
        requireText(command.summary(), MAX_TEXT_LENGTH, "SUB-4", "summary");
        if (command.raisedOn() == null) {
            throw CaseRuleViolation.invalid("SUB-4", "DATE_MISSING", "raisedOn");
        }
        // Publicity runs from the day after the approval to its last day, both included.
        if (!command.raisedOn().isAfter(application.decidedOn())
                || command.raisedOn().isAfter(application.publicityEndsOn())) {
            throw CaseRuleViolation.invalid("SUB-4", "OUTSIDE_PUBLICITY", "raisedOn");
        }
        apply(new SubsidyObjectionRaised(caseId, application.applicationId(), command.objectionId(),
                command.summary().strip(), command.raisedOn()));
    }

    /**
     * Upheld: the application is rejected and gives its certificate back. Dismissed: once publicity is
     * over and no other objection is open, payment falls due from the day of the finding (SUB-5).
     */
    @CommandHandler
    public void handle(ResolveSubsidyObjectionCommand command, SubsidyPolicyBook policies,
                       WorkingDayCalendar calendar, CertificateIndex certificates, DeadlineManager deadlines) {
        SubsidyApplication application = subsidy(command.applicationId());
        if (isBlank(command.objectionId()) || !application.knowsObjection(command.objectionId())) {
            throw new CaseRuleViolation(RuleViolation.of("SUB-4", "OBJECTION_NOT_FOUND", "objectionId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        if (!application.hasOpenObjection(command.objectionId()) || application.stage() == SubsidyStage.REJECTED) {
            throw CaseRuleViolation.conflict("SUB-4", "OBJECTION_ALREADY_RESOLVED", null);
        }
        requireText(command.finding(), MAX_TEXT_LENGTH, "SUB-4", "finding");
        requireDecisionDate(command.resolvedOn(), application, "resolvedOn");
        if (command.upheld()) {
            apply(new SubsidyObjectionUpheld(caseId, application.applicationId(), command.objectionId(),
                    command.finding().strip(), command.resolvedOn()));
            apply(new SubsidyRejected(caseId, application.applicationId(), command.finding().strip(),
                    command.resolvedOn(), false, command.objectionId()));
            certificates.release(application.certificate().certificateNumber(), application.applicationId());
            return;
        }
        DueDate paymentDue = application.publicityOver() && application.openObjectionCount() == 1
                ? calendar.addWorkingDays(command.resolvedOn(),
                        policies.inForceOn(application.receivedOn()).paymentWorkingDays())
                : null;
        apply(new SubsidyObjectionDismissed(caseId, application.applicationId(), command.objectionId(),
                command.finding().strip(), command.resolvedOn(), paymentDue == null ? null : paymentDue.date(),
                paymentDue != null && paymentDue.provisional()));
        if (paymentDue != null) {
            new SubsidyClock(application.applicationId(), paymentDue.date())
                    .schedule(deadlines, SubsidyClock.PAYMENT, application.departmentId());
        }
    }

    /** SUB-5: paid as approved, subsidy and allowance together; only the masked account reference is kept. */
    @CommandHandler
    public void handle(RecordSubsidyPaymentCommand command) {
        SubsidyApplication application = subsidy(command.applicationId());
        switch (application.stage()) {
            case AWAITING_PAYMENT -> {
            }
            case PAID -> throw CaseRuleViolation.conflict("SUB-5", "ALREADY_PAID", null);
            case REJECTED -> throw CaseRuleViolation.conflict("SUB-5", "APPLICATION_REJECTED", null);
            case OBJECTED -> throw CaseRuleViolation.conflict("SUB-4", "HELD_BY_OBJECTION", null);
            case IN_PUBLICITY -> throw CaseRuleViolation.conflict("SUB-4", "PUBLICITY_NOT_OVER", null);
            default -> throw CaseRuleViolation.conflict("SUB-5", "NOT_APPROVED", null);
        }
        BigDecimal approved = application.subsidyAmount().add(application.allowanceAmount());
        if (command.amount() == null || command.amount().compareTo(approved) != 0) {
            throw CaseRuleViolation.invalid("SUB-5", "AMOUNT_NOT_AS_APPROVED", "amount");
        }
        if (command.paidOn() == null) {
            throw CaseRuleViolation.invalid("SUB-5", "DATE_MISSING", "paidOn");
        }
        if (command.recordedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "recordedOn");
        }
        if (command.paidOn().isAfter(command.recordedOn())) {
            throw CaseRuleViolation.invalid("SUB-5", "DATE_IN_FUTURE", "paidOn");
        }
        if (!command.paidOn().isAfter(application.publicityEndsOn())) {
            throw CaseRuleViolation.invalid("SUB-5", "PAID_BEFORE_PUBLICITY_ENDED", "paidOn");
        }
        requireText(command.accountReference(), MAX_ACCOUNT_REFERENCE_LENGTH, "SUB-5", "accountReference");
        apply(new SubsidyPaid(caseId, application.applicationId(), application.departmentId(),
                application.subsidyAmount(), application.allowanceAmount(), command.paidOn(),
                maskAccountReference(command.accountReference()),
                application.paymentDueOn() != null && command.paidOn().isAfter(application.paymentDueOn())));
    }

    /** All but the last 4 characters masked; a reference of 4 or fewer is masked whole. */
    static String maskAccountReference(String reference) {
        String compact = reference.replaceAll("\\s", "");
        int keep = compact.length() > 4 ? 4 : 0;
        return "*".repeat(compact.length() - keep) + compact.substring(compact.length() - keep);
    }

    /** SUB-3: the review was not done by its due day. Deterministic: the day comes from the deadline. */
    @DeadlineHandler(deadlineName = SubsidyClock.REVIEW)
    void reviewClockRanOut(SubsidyClock clock, MetaData metaData) {
        SubsidyApplication application = subsidies.get(clock.applicationId());
        if (application == null || !application.awaitingReview() || application.reviewDeadlineMissed()
                || !clock.dueOn().equals(application.reviewDueOn())) {
            return; // decided in time, or the clock is not this application's any more
        }
        apply(new SubsidyReviewDeadlineMissed(caseId, application.applicationId(), application.departmentId(),
                clock.dueOn()), SubsidyClock.eventMetaData(metaData));
    }

    /** SUB-4, SUB-5: publicity is over; without an open objection the payment clock starts. */
    @DeadlineHandler(deadlineName = SubsidyClock.PUBLICITY)
    void publicityClockRanOut(SubsidyClock clock, MetaData metaData, SubsidyPolicyBook policies,
                              WorkingDayCalendar calendar, DeadlineManager deadlines) {
        SubsidyApplication application = subsidies.get(clock.applicationId());
        if (application == null || application.publicityOver()
                || (application.stage() != SubsidyStage.IN_PUBLICITY && application.stage() != SubsidyStage.OBJECTED)
                || !clock.dueOn().equals(application.publicityEndsOn())) {
            return; // rejected on an objection meanwhile, or ended already
        }
        boolean held = application.openObjectionCount() > 0;
        DueDate paymentDue = held ? null : calendar.addWorkingDays(clock.dueOn(),
                policies.inForceOn(application.receivedOn()).paymentWorkingDays());
        apply(new SubsidyPublicityEnded(caseId, application.applicationId(), clock.dueOn(), held,
                paymentDue == null ? null : paymentDue.date(), paymentDue != null && paymentDue.provisional()),
                SubsidyClock.eventMetaData(metaData));
        if (paymentDue != null) {
            new SubsidyClock(application.applicationId(), paymentDue.date())
                    .schedule(deadlines, SubsidyClock.PAYMENT, application.departmentId());
        }
    }

    /** SUB-5: not paid by the due day. */
    @DeadlineHandler(deadlineName = SubsidyClock.PAYMENT)
    void paymentClockRanOut(SubsidyClock clock, MetaData metaData) {
        SubsidyApplication application = subsidies.get(clock.applicationId());
        if (application == null || application.stage() != SubsidyStage.AWAITING_PAYMENT
                || application.paymentDeadlineMissed() || !clock.dueOn().equals(application.paymentDueOn())) {
            return; // paid in time, or the clock is not this application's any more
        }
        apply(new SubsidyPaymentDeadlineMissed(caseId, application.applicationId(), application.departmentId(),
                clock.dueOn()), SubsidyClock.eventMetaData(metaData));
    }

    private SubsidyApplication subsidy(String applicationId) {
        SubsidyApplication application = applicationId == null ? null : subsidies.get(applicationId);
        if (application == null) {
            throw new CaseRuleViolation(RuleViolation.of("INPUT", "APPLICATION_NOT_FOUND", "applicationId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        return application;
    }

    private static void requireAwaitingReview(SubsidyApplication application) {
        if (!application.awaitingReview()) {
            throw CaseRuleViolation.conflict("SUB-3", "ALREADY_DECIDED", null);
        }
    }

    private static void requireDecisionDate(LocalDate date, SubsidyApplication application, String field) {
        if (date == null) {
            throw CaseRuleViolation.invalid("SUB-3", "DATE_MISSING", field);
        }
        if (date.isBefore(application.receivedOn())) {
            throw CaseRuleViolation.invalid("SUB-3", "DATE_BEFORE_RECEIPT", field);
        }
    }

    private static void requireText(String value, int max, String ruleId, String field) {
        if (isBlank(value)) {
            throw CaseRuleViolation.invalid(ruleId, "MISSING", field);
        }
        requireLength(value, max, field);
    }

    private void requirePending() {
        if (state != SpellState.PENDING) {
            throw CaseRuleViolation.conflict("REG-5", "NO_PENDING_APPLICATION", null);
        }
    }

    private void requireDecisionDate(LocalDate decidedOn) {
        if (decidedOn == null || decidedOn.isBefore(appliedOn)) {
            throw CaseRuleViolation.invalid("REG-5", "DECISION_BEFORE_APPLICATION", "decidedOn");
        }
    }

    private void requireEmployment(EmploymentDetails employment, LocalDate recordedOn, String field) {
        if (employment == null || employment.type() == null) {
            throw CaseRuleViolation.invalid("CAN-1", "EMPLOYMENT_MISSING", field);
        }
        requireWithinSpell(employment.startDate(), recordedOn, "CAN-1", field + ".startDate");
        requireLength(employment.employer(), MAX_NAME_LENGTH, field + ".employer");
    }

    private static void requireEvidenceText(Evidence evidence, String field) {
        if (evidence != null) {
            requireLength(evidence.reference(), MAX_NAME_LENGTH, field + ".reference");
            requireLength(evidence.description(), MAX_TEXT_LENGTH, field + ".description");
        }
    }


    /** A date the spell's events rest on lies between the registration and the day it is recorded. */
    private void requireWithinSpell(LocalDate date, LocalDate recordedOn, String ruleId, String field) {
        if (date == null) {
            throw CaseRuleViolation.invalid(ruleId, "DATE_MISSING", field);
        }
        if (date.isBefore(registeredOn)) {
            throw CaseRuleViolation.invalid(ruleId, "DATE_BEFORE_REGISTRATION", field);
        }
        if (recordedOn == null) {
            throw CaseRuleViolation.invalid("INPUT", "RECORDING_DATE_MISSING", "recordedOn");
        }
        if (date.isAfter(recordedOn)) {
            throw CaseRuleViolation.invalid(ruleId, "DATE_IN_FUTURE", field);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    // ------------------------------------------------------------ entrepreneurship (ENT-1..ENT-5)

    /** ENT-1; counted at the enrolling officer's agency. A resent training ID records nothing. */
    @CommandHandler
    public void handle(EnrolInEntrepreneurshipTrainingCommand command, MetaData metaData,
                       TrainingInstitutions institutions) {
        if (isBlank(command.trainingId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "trainingId");
        }
        if (entrepreneurship.knowsTraining(command.trainingId())) {
            return;
        }
        requireNotErased();
        Object actingAgency = metaData.get(CaseMetadata.AGENCY);
        entrepreneurship.enrol(caseId, command, actingAgency == null ? responsibleAgencyId : actingAgency.toString(),
                institutions);
    }

    @CommandHandler
    public void handle(CompleteEntrepreneurshipTrainingCommand command) {
        entrepreneurship.complete(caseId, command);
    }

    @CommandHandler
    public void handle(RecordTrainingDropOutCommand command) {
        entrepreneurship.dropOut(caseId, command);
    }

    /**
     * ENT-2..ENT-5: the application and its assessment, every failed condition named. A resent loan ID
     * is answered with the recorded assessment and records nothing.
     */
    @CommandHandler
    public GuaranteeLoanEligibilityAssessed handle(ApplyForGuaranteeLoanCommand command, MetaData metaData,
                                                   LoanPolicyBook policies) {
        if (isBlank(command.loanId())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "loanId");
        }
        GuaranteeLoanEligibilityAssessed recorded = entrepreneurship.recordedAssessment(command.loanId());
        if (recorded != null) {
            return recorded;
        }
        requireNotErased();
        Object actingAgency = metaData.get(CaseMetadata.AGENCY);
        String agencyId = !isBlank(command.agencyId()) ? command.agencyId()
                : actingAgency != null ? actingAgency.toString() : responsibleAgencyId;
        return entrepreneurship.applyForLoan(caseId, command, agencyId, policies);
    }

    @CommandHandler
    public void handle(ApproveGuaranteeLoanCommand command) {
        entrepreneurship.approve(caseId, command);
    }

    @CommandHandler
    public void handle(DeclineGuaranteeLoanCommand command) {
        entrepreneurship.decline(caseId, command);
    }

    @CommandHandler
    public void handle(RecordLoanDisbursementCommand command, DeadlineManager deadlines) {
        entrepreneurship.disburse(caseId, command, deadlines);
    }

    @CommandHandler
    public void handle(RecordLoanRepaymentCommand command) {
        entrepreneurship.repay(caseId, command);
    }

    @CommandHandler
    public void handle(ReportLoanOverdueCommand command) {
        entrepreneurship.reportOverdue(caseId, command);
    }

    @CommandHandler
    public void handle(RecordInterestSubsidyCommand command) {
        entrepreneurship.subsidiseInterest(caseId, command);
    }

    /** ENT-5: the term ended with principal owing. Deterministic: the day comes from the deadline. */
    @DeadlineHandler(deadlineName = LoanClock.MATURITY)
    void loanMaturityPassed(LoanClock clock, MetaData metaData) {
        entrepreneurship.maturityPassed(caseId, clock, SubsidyClock.eventMetaData(metaData));
    }

    @EventSourcingHandler
    void on(EntrepreneurshipTrainingEnrolled event) {
        entrepreneurship.on(event);
        retainFrom(event.startsOn());
        // The person enrolled at the agency when it was recorded; a course starting later is no later contact.
        proposals.contacted(event.recordedOn() != null && event.recordedOn().isBefore(event.startsOn())
                ? event.recordedOn() : event.startsOn());
    }

    @EventSourcingHandler
    void on(EntrepreneurshipTrainingCompleted event) {
        entrepreneurship.on(event);
        retainFrom(event.completedOn());
        // Attending a course is dealing with the agency: its end is the latest day of that contact.
        proposals.contacted(event.completedOn());
    }

    @EventSourcingHandler
    void on(EntrepreneurshipTrainingDroppedOut event) {
        entrepreneurship.on(event);
        retainFrom(event.droppedOutOn());
    }

    @EventSourcingHandler
    void on(GuaranteeLoanApplied event) {
        entrepreneurship.on(event);
        retainFrom(event.appliedOn());
        proposals.contacted(event.appliedOn());
    }

    @EventSourcingHandler
    void on(GuaranteeLoanEligibilityAssessed event) {
        entrepreneurship.on(event);
    }

    @EventSourcingHandler
    void on(GuaranteeLoanApproved event) {
        entrepreneurship.on(event);
        retainFrom(event.approvedOn());
    }

    @EventSourcingHandler
    void on(GuaranteeLoanDeclined event) {
        entrepreneurship.on(event);
        retainFrom(event.declinedOn());
    }

    @EventSourcingHandler
    void on(GuaranteeLoanDisbursed event) {
        entrepreneurship.on(event);
        retainFrom(event.disbursedOn());
    }

    @EventSourcingHandler
    void on(LoanRepaymentRecorded event) {
        entrepreneurship.on(event);
        retainFrom(event.paidOn());
    }

    @EventSourcingHandler
    void on(GuaranteeLoanOverdue event) {
        entrepreneurship.on(event);
    }

    @EventSourcingHandler
    void on(GuaranteeLoanRepaid event) {
        entrepreneurship.on(event);
        retainFrom(event.repaidOn());
    }

    @EventSourcingHandler
    void on(LoanInterestSubsidised event) {
        entrepreneurship.on(event);
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        person = bound(event.person());
        responsibleAgencyId = event.agencyId();
        entrepreneurship.opened(event.birthDate(), event.sex());
    }

    @EventSourcingHandler
    void on(PersonalDetailsUpdated event) {
        person = bound(event.person());
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        person = PersonalData.erased(caseId);
        personalDataErased = true;
    }

    /** Events stored before encryption carry no subject; bind them, so that snapshots are sealed too. */
    private PersonalData bound(PersonalData data) {
        return data == null || data.dataSubject() != null ? data : data.withDataSubject(caseId);
    }

    @EventSourcingHandler
    void on(RegistrationRefused event) {
        retainFrom(event.appliedOn());
    }

    private void retainFrom(LocalDate date) {
        if (date != null && (retentionStartsOn == null || date.isAfter(retentionStartsOn))) {
            retentionStartsOn = date;
        }
    }

    @EventSourcingHandler
    void on(RegistrationApplied event) {
        spell = event.spell();
        state = SpellState.PENDING;
        responsibleAgencyId = event.agencyId();
        appliedOn = event.appliedOn();
        retainFrom(event.appliedOn());
        decisionDueOn = event.decisionDueOn();
        pendingChannel = event.channel();
        pendingReason = event.reason();
        pendingCategories = event.categories();
        pendingPolicyVersion = event.policyVersion();
    }

    @EventSourcingHandler
    void on(RegistrationRejected event) {
        state = SpellState.NONE;
        retainFrom(event.decidedOn());
        clearPending();
    }

    @EventSourcingHandler
    void on(UnemploymentRegistered event) {
        spell = event.spell();
        state = SpellState.ACTIVE;
        responsibleAgencyId = event.agencyId();
        registeredOn = event.registeredOn();
        retainFrom(event.registeredOn());
        entrepreneurship.spellStarted(event.registeredOn(), event.categories());
        proposals.spellStarted(event.registeredOn());
        clearPending();
    }

    @EventSourcingHandler
    void on(TrackingContactRecorded event) {
        contactIds.add(event.contactId());
        retainFrom(event.contactDate());
        // A record about the person is no dealing with them, whatever the contact says.
        if (event.reached() && event.method() != ContactMethod.INFORMATION_COMPARISON) {
            proposals.contacted(event.contactDate());
        }
    }

    @EventSourcingHandler
    void on(Employed event) {
        state = SpellState.NONE;
        jobSeeking.spellEnded();
        proposals.spellEnded();
        entrepreneurship.spellEnded(event.employment() == null ? null : event.employment().startDate());
        retainFrom(event.employment() == null ? null : event.employment().startDate());
    }

    @EventSourcingHandler
    void on(RegistrationCancelled event) {
        state = SpellState.NONE;
        jobSeeking.spellEnded();
        proposals.spellEnded();
        entrepreneurship.spellEnded(event.effectiveDate());
        retainFrom(event.effectiveDate());
    }

    @EventSourcingHandler
    void on(CertificateSubmitted event) {
        subsidies.put(event.applicationId(), new SubsidyApplication(event));
        retainFrom(event.receivedOn());
        proposals.contacted(event.receivedOn());
    }

    @EventSourcingHandler
    void on(CertificateRefused event) {
        refusedSubsidies.put(event.applicationId(), List.copyOf(event.reasons()));
        retainFrom(event.receivedOn());
    }

    @EventSourcingHandler
    void on(SubsidyApproved event) {
        if (event.allowanceAmount() != null && event.allowanceAmount().signum() > 0) {
            allowanceApplicationId = event.applicationId();
        }
        retainFrom(event.decidedOn());
    }

    @EventSourcingHandler
    void on(SubsidyRejected event) {
        // An application that pays nothing leaves the person's one allowance for a later one (SUB-6).
        if (event.applicationId().equals(allowanceApplicationId)) {
            allowanceApplicationId = null;
        }
        retainFrom(event.decidedOn());
    }

    @EventSourcingHandler
    void on(SubsidyPaid event) {
        retainFrom(event.paidOn());
    }

    private void clearPending() {
        appliedOn = null;
        decisionDueOn = null;
        pendingChannel = null;
        pendingReason = null;
        pendingCategories = null;
        pendingPolicyVersion = null;
    }

    // ------------------------------------------------------------ job seeking state

    @EventSourcingHandler
    void on(JobSeekingRegistered event) {
        jobSeeking.on(event);
        retainFrom(event.receivedOn());
        proposals.contacted(event.receivedOn());
    }

    @EventSourcingHandler
    void on(JobIntentionsUpdated event) {
        jobSeeking.on(event);
        proposals.contacted(event.updatedOn());
    }

    @EventSourcingHandler
    void on(JobSeekingPublished event) {
        jobSeeking.on(event);
    }

    @EventSourcingHandler
    void on(JobSeekingRejected event) {
        jobSeeking.on(event);
    }

    @EventSourcingHandler
    void on(JobSeekingReviewDeadlineMissed event) {
        jobSeeking.on(event);
    }

    @EventSourcingHandler
    void on(JobSeekingClosed event) {
        jobSeeking.on(event);
    }

    @EventSourcingHandler
    void on(JobReferred event) {
        jobSeeking.on(event);
        retainFrom(event.referredOn());
    }

    @EventSourcingHandler
    void on(ReferralOutcomeRecorded event) {
        jobSeeking.on(event);
        retainFrom(event.outcomeOn());
        proposals.contacted(event.outcomeOn());
    }

    @EventSourcingHandler
    void on(CancellationProposed event) {
        jobSeeking.on(event);
    }

    @EventSourcingHandler
    void on(CancellationProposalConfirmed event) {
        jobSeeking.on(event);
    }

    @EventSourcingHandler
    void on(CancellationProposalDismissed event) {
        jobSeeking.on(event);
    }

    @EventSourcingHandler
    void on(CareerGuidanceGiven event) {
        jobSeeking.on(event);
        retainFrom(event.heldOn());
        proposals.contacted(event.heldOn());
    }

    // ------------------------------------------------------------ status-change proposal state

    @EventSourcingHandler
    void on(StatusChangeProposed event) {
        proposals.on(event);
    }

    @EventSourcingHandler
    void on(StatusChangeProposalConfirmed event) {
        proposals.on(event);
    }

    @EventSourcingHandler
    void on(StatusChangeProposalDismissed event) {
        proposals.on(event);
    }

    /** For tests of the snapshot shape. */
    StatusChangeProposals proposalsState() {
        return proposals;
    }
}
