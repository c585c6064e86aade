package cn.pes.casework.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static cn.pes.casework.security.agency.AgencyDirectoryTest.CITY;
import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

    private final AccessRules rules = new AccessRules(CITY);

    private static Officer officer(String agencyId, Role... roles) {
        return new Officer("officer", agencyId, Set.of(roles));
    }

    @Test
    void aCaseworkerChangesCasesOfAgenciesTheirAgencyCovers() {
        assertThat(rules.mayChangeCaseOf(officer("990101001", Role.CASEWORKER), "990101001")).isTrue();
        assertThat(rules.mayChangeCaseOf(officer("990101", Role.CASEWORKER), "990101001")).isTrue();
        assertThat(rules.mayChangeCaseOf(officer("990101001", Role.CASEWORKER), "990102001")).isFalse();
    }

    @Test
    void onlyCaseworkersChangeCases() {
        for (Role role : Set.of(Role.REVIEWER, Role.ANALYST, Role.AUDITOR, Role.ADMINISTRATOR)) {
            assertThat(rules.mayChangeCaseOf(officer("9901", role), "990101001")).as(role.name()).isFalse();
        }
    }

    @Test
    void everyCaseworkerReviewerAndAuditorMayViewAnyCaseMasked() {
        assertThat(rules.mayViewCase(officer("990102001", Role.CASEWORKER))).isTrue();
        assertThat(rules.mayViewCase(officer("9901", Role.REVIEWER))).isTrue();
        assertThat(rules.mayViewCase(officer("9901", Role.AUDITOR))).isTrue();
        assertThat(rules.mayViewCase(officer("9901", Role.ANALYST))).isFalse();
        assertThat(rules.mayViewCase(officer("9901", Role.ADMINISTRATOR))).isFalse();
    }

    @Test
    void personalDataIsRevealedToCaseworkersInScopeAndToAuditors() {
        assertThat(rules.mayRevealPersonalDataOf(officer("990101001", Role.CASEWORKER), "990101001")).isTrue();
        assertThat(rules.mayRevealPersonalDataOf(officer("990101001", Role.CASEWORKER), "990102001")).isFalse();
        assertThat(rules.mayRevealPersonalDataOf(officer("9901", Role.AUDITOR), "990102001")).isTrue();
        assertThat(rules.mayRevealPersonalDataOf(officer("9901", Role.ANALYST), "990102001")).isFalse();
        assertThat(rules.mayRevealPersonalDataOf(officer("9901", Role.REVIEWER), "990102001")).isFalse();
        assertThat(rules.mayRevealPersonalDataOf(officer("9901", Role.ADMINISTRATOR), "990102001")).isFalse();
    }

    @Test
    void listsOfPeopleFollowTheAgencyHierarchy() {
        assertThat(rules.mayListPeopleOf(officer("990101", Role.CASEWORKER), "990101002")).isTrue();
        assertThat(rules.mayListPeopleOf(officer("990101002", Role.CASEWORKER), "990101001")).isFalse();
        assertThat(rules.mayListPeopleOf(officer("990101001", Role.AUDITOR), "990102001")).isTrue();
        assertThat(rules.mayListPeopleOf(officer("9901", Role.ANALYST), "990101001")).isFalse();
        assertThat(rules.mayListPeopleOf(officer("9901", Role.AUDITOR), "000000")).isFalse();
    }

    @Test
    void statisticsGoToAnalystsAndCaseworkersWithinTheirAgencyAndToAuditors() {
        assertThat(rules.maySeeStatisticsOf(officer("9901", Role.ANALYST), "990102")).isTrue();
        assertThat(rules.maySeeStatisticsOf(officer("990101", Role.ANALYST), "990102")).isFalse();
        assertThat(rules.maySeeStatisticsOf(officer("990101", Role.CASEWORKER), "990101001")).isTrue();
        assertThat(rules.maySeeStatisticsOf(officer("990101", Role.AUDITOR), "990102")).isTrue();
        assertThat(rules.maySeeStatisticsOf(officer("9901", Role.ADMINISTRATOR), "990102")).isFalse();
    }
}
