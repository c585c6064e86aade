package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.employer.Employer;
import cn.pes.casework.command.fair.FairOffers;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Handles a referral (推荐就业, JOB-4) outside the case because it needs a second aggregate: the
 * employer, whose published vacancy is what the person is sent to, and — for a referral at a
 * recruitment fair (JOB-5) — the fair. The case decides the rest ({@link ClientCase#refer}).
 * <p>
 * The case's own scope check does not run for a command handled here, so it is made here, first:
 * outside the case's agencies the case answers as if it did not exist, before anything about the
 * employer is told.
 */
@Component
class ReferralCommandHandler {

    private final Repository<ClientCase> cases;
    private final Repository<Employer> employers;
    private final Optional<FairOffers> fairs;
    private final AgencyDirectory agencies;

    ReferralCommandHandler(Repository<ClientCase> cases, Repository<Employer> employers, Optional<FairOffers> fairs,
                           AgencyDirectory agencies) {
        this.cases = cases;
        this.employers = employers;
        this.fairs = fairs;
        this.agencies = agencies;
    }

    @CommandHandler
    void handle(ReferJobSeekerCommand command, MetaData metaData) {
        if (command.caseId() == null || command.caseId().isBlank()) {
            throw CaseRuleViolation.notFound();
        }
        Aggregate<ClientCase> clientCase = cases.load(command.caseId());
        Object actingAgency = metaData.get(CaseMetadata.AGENCY);
        if (actingAgency != null && !clientCase.invoke(c -> c.coveredBy(actingAgency.toString(), agencies))) {
            throw CaseRuleViolation.notFound();
        }
        if (clientCase.invoke(c -> c.knowsReferral(command.referralId()))) {
            return; // the same referral sent again: recorded once, whatever the vacancy is now
        }
        if (command.employerId() == null || command.employerId().isBlank()) {
            throw CaseRuleViolation.invalid("JOB-4", "MISSING", "employerId");
        }
        if (command.vacancyId() == null || command.vacancyId().isBlank()) {
            throw CaseRuleViolation.invalid("JOB-4", "MISSING", "vacancyId");
        }
        Employer employer = employer(command.employerId());
        VacancyPosted posted = employer.publishedVacancy(command.vacancyId())
                .orElseThrow(() -> CaseRuleViolation.conflict("JOB-4", "VACANCY_NOT_PUBLISHED", "vacancyId"));
        if (command.fairId() != null && (fairs.isEmpty()
                || !fairs.get().offers(command.fairId(), command.employerId(), command.vacancyId()))) {
            throw CaseRuleViolation.refused("JOB-5", "NOT_OFFERED_AT_FAIR", "fairId");
        }
        ReferredVacancy vacancy = new ReferredVacancy(command.employerId(), employer.name(), posted.vacancyId(),
                posted.occupation(), posted.wage(), posted.areaAgencyId(), posted.form());
        clientCase.execute(c -> c.refer(command, vacancy));
    }

    /** An employer that was never registered answers not found, as {@code Employer} itself does. */
    private Employer employer(String employerId) {
        Aggregate<Employer> employer;
        try {
            employer = employers.load(employerId);
        } catch (AggregateNotFoundException e) {
            throw new CaseRuleViolation(RuleViolation.of("INPUT", "EMPLOYER_NOT_FOUND", "employerId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        return employer.invoke(e -> e);
    }
}
