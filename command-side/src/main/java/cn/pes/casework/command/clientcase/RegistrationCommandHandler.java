package cn.pes.casework.command.clientcase;

import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.command.calendar.DueDate;
import cn.pes.casework.command.calendar.WorkingDayCalendar;
import cn.pes.casework.security.protection.BlindIndex;
import cn.pes.casework.command.identity.InvalidIdNumberException;
import cn.pes.casework.command.identity.ResidentIdNumber;
import cn.pes.casework.command.policy.RegistrationPolicy;
import cn.pes.casework.command.policy.RegistrationPolicyBook;
import cn.pes.casework.command.policy.TrackingPolicyBook;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.registration.RegistrationOutcome;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RefusalReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Handles registration outside the aggregate because it starts with a set-based question — does
 * this person already have a case? — that one aggregate cannot answer. The decision itself is the
 * case's ({@link ClientCase#register}).
 */
@Component
class RegistrationCommandHandler {

    private final Repository<ClientCase> cases;
    private final PersonCaseIndex personCases;
    private final BlindIndex blindIndex;
    private final RegistrationPolicyBook policies;
    private final WorkingDayCalendar calendar;
    private final AgencyDirectory agencies;

    RegistrationCommandHandler(Repository<ClientCase> cases, PersonCaseIndex personCases, BlindIndex blindIndex,
                               RegistrationPolicyBook policies, WorkingDayCalendar calendar, AgencyDirectory agencies) {
        this.cases = cases;
        this.personCases = personCases;
        this.blindIndex = blindIndex;
        this.policies = policies;
        this.calendar = calendar;
        this.agencies = agencies;
    }

    /**
     * The tracking policy and the deadline manager come with the command rather than the constructor:
     * the case needs them only to start the lost-contact clock of a spell that begins now.
     */
    @CommandHandler
    RegistrationOutcome handle(RegisterUnemploymentCommand command, TrackingPolicyBook tracking,
                               DeadlineManager deadlines) throws Exception {
        requireWellFormed(command);
        ResidentIdNumber idNumber = parseIdNumber(command);
        RegistrationPolicy policy = policies.inForceOn(command.applicationDate());
        List<RefusalReason> failed = EligibilityRules.failedConditions(command, idNumber, policy);
        DueDate decisionDue = command.channel().isOnline()
                ? calendar.addWorkingDays(command.applicationDate(), policy.onlineDecisionWorkingDays())
                : null;

        String hash = blindIndex.ofIdNumber(idNumber.value());
        Optional<String> existing = personCases.caseOf(hash);
        Aggregate<ClientCase> clientCase;
        if (existing.isPresent()) {
            clientCase = cases.load(existing.get());
        } else {
            personCases.claim(hash, command.newCaseId());
            clientCase = cases.newInstance(() -> new ClientCase(command.newCaseId(), command, idNumber));
        }
        return clientCase.invoke(c -> c.register(command, failed, policy, decisionDue, tracking, deadlines));
    }

    private void requireWellFormed(RegisterUnemploymentCommand command) {
        if (command.newCaseId() == null || command.newCaseId().isBlank()) {
            throw CaseRuleViolation.invalid("INPUT", "CASE_ID_MISSING", "newCaseId");
        }
        if (command.person() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "person");
        }
        if (command.person().name() == null || command.person().name().isBlank()) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "person.name");
        }
        if (command.applicationDate() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "applicationDate");
        }
        if (command.channel() == null) {
            throw CaseRuleViolation.invalid("REG-3", "CHANNEL_MISSING", "channel");
        }
        if (command.channel() != Channel.WINDOW && !command.channel().isOnline()) {
            throw CaseRuleViolation.invalid("REG-3", "NOT_A_REGISTRATION_CHANNEL", "channel");
        }
        if (command.declaration() == null) {
            throw CaseRuleViolation.invalid("REG-1", "DECLARATION_MISSING", "declaration");
        }
        if (command.reason() == null) {
            throw CaseRuleViolation.invalid("REG-7", "REASON_MISSING", "reason");
        }
        if (command.agencyId() == null || !agencies.exists(command.agencyId())) {
            throw CaseRuleViolation.invalid("REG-4", "UNKNOWN_AGENCY", "agencyId");
        }
    }

    private static ResidentIdNumber parseIdNumber(RegisterUnemploymentCommand command) {
        ResidentIdNumber idNumber;
        try {
            idNumber = ResidentIdNumber.parse(command.person().idNumber());
        } catch (InvalidIdNumberException e) {
            throw CaseRuleViolation.invalid("REG-6", "ID_NUMBER_" + e.problem().name(), "person.idNumber");
        }
        if (idNumber.bornAfter(command.applicationDate())) {
            throw CaseRuleViolation.invalid("REG-6", "ID_NUMBER_BIRTH_DATE_AFTER_APPLICATION", "person.idNumber");
        }
        return idNumber;
    }
}
