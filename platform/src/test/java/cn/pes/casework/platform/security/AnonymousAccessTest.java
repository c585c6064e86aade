package cn.pes.casework.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the platform serves, enumerated from its handler mappings (not a sample), refuses an
 * anonymous request — except the health check and the sign-in itself.
 */
class AnonymousAccessTest extends SecuredPlatformTest {

    /** The only routes open without signing in (sign-in itself, health); everything else must answer 401. */
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/token", "GET /login", "GET /actuator/health",
            "GET /actuator/health/**", "GET /actuator/health/{*path}");

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteRefusesAnAnonymousRequest() {
        List<String> routes = routes();
        assertThat(routes).as("routes found").hasSizeGreaterThan(15)
                .contains("POST /api/registrations", "GET /api/cases/{caseId}", "POST /api/case-searches",
                        "GET /api/agencies/{agencyId}/tracking-ledger", "POST /api/account/password",
                        "GET /ledger.csv", "GET /ledger.xlsx", "GET /audit/access-log",
                        "POST /api/cases/{caseId}/subsidies", "POST /api/cases/{caseId}/subsidies/{applicationId}/approval",
                        "POST /api/cases/{caseId}/subsidies/{applicationId}/objections/{objectionId}/resolution",
                        "POST /api/cases/{caseId}/subsidies/{applicationId}/payment",
                        "POST /api/employers", "POST /api/employers/{employerId}/vacancies",
                        "POST /api/employers/{employerId}/vacancies/{vacancyId}/publication",
                        "POST /api/employers/{employerId}/vacancies/{vacancyId}/rejection",
                        "POST /api/employers/{employerId}/vacancies/{vacancyId}/closure",
                        "GET /api/vacancies", "GET /api/employers/{employerId}",
                        "GET /api/employers/{employerId}/guidance", "GET /api/fairs", "GET /api/fairs/{fairId}",
                        "GET /api/statistics/agencies/{agencyId}/jobs");
        assertThat(routes).as("employer, vacancy and fair pages").contains("GET /employers", "POST /employers",
                "GET /employers/{employerId}", "POST /employers/{employerId}/vacancies",
                "POST /employers/{employerId}/vacancies/{vacancyId}/{action}",
                "POST /employers/{employerId}/vacancies/{vacancyId}/referrals",
                "GET /employers/{employerId}/vacancies/{vacancyId}/matches", "POST /employers/{employerId}/guidance",
                "GET /vacancies", "GET /fairs", "POST /fairs", "GET /fairs/{fairId}", "POST /fairs/{fairId}/{action}");
        assertThat(routes).as("employer guidance and recruitment fairs")
                .contains("POST /api/employers/{employerId}/guidance", "POST /api/fairs",
                        "POST /api/fairs/{fairId}/employers", "POST /api/fairs/{fairId}/invitations",
                        "POST /api/fairs/{fairId}/attendance", "POST /api/fairs/{fairId}/closure");
        assertThat(routes).as("job seeking, referrals, cancellation proposals and career guidance")
                .contains("POST /api/cases/{caseId}/job-seeking",
                        "PUT /api/cases/{caseId}/job-seeking/{jobSeekingId}/intentions",
                        "POST /api/cases/{caseId}/job-seeking/{jobSeekingId}/publication",
                        "POST /api/cases/{caseId}/job-seeking/{jobSeekingId}/rejection",
                        "POST /api/cases/{caseId}/referrals", "POST /api/cases/{caseId}/referrals/{referralId}/outcomes",
                        "POST /api/cases/{caseId}/cancellation-proposals/{proposalId}/confirmation",
                        "POST /api/cases/{caseId}/cancellation-proposals/{proposalId}/dismissal",
                        "POST /api/cases/{caseId}/career-guidance");
        assertThat(routes).as("job seekers and matching")
                .contains("GET /api/cases/{caseId}/job-seeking", "GET /api/agencies/{agencyId}/job-seeking-reviews",
                        "GET /api/cases/{caseId}/vacancy-matches",
                        "GET /api/employers/{employerId}/vacancies/{vacancyId}/candidates");
        assertThat(routes).as("job-seeking pages")
                .contains("GET /job-seeking/reviews",
                        "POST /job-seeking/reviews/{caseId}/{jobSeekingId}/{action:publication|rejection}",
                        "GET /cases/{caseId}/job-seeking/new", "POST /cases/{caseId}/job-seeking/new",
                        "GET /cases/{caseId}/job-seeking/intentions", "POST /cases/{caseId}/job-seeking/intentions",
                        "GET /cases/{caseId}/guidance/new", "POST /cases/{caseId}/guidance/new",
                        "GET /cases/{caseId}/vacancy-matches", "POST /cases/{caseId}/referrals",
                        "GET /cases/{caseId}/referrals/{referralId}/outcome",
                        "POST /cases/{caseId}/referrals/{referralId}/outcome",
                        "GET /cases/{caseId}/cancellation-proposals/{proposalId}",
                        "POST /cases/{caseId}/cancellation-proposals/{proposalId}/{decision:confirmation|dismissal}");
        assertThat(routes).as("history integrity check").contains("POST /api/cases/{caseId}/integrity-checks");
        assertThat(routes).as("monthly statistics, its exports, the dashboard's stream and overdue lists as files")
                .contains("GET /statistics", "GET /statistics.csv", "GET /statistics.xlsx", "GET /dashboard/live",
                        "GET /applications.csv", "GET /applications.xlsx", "GET /job-seeking/reviews.csv",
                        "GET /job-seeking/reviews.xlsx", "GET /subsidies/missed.csv", "GET /subsidies/missed.xlsx");
        assertThat(routes).as("area statistics")
                .contains("GET /api/statistics/areas/{agencyId}", "GET /api/statistics/areas/{agencyId}/breakdown");
        assertThat(routes).as("who did what").contains("GET /api/audit/actions", "GET /audit/actions");
        assertThat(routes).as("replays").contains("POST /api/replays", "GET /api/replays",
                "GET /api/replays/{replayId}", "POST /api/replays/{replayId}/cancel", "DELETE /api/replays/{replayId}",
                "GET /api/replays/{replayId}/tracking-ledger", "GET /replays", "POST /replays", "GET /replays/progress",
                "GET /replays/{replayId}", "POST /replays/{replayId}/cancel", "POST /replays/{replayId}/delete",
                "GET /replays/{replayId}/ledger");
        assertThat(routes).as("a case at a past moment")
                .contains("GET /api/cases/{caseId}/as-of", "GET /cases/{caseId}/as-of");
        assertThat(routes).as("entrepreneurship API")
                .contains("POST /api/cases/{caseId}/entrepreneurship-trainings",
                        "POST /api/cases/{caseId}/entrepreneurship-trainings/{trainingId}/completion",
                        "POST /api/cases/{caseId}/entrepreneurship-trainings/{trainingId}/drop-out",
                        "POST /api/cases/{caseId}/guarantee-loans",
                        "POST /api/cases/{caseId}/guarantee-loans/{loanId}/approval",
                        "POST /api/cases/{caseId}/guarantee-loans/{loanId}/decline",
                        "POST /api/cases/{caseId}/guarantee-loans/{loanId}/disbursement",
                        "POST /api/cases/{caseId}/guarantee-loans/{loanId}/repayments",
                        "POST /api/cases/{caseId}/guarantee-loans/{loanId}/overdue-reports",
                        "POST /api/cases/{caseId}/guarantee-loans/{loanId}/interest-subsidies",
                        "GET /api/training-institutions", "GET /api/cases/{caseId}/entrepreneurship",
                        "GET /api/cases/{caseId}/guarantee-loans/{loanId}",
                        "GET /api/agencies/{agencyId}/guarantee-loans", "GET /api/agencies/{agencyId}/training-rolls",
                        "GET /api/statistics/agencies/{agencyId}/entrepreneurship");
        assertThat(routes).as("entrepreneurship pages")
                .contains("GET /cases/{caseId}/trainings/new", "POST /cases/{caseId}/trainings/new",
                        "POST /cases/{caseId}/trainings/{trainingId}/{action}",
                        "GET /cases/{caseId}/loans/new", "POST /cases/{caseId}/loans/new",
                        "GET /cases/{caseId}/loans/{loanId}", "POST /cases/{caseId}/loans/{loanId}/{action}",
                        "GET /loans", "GET /loans.csv", "GET /loans.xlsx", "GET /trainings");
        assertThat(routes).as("information comparison API")
                .contains("POST /api/comparison-batches", "GET /api/comparison-batches/{batchId}",
                        "GET /api/agencies/{agencyId}/comparison-batches",
                        "GET /api/agencies/{agencyId}/status-change-proposals",
                        "GET /api/cases/{caseId}/status-change-proposals",
                        "POST /api/cases/{caseId}/status-change-proposals/{proposalId}/confirmation",
                        "POST /api/cases/{caseId}/status-change-proposals/{proposalId}/dismissal",
                        "POST /api/reconciliations");
        assertThat(routes).as("information comparison pages")
                .contains("GET /comparison", "POST /comparison/batches", "GET /comparison/batches/{batchId}",
                        "GET /comparison/proposals", "POST /comparison/proposals/{caseId}/{proposalId}/{decision}",
                        "GET /comparison/reconciliation", "POST /comparison/reconciliation");
        List<String> answeredWithoutSignIn = new ArrayList<>();
        for (String route : routes) {
            if (PUBLIC.contains(route)) {
                continue;
            }
            String[] parts = route.split(" ", 2);
            String path = parts[1].replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]+}", "x")
                    .replace("/**", "/x");
            int status = anonymous().method(HttpMethod.valueOf(parts[0])).uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .returnResult(String.class).getStatus().value();
            if (status != 401) {
                answeredWithoutSignIn.add(route + " -> " + status);
            }
        }
        assertThat(answeredWithoutSignIn).isEmpty();
    }

    @Test
    void healthNeedsNoSignInAndSaysNothingMore() {
        anonymous().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
    }

    @Test
    void aBrowserAskingForAPageIsSentToSignIn() {
        anonymous().get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals("Location", "/login");
    }

    @Test
    void anApiClientIsToldToSignInAsProblemJson() {
        anonymous().get().uri("/api/cases/01a21e55-0000-7000-8000-000000000000").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SIGN_IN_REQUIRED");
    }

    private List<String> routes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
                    for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                        for (RequestMethod method : effective) {
                            routes.add(method.name() + " " + pattern.getPatternString());
                        }
                    }
                }));
        return new ArrayList<>(routes);
    }
}
