package cn.pes.casework.query.web;

import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The agency scope of the read API, on top of the role each route needs. Outside it the answer is
 * the one for something that does not exist (404, never 403), so that scope tells nothing about
 * other agencies' cases. An absent officer (never behind the security filter chain) may do nothing.
 */
@Component
public class QueryScope {

    static final String NO_SUCH_CASE = "No such case";
    static final String NO_SUCH_AGENCY = "No such agency";

    private final AccessRules rules;
    private final AgencyDirectory agencies;

    public QueryScope(AccessRules rules, AgencyDirectory agencies) {
        this.rules = rules;
        this.agencies = agencies;
    }

    /**
     * The signed-in officer of the request. Read from the security context rather than as a
     * {@code @AuthenticationPrincipal} parameter: {@link Officer} is a {@link java.security.Principal},
     * and WebFlux hands such parameters the whole Authentication before any custom resolver runs.
     * Without an officer (never behind the security filter chain) nothing is found.
     */
    public Mono<Officer> officer() {
        return Officer.current().switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("Not found")));
    }

    /** Case files with masked personal data: city-wide for those who may see cases at all (REG-4). */
    public void requireCaseView(Officer officer) {
        if (officer == null || !rules.mayViewCase(officer)) {
            throw new ReadModelNotFoundException(NO_SUCH_CASE);
        }
    }

    /**
     * A name is not unique: a search by name lists only cases of agencies the officer covers, so that
     * nobody browses the city's register by common names. Auditors see every agency.
     */
    public boolean mayFindByName(Officer officer, String caseAgencyId) {
        return officer != null && rules.mayViewCase(officer)
                && (officer.has(Role.AUDITOR) || agencies.covers(officer.agencyId(), caseAgencyId));
    }

    /** Full personal data of a case whose responsible agency is {@code caseAgencyId}; else "no such case". */
    public void requireReveal(Officer officer, String caseAgencyId) {
        if (officer == null || !rules.mayRevealPersonalDataOf(officer, caseAgencyId)) {
            throw new ReadModelNotFoundException(NO_SUCH_CASE);
        }
    }

    /** Lists of an agency's people: ledgers, uncontacted cases, pending applications. */
    public void requirePeopleListOf(Officer officer, String agencyId) {
        if (officer == null || !rules.mayListPeopleOf(officer, agencyId)) {
            throw new ReadModelNotFoundException(NO_SUCH_AGENCY);
        }
    }

    /**
     * A department's skills subsidy applications and missed deadlines: whoever may list the agency's
     * people, and reviewers, who decide these applications, for the departments their agency covers.
     */
    public void requireSubsidyApplicationsOf(Officer officer, String departmentId) {
        if (officer == null || !(rules.mayListPeopleOf(officer, departmentId)
                || (officer.has(Role.REVIEWER) && agencies.exists(departmentId)
                && agencies.covers(officer.agencyId(), departmentId)))) {
            throw new ReadModelNotFoundException(NO_SUCH_AGENCY);
        }
    }

    /** Figures without personal data about an agency and those below it. */
    public void requireStatisticsOf(Officer officer, String agencyId) {
        if (officer == null || !rules.maySeeStatisticsOf(officer, agencyId)) {
            throw new ReadModelNotFoundException(NO_SUCH_AGENCY);
        }
    }
}
