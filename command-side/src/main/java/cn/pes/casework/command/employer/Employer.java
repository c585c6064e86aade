package cn.pes.casework.command.employer;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.events.employer.CloseVacancyCommand;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.PostVacancyCommand;
import cn.pes.casework.events.employer.PublishVacancyCommand;
import cn.pes.casework.events.employer.RecordRecruitmentGuidanceCommand;
import cn.pes.casework.events.employer.RecruitmentGuidanceGiven;
import cn.pes.casework.events.employer.RegisterEmployerCommand;
import cn.pes.casework.events.employer.RejectVacancyCommand;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyClosed;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.employer.VacancyRejected;
import cn.pes.casework.events.employer.VacancyStatus;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static cn.pes.casework.command.clientcase.InputChecks.requirePresent;
import static cn.pes.casework.command.clientcase.InputChecks.requireLength;
import static cn.pes.casework.command.clientcase.InputChecks.requireDate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An employer (用人单位) and its vacancies (JOB-3): registered once per unified social credit code,
 * posting vacancies that the agency reviews before job seekers see them, closing them when filled or
 * withdrawn; guidance sessions for it (用人单位招聘指导, JOB-1). Vacancies live inside the employer: every rule about one needs only the employer's own
 * history, and an employer posts few enough that one stream stays small.
 * <p>
 * The acting agency must cover the employer's area (itself, its county, the city); elsewhere the
 * employer answers as if it did not exist, as cases do. Dates come in the commands: nothing here
 * reads a clock.
 */
@Aggregate
public class Employer {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 1000;
    static final int MAX_HEADCOUNT = 10_000;

    @AggregateIdentifier
    private String employerId;
    private String areaAgencyId;
    private String name;
    private final Map<String, Vacancy> vacancies = new HashMap<>();
    private final Map<String, RecruitmentGuidanceGiven> guidanceSessions = new HashMap<>();

    /**
     * The part of a vacancy the rules need; the posted content only to recognise a resent post. A value
     * (replaced, never changed) so that Axon's test fixture can compare the state it sourced.
     */
    private record Vacancy(VacancyPosted posted, VacancyStatus status) {

        Vacancy with(VacancyStatus next) {
            return new Vacancy(posted, next);
        }
    }

    protected Employer() {
    }

    @CommandHandler
    Employer(RegisterEmployerCommand command, MetaData metaData, EmployerIndex index, AgencyDirectory agencies) {
        requirePresent(command.employerId(), "employerId");
        requirePresent(command.name(), "name");
        requirePresent(command.registeredAddress(), "registeredAddress");
        requireLength(command.name(), MAX_NAME_LENGTH, "name");
        requireLength(command.registeredAddress(), MAX_TEXT_LENGTH, "registeredAddress");
        if (command.registeredOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "registeredOn");
        }
        UnifiedSocialCreditCode code;
        try {
            code = UnifiedSocialCreditCode.parse(command.creditCode());
        } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
            throw CaseRuleViolation.invalid("JOB-3", "CREDIT_CODE_" + e.problem().name(), "creditCode");
        }
        if (!agencies.exists(command.areaAgencyId())) {
            throw CaseRuleViolation.invalid("JOB-3", "UNKNOWN_AGENCY", "areaAgencyId");
        }
        Object actingAgency = metaData.get(CaseMetadata.AGENCY);
        if (actingAgency != null && !agencies.covers(actingAgency.toString(), command.areaAgencyId())) {
            throw CaseRuleViolation.refused("JOB-3", "AREA_NOT_COVERED", "areaAgencyId");
        }
        PersonalData contact = contact(command.contact(), command.employerId());
        // Checked before claiming so that the common case answers without a failed insert, which
        // would abort the whole transaction on PostgreSQL; the claim still settles a race.
        if (index.isRegistered(code)) {
            throw EmployerIndex.alreadyRegistered();
        }
        index.claim(code, command.employerId());
        apply(new EmployerRegistered(command.employerId(), code.value(), command.name().strip(),
                command.registeredAddress().strip(), command.areaAgencyId(), contact, command.registeredOn()));
    }

    /**
     * Only name and phone are kept, bound to the employer as data subject so that every stored copy is
     * sealed with the employer's key. An ID number has no purpose here and is refused rather than kept.
     */
    private static PersonalData contact(PersonalData given, String employerId) {
        if (given == null || given.name() == null || given.name().isBlank()) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "contact.name");
        }
        requireLength(given.name(), MAX_NAME_LENGTH, "contact.name");
        if (given.phone() == null || given.phone().isBlank()) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "contact.phone");
        }
        if (!given.phone().strip().matches("[0-9+\\- ]{5,20}")) {
            throw CaseRuleViolation.invalid("INPUT", "PHONE_FORMAT", "contact.phone");
        }
        if (given.idNumber() != null) {
            throw CaseRuleViolation.invalid("INPUT", "NOT_ACCEPTED", "contact.idNumber");
        }
        return new PersonalData(null, given.name().strip(), given.phone().strip(), employerId);
    }

    @CommandHandlerInterceptor
    Object requireInScope(CommandMessage<?> command, InterceptorChain chain, AgencyDirectory agencies) throws Exception {
        Object actingAgency = command.getMetaData().get(CaseMetadata.AGENCY);
        if (actingAgency != null && !agencies.covers(actingAgency.toString(), areaAgencyId)) {
            throw notFound();
        }
        return chain.proceed();
    }

    /** An unknown employer, or one outside the acting agency's scope: both answer the same. */
    public static CaseRuleViolation notFound() {
        return new CaseRuleViolation(RuleViolation.of("INPUT", "EMPLOYER_NOT_FOUND", "employerId",
                RuleViolation.Kind.NOT_FOUND));
    }

    /** A resent post of the same vacancy (a retried request) is answered without posting it again. */
    @CommandHandler
    void handle(PostVacancyCommand command, AgencyDirectory agencies) {
        requirePresent(command.vacancyId(), "vacancyId");
        requirePresent(command.occupation(), "occupation");
        requireLength(command.occupation(), MAX_NAME_LENGTH, "occupation");
        requireLength(command.requirements(), MAX_TEXT_LENGTH, "requirements");
        if (command.headcount() < 1) {
            throw CaseRuleViolation.invalid("JOB-3", "HEADCOUNT_BELOW_ONE", "headcount");
        }
        if (command.headcount() > MAX_HEADCOUNT) {
            throw CaseRuleViolation.invalid("JOB-3", "HEADCOUNT_TOO_LARGE", "headcount");
        }
        WageRange wage = command.wage();
        if (wage == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "wage");
        }
        if (wage.minYuan() < 0) {
            throw CaseRuleViolation.invalid("JOB-3", "WAGE_NEGATIVE", "wage.minYuan");
        }
        if (wage.minYuan() > wage.maxYuan()) {
            throw CaseRuleViolation.invalid("JOB-3", "WAGE_MIN_ABOVE_MAX", "wage.minYuan");
        }
        if (!agencies.exists(command.areaAgencyId())) {
            throw CaseRuleViolation.invalid("JOB-3", "UNKNOWN_AGENCY", "areaAgencyId");
        }
        EmploymentForm form = command.form();
        if (form == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "form");
        }
        if (command.postedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "postedOn");
        }
        VacancyPosted posted = new VacancyPosted(employerId, command.vacancyId(), command.occupation().strip(),
                command.headcount(), wage, command.areaAgencyId(), form,
                command.requirements() == null || command.requirements().isBlank() ? null
                        : command.requirements().strip(), command.postedOn());
        Vacancy existing = vacancies.get(command.vacancyId());
        if (existing != null) {
            if (existing.posted().equals(posted)) {
                return;
            }
            throw CaseRuleViolation.conflict("JOB-3", "VACANCY_ID_TAKEN", "vacancyId");
        }
        apply(posted);
    }

    @CommandHandler
    void handle(PublishVacancyCommand command) {
        requireDate(command.reviewedOn(), "reviewedOn");
        requirePending(command.vacancyId());
        apply(new VacancyPublished(employerId, command.vacancyId(), command.reviewedOn()));
    }

    @CommandHandler
    void handle(RejectVacancyCommand command) {
        requirePresent(command.reason(), "reason");
        requireLength(command.reason(), MAX_TEXT_LENGTH, "reason");
        requireDate(command.reviewedOn(), "reviewedOn");
        requirePending(command.vacancyId());
        apply(new VacancyRejected(employerId, command.vacancyId(), command.reason().strip(), command.reviewedOn()));
    }

    /** Filled needs a published vacancy (nobody can be hired from an unpublished one); withdrawn does not. */
    @CommandHandler
    void handle(CloseVacancyCommand command) {
        if (command.reason() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "reason");
        }
        requireDate(command.closedOn(), "closedOn");
        Vacancy vacancy = vacancy(command.vacancyId());
        boolean allowed = switch (command.reason()) {
            case FILLED -> vacancy.status() == VacancyStatus.PUBLISHED;
            case WITHDRAWN -> vacancy.status() == VacancyStatus.PUBLISHED || vacancy.status() == VacancyStatus.PENDING_REVIEW;
        };
        if (!allowed) {
            throw CaseRuleViolation.conflict("JOB-3", command.reason() == VacancyCloseReason.FILLED
                    ? "VACANCY_NOT_PUBLISHED" : "VACANCY_NOT_OPEN", "vacancyId");
        }
        apply(new VacancyClosed(employerId, command.vacancyId(), command.reason(), command.closedOn()));
    }

    /**
     * Records a guidance session (JOB-1) in the name of the agency whose officer held it; one recorded
     * by the platform itself is the employer's area agency's. A resent session (a retried request) is
     * answered without recording it again; another session under the same ID is refused.
     */
    @CommandHandler
    void handle(RecordRecruitmentGuidanceCommand command, MetaData metaData) {
        requirePresent(command.sessionId(), "sessionId");
        if (command.topic() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "topic");
        }
        requirePresent(command.notes(), "notes");
        requireLength(command.notes(), MAX_TEXT_LENGTH, "notes");
        requireLength(command.followUp(), MAX_TEXT_LENGTH, "followUp");
        requireDate(command.heldOn(), "heldOn");
        requireDate(command.recordedOn(), "recordedOn");
        if (command.heldOn().isAfter(command.recordedOn())) {
            throw CaseRuleViolation.invalid("JOB-1", "HELD_AFTER_RECORDING", "heldOn");
        }
        Object actingAgency = metaData.get(CaseMetadata.AGENCY);
        RecruitmentGuidanceGiven given = new RecruitmentGuidanceGiven(employerId, command.sessionId(), command.topic(),
                command.notes().strip(),
                command.followUp() == null || command.followUp().isBlank() ? null : command.followUp().strip(),
                command.heldOn(), actingAgency == null ? areaAgencyId : actingAgency.toString());
        RecruitmentGuidanceGiven existing = guidanceSessions.get(command.sessionId());
        if (existing != null) {
            if (existing.equals(given)) {
                return;
            }
            throw CaseRuleViolation.conflict("JOB-1", "SESSION_ID_TAKEN", "sessionId");
        }
        apply(given);
    }

    /** The employer's registered name, for messages that show where a person was sent. */
    public String name() {
        return name;
    }

    /**
     * A vacancy as posted, when it is published and not closed: what a referral or a fair may offer
     * (JOB-4, JOB-5). Read by command handlers that load the employer next to another aggregate.
     */
    public Optional<VacancyPosted> publishedVacancy(String vacancyId) {
        Vacancy vacancy = vacancyId == null ? null : vacancies.get(vacancyId);
        return vacancy != null && vacancy.status() == VacancyStatus.PUBLISHED
                ? Optional.of(vacancy.posted()) : Optional.empty();
    }

    /** The area the employer is registered in: its agency and those above it act for it. */
    public String areaAgencyId() {
        return areaAgencyId;
    }

    private void requirePending(String vacancyId) {
        if (vacancy(vacancyId).status() != VacancyStatus.PENDING_REVIEW) {
            throw CaseRuleViolation.conflict("JOB-3", "VACANCY_NOT_PENDING_REVIEW", "vacancyId");
        }
    }

    private Vacancy vacancy(String vacancyId) {
        Vacancy vacancy = vacancyId == null ? null : vacancies.get(vacancyId);
        if (vacancy == null) {
            throw new CaseRuleViolation(RuleViolation.of("INPUT", "VACANCY_NOT_FOUND", "vacancyId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        return vacancy;
    }




    @EventSourcingHandler
    void on(EmployerRegistered event) {
        employerId = event.employerId();
        areaAgencyId = event.areaAgencyId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(VacancyPosted event) {
        vacancies.put(event.vacancyId(), new Vacancy(event, VacancyStatus.PENDING_REVIEW));
    }

    @EventSourcingHandler
    void on(VacancyPublished event) {
        vacancies.computeIfPresent(event.vacancyId(), (id, vacancy) -> vacancy.with(VacancyStatus.PUBLISHED));
    }

    @EventSourcingHandler
    void on(VacancyRejected event) {
        vacancies.computeIfPresent(event.vacancyId(), (id, vacancy) -> vacancy.with(VacancyStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(RecruitmentGuidanceGiven event) {
        guidanceSessions.put(event.sessionId(), event);
    }

    @EventSourcingHandler
    void on(VacancyClosed event) {
        vacancies.computeIfPresent(event.vacancyId(), (id, vacancy) -> vacancy.with(VacancyStatus.CLOSED));
    }
}
