package cn.pes.casework.command.fair;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.clientcase.ClientCase;
import cn.pes.casework.command.employer.Employer;
import cn.pes.casework.events.fair.EnrolFairEmployerCommand;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.InviteToFairCommand;
import cn.pes.casework.events.fair.RecordFairAttendanceCommand;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static cn.pes.casework.command.clientcase.InputChecks.requirePresent;

/**
 * Handles what a fair decides with another aggregate's answer (JOB-5): an employer's published
 * vacancies, a person's case. The decision stays the fair's; this loads the others next to it.
 * <p>
 * Aggregates are loaded in the order a referral loads them — case or employer first, the fair last —
 * so that a referral counted for a fair and a change to that fair never wait on each other's locks.
 * The fair's interceptor does not run for a fair loaded here, so its scope is asked for explicitly.
 * The employer must be one the acting agency may act for, as for any other command on it.
 */
@Component
class FairCommandHandler {

    static final int MAX_VACANCIES = 100;

    private final Repository<RecruitmentFair> fairs;
    private final Repository<Employer> employers;
    private final Repository<ClientCase> cases;
    private final AgencyDirectory agencies;

    FairCommandHandler(Repository<RecruitmentFair> fairs, Repository<Employer> employers,
                       Repository<ClientCase> cases, AgencyDirectory agencies) {
        this.fairs = fairs;
        this.employers = employers;
        this.cases = cases;
        this.agencies = agencies;
    }

    @CommandHandler
    void handle(EnrolFairEmployerCommand command, MetaData metaData) {
        requirePresent(command.fairId(), "fairId");
        requirePresent(command.employerId(), "employerId");
        if (command.vacancyIds() == null || command.vacancyIds().isEmpty()) {
            throw CaseRuleViolation.invalid("JOB-5", "NO_VACANCY", "vacancyIds");
        }
        if (command.vacancyIds().size() > MAX_VACANCIES) {
            throw CaseRuleViolation.invalid("INPUT", "TOO_MANY", "vacancyIds");
        }
        if (command.vacancyIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "vacancyIds");
        }
        Object actingAgency = metaData.get(CaseMetadata.AGENCY);
        Aggregate<Employer> employer = employer(command.employerId(), actingAgency);
        Aggregate<RecruitmentFair> fair = fair(command.fairId(), actingAgency);
        Set<String> vacancyIds = new LinkedHashSet<>(command.vacancyIds());
        List<FairVacancy> offered = new ArrayList<>();
        String name = employer.invoke(e -> {
            for (String vacancyId : vacancyIds) {
                offered.add(e.publishedVacancy(vacancyId)
                        .map(posted -> new FairVacancy(vacancyId, posted.occupation(), posted.headcount()))
                        .orElseThrow(() -> CaseRuleViolation.conflict("JOB-5", "VACANCY_NOT_PUBLISHED", "vacancyIds")));
            }
            return e.name();
        });
        fair.execute(f -> f.enrol(command.employerId(), name, offered));
    }

    @CommandHandler
    void handle(InviteToFairCommand command, MetaData metaData) {
        requirePresent(command.fairId(), "fairId");
        requirePresent(command.caseId(), "caseId");
        requireCase(command.caseId());
        fair(command.fairId(), metaData.get(CaseMetadata.AGENCY))
                .execute(f -> f.invite(command.caseId(), command.invitedOn()));
    }

    @CommandHandler
    void handle(RecordFairAttendanceCommand command, MetaData metaData) {
        requirePresent(command.fairId(), "fairId");
        requirePresent(command.caseId(), "caseId");
        requireCase(command.caseId());
        fair(command.fairId(), metaData.get(CaseMetadata.AGENCY))
                .execute(f -> f.attend(command.caseId(), command.attendedOn()));
    }

    private Aggregate<RecruitmentFair> fair(String fairId, Object actingAgency) {
        Aggregate<RecruitmentFair> fair;
        try {
            fair = fairs.load(fairId);
        } catch (AggregateNotFoundException e) {
            throw RecruitmentFair.notFound();
        }
        fair.execute(f -> f.requireInScope(actingAgency, agencies));
        return fair;
    }

    private Aggregate<Employer> employer(String employerId, Object actingAgency) {
        Aggregate<Employer> employer;
        try {
            employer = employers.load(employerId);
        } catch (AggregateNotFoundException e) {
            throw Employer.notFound();
        }
        String area = employer.invoke(Employer::areaAgencyId);
        if (actingAgency != null && !agencies.covers(actingAgency.toString(), area)) {
            throw Employer.notFound();
        }
        return employer;
    }

    /** Only that the case exists: who may invite a person is the fair's scope, not the case's. */
    private void requireCase(String caseId) {
        try {
            cases.load(caseId);
        } catch (AggregateNotFoundException e) {
            throw CaseRuleViolation.notFound();
        }
    }

}
