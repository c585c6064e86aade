package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.calendar.DueDate;
import cn.pes.casework.command.identity.ResidentIdNumber;
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
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.events.shared.CaseMetadata;
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

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
@Aggregate(snapshotTriggerDefinition = "caseSnapshotTrigger")
@Revision("2") // of the snapshot shape: a snapshot of another revision is ignored and the case rebuilt from its events
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
                                 RegistrationPolicy policy, DueDate onlineDecisionDue) {
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
        if (actingAgency != null && !agencies.covers(actingAgency.toString(), responsibleAgencyId)) {
            throw CaseRuleViolation.notFound();
        }
        return chain.proceed();
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
    public void handle(ApproveRegistrationCommand command) {
        requirePending();
        requireDecisionDate(command.decidedOn());
        apply(new RegistrationApproved(caseId, spell, command.decidedOn(), command.decidedOn().isAfter(decisionDueOn)));
        apply(new UnemploymentRegistered(caseId, spell, command.decidedOn(), pendingChannel, null, pendingReason,
                pendingCategories, responsibleAgencyId, pendingPolicyVersion));
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
        requireWithinSpell(command.effectiveDate(), command.recordedOn(), "CAN-2", "effectiveDate");
        if (command.notification() == null || command.notification().method() == null) {
            throw CaseRuleViolation.invalid("CAN-2", "NOTIFICATION_MISSING", "notification");
        }
        requireWithinSpell(command.notification().notifiedOn(), command.recordedOn(), "CAN-2", "notification.notifiedOn");
        apply(new RegistrationCancelled(caseId, spell, command.ground(), command.evidence(), command.effectiveDate(),
                command.notification(), responsibleAgencyId));
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

    /** Free text is part of permanent history and of read-model documents: keep it bounded. */
    private static void requireLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw CaseRuleViolation.invalid("INPUT", "TOO_LONG", field);
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

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        person = bound(event.person());
        responsibleAgencyId = event.agencyId();
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
        clearPending();
    }

    @EventSourcingHandler
    void on(TrackingContactRecorded event) {
        contactIds.add(event.contactId());
        retainFrom(event.contactDate());
    }

    @EventSourcingHandler
    void on(Employed event) {
        state = SpellState.NONE;
        retainFrom(event.employment() == null ? null : event.employment().startDate());
    }

    @EventSourcingHandler
    void on(RegistrationCancelled event) {
        state = SpellState.NONE;
        retainFrom(event.effectiveDate());
    }

    private void clearPending() {
        appliedOn = null;
        decisionDueOn = null;
        pendingChannel = null;
        pendingReason = null;
        pendingCategories = null;
        pendingPolicyVersion = null;
    }
}
