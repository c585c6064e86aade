package cn.pes.casework.web;

import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The pages of registration and tracking, the first dashboard and the officer's account. */
@Configuration(proxyBeanMethods = false)
class Navigation {

    @Bean
    PageLink casesLink(AccessRules rules) {
        return new PageLink(NavigationSection.CASEWORK, 10, "nav.cases", "/cases", rules::mayViewCase);
    }

    @Bean
    PageLink registrationLink() {
        return new PageLink(NavigationSection.CASEWORK, 20, "nav.register", "/registrations/new",
                officer -> officer.has(Role.CASEWORKER));
    }

    @Bean
    PageLink applicationsLink() {
        return new PageLink(NavigationSection.CASEWORK, 30, "nav.applications", "/applications",
                officer -> officer.has(Role.CASEWORKER));
    }

    @Bean
    PageLink ledgerLink(AccessRules rules) {
        return new PageLink(NavigationSection.CASEWORK, 40, "nav.ledger", "/ledger",
                officer -> rules.mayListPeopleOf(officer, officer.agencyId()));
    }

    /** Imported batches of external records and their matching (比对批次, TRK-2). */
    @Bean
    PageLink comparisonBatchesLink() {
        return new PageLink(NavigationSection.COMPARISON, 10, "cmp.nav.batches", "/comparison",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.AUDITOR));
    }

    /** The proposed status changes waiting for an officer (待核实变更, CAN-3). */
    @Bean
    PageLink comparisonProposalsLink() {
        return new PageLink(NavigationSection.COMPARISON, 20, "cmp.nav.proposals", "/comparison/proposals",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.AUDITOR));
    }

    /** A list of ID numbers answered with where each person stands (批量核对). */
    @Bean
    PageLink reconciliationLink() {
        return new PageLink(NavigationSection.COMPARISON, 30, "cmp.nav.reconciliation", "/comparison/reconciliation",
                officer -> officer.has(Role.CASEWORKER));
    }

    @Bean
    PageLink subsidyPipelineLink() {
        return new PageLink(NavigationSection.SUBSIDIES, 10, "nav.subsidies", "/subsidies",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR));
    }

    @Bean
    PageLink subsidyMissedLink() {
        return new PageLink(NavigationSection.SUBSIDIES, 20, "nav.subsidiesMissed", "/subsidies/missed",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR));
    }

    /** Job-seeking registrations waiting for the agency's review (JOB-2); the other job pages open from the case. */
    @Bean
    PageLink jobSeekingReviewsLink() {
        return new PageLink(NavigationSection.JOB_SERVICES, 50, "jobseeking.nav.reviews", "/job-seeking/reviews",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR));
    }

    @Bean
    PageLink employersLink() {
        return new PageLink(NavigationSection.JOB_SERVICES, 60, "employer.nav", "/employers",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR));
    }

    @Bean
    PageLink vacanciesLink() {
        return new PageLink(NavigationSection.JOB_SERVICES, 70, "vacancy.nav", "/vacancies",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR));
    }

    @Bean
    PageLink fairsLink() {
        return new PageLink(NavigationSection.JOB_SERVICES, 80, "fair.nav", "/fairs",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.AUDITOR));
    }

    /** The county's guarantee loan pipeline (创业担保贷款台账, ENT-2..ENT-5); a loan's own page opens from the case. */
    @Bean
    PageLink loansLink() {
        return new PageLink(NavigationSection.ENTREPRENEURSHIP, 10, "ent.nav.loans", "/loans",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR));
    }

    /** The designated institutions' training rolls (创业培训花名册, ENT-1). */
    @Bean
    PageLink trainingsLink() {
        return new PageLink(NavigationSection.ENTREPRENEURSHIP, 20, "ent.nav.trainings", "/trainings",
                officer -> officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER) || officer.has(Role.AUDITOR));
    }

    @Bean
    PageLink dashboardLink(AccessRules rules) {
        return new PageLink(NavigationSection.STATISTICS, 10, "nav.dashboard", "/dashboard",
                officer -> rules.maySeeStatisticsOf(officer, officer.agencyId()));
    }

    @Bean
    PageLink accessLogLink() {
        return new PageLink(NavigationSection.AUDIT, 10, "nav.accessLog", "/audit/access-log",
                officer -> officer.has(Role.AUDITOR));
    }

    /** Signed in through an OpenID Connect provider, the provider keeps the password. */
    @Bean
    PageLink passwordLink(SecurityProperties security) {
        boolean localPasswords = security.signIn() == SecurityProperties.SignIn.LOCAL;
        return new PageLink(NavigationSection.ACCOUNT, 10, "nav.password", "/account/password",
                officer -> localPasswords);
    }

    /** The sections with the links this officer may open, in order; empty sections are left out. */
    static Map<NavigationSection, List<PageLink>> visibleTo(Officer officer, List<PageLink> links) {
        Map<NavigationSection, List<PageLink>> sections = new EnumMap<>(NavigationSection.class);
        links.stream()
             .filter(link -> link.shownTo().test(officer))
             .sorted(Comparator.comparing(PageLink::section).thenComparingInt(PageLink::order))
             .forEach(link -> sections.computeIfAbsent(link.section(), section -> new java.util.ArrayList<>()).add(link));
        return sections;
    }
}
