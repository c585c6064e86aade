package cn.pes.casework.security;

import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what, beyond the role a route needs: the agency scope. A request outside it is
 * answered as if the thing did not exist (404), so that scope tells nothing about other agencies.
 */
@Component
public class AccessRules {

    private final AgencyDirectory agencies;

    public AccessRules(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** Changes to a case: a caseworker of the agency responsible for it, or of one above it. */
    public boolean mayChangeCaseOf(Officer officer, String caseAgencyId) {
        return officer.has(Role.CASEWORKER) && agencies.covers(officer.agencyId(), caseAgencyId);
    }

    /**
     * Full personal data, on an explicit and logged request: a caseworker whose agency covers the
     * case, or an auditor.
     */
    public boolean mayRevealPersonalDataOf(Officer officer, String caseAgencyId) {
        return officer.has(Role.AUDITOR)
                || (officer.has(Role.CASEWORKER) && agencies.covers(officer.agencyId(), caseAgencyId));
    }

    /**
     * A case file with masked personal data. Any caseworker may find any case by its full ID number
     * (REG-4, 全城通办); reviewers decide applications from across the city; auditors see everything.
     */
    public boolean mayViewCase(Officer officer) {
        return officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR);
    }

    /** Lists and ledgers of an agency's people: its own caseworkers and those above it, and auditors. */
    public boolean mayListPeopleOf(Officer officer, String agencyId) {
        return agencies.exists(agencyId) && (officer.has(Role.AUDITOR)
                || (officer.has(Role.CASEWORKER) && agencies.covers(officer.agencyId(), agencyId)));
    }

    /** Statistics without personal data: analysts and caseworkers within their agency, auditors anywhere. */
    public boolean maySeeStatisticsOf(Officer officer, String agencyId) {
        return agencies.exists(agencyId) && (officer.has(Role.AUDITOR)
                || ((officer.has(Role.ANALYST) || officer.has(Role.CASEWORKER))
                && agencies.covers(officer.agencyId(), agencyId)));
    }
}
