package cn.pes.casework.command.fair;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.events.fair.CloseRecruitmentFairCommand;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairEmployerEnrolled;
import cn.pes.casework.events.fair.FairInvitationSent;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.PlanRecruitmentFairCommand;
import cn.pes.casework.events.fair.RecruitmentFairClosed;
import cn.pes.casework.events.fair.RecruitmentFairPlanned;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.pes.casework.command.clientcase.InputChecks.requirePresent;
import static cn.pes.casework.command.clientcase.InputChecks.requireLength;
import static cn.pes.casework.command.clientcase.InputChecks.requireDate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A recruitment fair (招聘会) for unemployed persons (JOB-5), online or at a place: an agency plans
 * it, employers take part with some of their published vacancies (参会单位), registered persons are
 * invited (邀请参会) and come (到场), and once held it is closed with its counts.
 * <p>
 * The counts at closing are those the fair itself recorded: {@code employers} enrolled at closing;
 * {@code vacancies} the positions offered (提供岗位数) — the headcounts of the enrolled vacancies
 * summed, as fair reports state them, not the number of vacancy lines; {@code invited} and
 * {@code attended} distinct persons (a person may come uninvited).
 * <p>
 * The organiser agency's scope applies as for cases and employers: an agency that does not cover the
 * organiser finds no fair. Enrolment, invitations and attendance arrive through
 * {@link FairCommandHandler}, which loads the fair next to the employer or case and asks
 * {@link #requireInScope} itself, because this aggregate's interceptor does not run for a fair loaded
 * from its repository. Dates come in the commands: nothing here reads a clock.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1") // of the snapshot shape: a snapshot of another revision is ignored and the fair rebuilt from its events
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RecruitmentFair {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_PLACE_LENGTH = 500;

    @AggregateIdentifier
    private String fairId;
    private RecruitmentFairPlanned planned;
    private Map<String, Set<FairVacancy>> enrolled = new HashMap<>();
    private Set<String> invited = new HashSet<>();
    private Set<String> attended = new HashSet<>();
    private boolean closed;

    protected RecruitmentFair() {
    }

    /**
     * Created if missing rather than by a constructor so that a resent plan (a retried request)
     * reaches the fair it already created and is answered without a second event.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanRecruitmentFairCommand command, MetaData metaData, AgencyDirectory agencies) {
        requirePresent(command.fairId(), "fairId");
        requirePresent(command.title(), "title");
        requireLength(command.title(), MAX_TITLE_LENGTH, "title");
        if (command.format() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "format");
        }
        requireDate(command.heldOn(), "heldOn");
        requirePresent(command.place(), "place");
        requireLength(command.place(), MAX_PLACE_LENGTH, "place");
        requireDate(command.recordedOn(), "recordedOn");
        if (!agencies.exists(command.organiserAgencyId())) {
            throw CaseRuleViolation.invalid("JOB-5", "UNKNOWN_AGENCY", "organiserAgencyId");
        }
        Object actingAgency = metaData.get(CaseMetadata.AGENCY);
        if (actingAgency != null && !agencies.covers(actingAgency.toString(), command.organiserAgencyId())) {
            throw CaseRuleViolation.refused("JOB-5", "AGENCY_NOT_COVERED", "organiserAgencyId");
        }
        RecruitmentFairPlanned plan = new RecruitmentFairPlanned(command.fairId(), command.title().strip(),
                command.format(), command.heldOn(), command.place().strip(), command.organiserAgencyId());
        if (planned != null) {
            if (planned.equals(plan)) {
                return;
            }
            throw CaseRuleViolation.conflict("JOB-5", "FAIR_ID_TAKEN", "fairId");
        }
        apply(plan);
    }

    /**
     * Commands on a planned fair only from an agency covering its organiser; elsewhere it answers as if
     * it did not exist. A plan for a new fair passes: its own handler checks the organiser named in it.
     */
    @CommandHandlerInterceptor
    Object requireInScope(CommandMessage<?> command, InterceptorChain chain, AgencyDirectory agencies)
            throws Exception {
        if (planned != null) {
            requireInScope(command.getMetaData().get(CaseMetadata.AGENCY), agencies);
        }
        return chain.proceed();
    }

    /** @param actingAgency the command's acting agency; none means the platform itself acts */
    void requireInScope(Object actingAgency, AgencyDirectory agencies) {
        if (actingAgency != null && !agencies.covers(actingAgency.toString(), planned.organiserAgencyId())) {
            throw notFound();
        }
    }

    /** An unknown fair, or one outside the acting agency's scope: both answer the same. */
    public static CaseRuleViolation notFound() {
        return new CaseRuleViolation(RuleViolation.of("INPUT", "FAIR_NOT_FOUND", "fairId",
                RuleViolation.Kind.NOT_FOUND));
    }

    /**
     * Enrols the employer with these vacancies, replacing those it brought before; the same set again
     * is no change. The caller has checked that each is published (JOB-3).
     */
    void enrol(String employerId, String employerName, List<FairVacancy> vacancies) {
        if (Set.copyOf(vacancies).equals(enrolled.get(employerId))) {
            return;
        }
        requireOpen();
        apply(new FairEmployerEnrolled(fairId, employerId, employerName, List.copyOf(vacancies)));
    }

    /** An invitation is for a fair still to come: sent on the day it is held at the latest. */
    void invite(String caseId, LocalDate invitedOn) {
        requireDate(invitedOn, "invitedOn");
        if (invitedOn.isAfter(planned.heldOn())) {
            throw CaseRuleViolation.invalid("JOB-5", "INVITED_AFTER_FAIR", "invitedOn");
        }
        if (invited.contains(caseId)) {
            return;
        }
        requireOpen();
        apply(new FairInvitationSent(fairId, caseId, invitedOn));
    }

    /** Nobody comes before the fair opens; an online fair may run on after its first day. */
    void attend(String caseId, LocalDate attendedOn) {
        requireDate(attendedOn, "attendedOn");
        if (attendedOn.isBefore(planned.heldOn())) {
            throw CaseRuleViolation.invalid("JOB-5", "ATTENDED_BEFORE_FAIR", "attendedOn");
        }
        if (attended.contains(caseId)) {
            return;
        }
        requireOpen();
        apply(new FairAttended(fairId, caseId, attendedOn));
    }

    @CommandHandler
    void handle(CloseRecruitmentFairCommand command) {
        requireDate(command.closedOn(), "closedOn");
        if (closed) {
            throw closedFair();
        }
        if (command.closedOn().isBefore(planned.heldOn())) {
            throw CaseRuleViolation.conflict("JOB-5", "FAIR_NOT_YET_HELD", "closedOn");
        }
        int positions = enrolled.values().stream().flatMap(Set::stream).mapToInt(FairVacancy::headcount).sum();
        apply(new RecruitmentFairClosed(fairId, command.closedOn(), enrolled.size(), positions, invited.size(),
                attended.size()));
    }

    /**
     * Whether the employer brought this vacancy to the fair (as enrolled last), closed or not: a
     * referral made at the fair may be recorded after it closed.
     */
    boolean offers(String employerId, String vacancyId) {
        Set<FairVacancy> vacancies = enrolled.get(employerId);
        return vacancies != null && vacancies.stream().anyMatch(vacancy -> vacancy.vacancyId().equals(vacancyId));
    }

    private void requireOpen() {
        if (closed) {
            throw closedFair();
        }
    }

    private static CaseRuleViolation closedFair() {
        return CaseRuleViolation.conflict("JOB-5", "FAIR_CLOSED", "fairId");
    }




    @EventSourcingHandler
    void on(RecruitmentFairPlanned event) {
        fairId = event.fairId();
        planned = event;
    }

    @EventSourcingHandler
    void on(FairEmployerEnrolled event) {
        enrolled.put(event.employerId(), Set.copyOf(event.vacancies()));
    }

    @EventSourcingHandler
    void on(FairInvitationSent event) {
        invited.add(event.caseId());
    }

    @EventSourcingHandler
    void on(FairAttended event) {
        attended.add(event.caseId());
    }

    @EventSourcingHandler
    void on(RecruitmentFairClosed event) {
        closed = true;
    }
}
