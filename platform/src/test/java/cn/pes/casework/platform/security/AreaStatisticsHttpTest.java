package cn.pes.casework.platform.security;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.StatisticsChanged;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The area statistics routes on the whole platform: figures follow the cases as the events are
 * projected, as known at an instant, broken down below an area, refused outside the caller's scope.
 * Other tests of the shared context register cases too, so figures are compared with those before.
 */
class AreaStatisticsHttpTest extends SecuredPlatformTest {

    private static final String SECOND_STREET = "990101002";
    private static final String NOVEMBER = "?from=2026-11&to=2026-11";

    private Caseworker analyst;
    @Autowired
    QueryGateway queryGateway;

    @BeforeEach
    void cityAnalyst() {
        clock.set(NOW);
        analyst = officer("N-area", CITY, Role.ANALYST);
    }

    @AfterEach
    void backToNow() {
        clock.set(NOW);
    }

    private JsonNode november(String agencyId, String extra) {
        JsonNode answer = analyst.get("/api/statistics/areas/" + agencyId + NOVEMBER + extra);
        assertThat(answer.path("months")).hasSize(1);
        return answer.path("months").get(0);
    }

    private static int delta(JsonNode after, JsonNode before, String field) {
        return after.path(field).asInt() - before.path(field).asInt();
    }

    @Test
    void figuresFollowTheCasesAsKnownAtAnInstant() throws Exception {
        JsonNode before = november(SECOND_STREET, "");
        Caseworker street = caseworker("W-area", SECOND_STREET);
        clock.set(NOW.minusDays(17));
        String name = "钱" + System.nanoTime() % 100000;
        String idNumber = TestIds.adult();
        String stays = street.registerAtWindow(idNumber, name);
        String findsWork = street.registerAtWindow(TestIds.adult(), "钱二");
        clock.set(NOW);
        street.phoneContact(stays, NOW.toLocalDate(), true);
        // Event timestamps are the real time of recording.
        Instant beforeEmployment = Instant.now();
        Thread.sleep(20);
        street.post("/api/cases/" + findsWork + "/employment", Map.of(
                        "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX电子厂",
                                "startDate", LocalDate.of(2026, 11, 20).toString()),
                        "evidence", Map.of("source", "DATA_MATCH", "reference", "SI-2026-11")))
                .expectStatus().isOk();

        eventually(() -> {
            JsonNode after = november(SECOND_STREET, "");
            assertThat(delta(after, before, "newRegistrations")).isEqualTo(2);
            assertThat(delta(after, before, "registeredAtMonthEnd")).isEqualTo(1);
            assertThat(delta(after, before, "reEmployed")).isEqualTo(1);
            assertThat(delta(after, before, "activeInMonth")).isEqualTo(2);
            assertThat(delta(after, before, "contactedInMonth")).isEqualTo(1);
            assertThat(after.path("contactedByMethod").path("PHONE").asInt()
                               - before.path("contactedByMethod").path("PHONE").asInt()).isEqualTo(1);
            assertThat(after.toString()).doesNotContain(name, idNumber, stays, findsWork);
            assertThat(after.path("coveragePerMille").asInt()).isEqualTo(
                    Math.round(1000f * after.path("contactedInMonth").asInt() / after.path("activeInMonth").asInt()));
            assertThat(after.has("longTermPerMille")).isTrue();
            assertThat(after.has("cancelled")).isTrue();
        });
        JsonNode knownBefore = november(SECOND_STREET, "&knownAt=" + beforeEmployment);
        assertThat(delta(knownBefore, before, "registeredAtMonthEnd")).isEqualTo(2);
        assertThat(delta(knownBefore, before, "reEmployed")).isZero();
        assertThat(analyst.get("/api/statistics/areas/" + SECOND_STREET + NOVEMBER + "&knownAt=" + beforeEmployment)
                          .path("knownAt").asText()).isEqualTo(beforeEmployment.toString());

        // The county counts its streets; its breakdown has a row per street that adds up to it.
        JsonNode county = november(COUNTY, "");
        JsonNode breakdown = analyst.get("/api/statistics/areas/" + COUNTY + "/breakdown?month=2026-11");
        assertThat(breakdown.path("total")).isEqualTo(county);
        List<String> rows = new ArrayList<>();
        int registered = 0;
        for (JsonNode row : breakdown.path("rows")) {
            rows.add(row.path("agencyId").asText());
            registered += row.path("figures").path("registeredAtMonthEnd").asInt();
            if (row.path("agencyId").asText().equals(SECOND_STREET)) {
                assertThat(row.path("figures")).isEqualTo(november(SECOND_STREET, ""));
            }
        }
        assertThat(rows).containsExactly(COUNTY, STREET, SECOND_STREET);
        assertThat(registered).isEqualTo(county.path("registeredAtMonthEnd").asInt());

        JsonNode city = analyst.get("/api/statistics/areas/" + CITY + "/breakdown?month=2026-11");
        List<String> cityRows = new ArrayList<>();
        city.path("rows").forEach(row -> cityRows.add(row.path("agencyId").asText()));
        assertThat(cityRows).containsExactly(CITY, COUNTY, OTHER_COUNTY, "990103");
        assertThat(city.path("rows").get(1).path("agencies").toString()).contains(STREET, SECOND_STREET);
    }

    /** What a live page does: ask, subscribe, ask again when told. */
    @Test
    void subscribersHearOfNewFactsOnceTheyAreStored() {
        FindAreaStatisticsQuery query = new FindAreaStatisticsQuery(List.of(SECOND_STREET), YearMonth.of(2026, 11),
                                                                    YearMonth.of(2026, 11), null);
        SubscriptionQueryResult<AreaStatistics, StatisticsChanged> subscription = queryGateway.subscriptionQuery(
                query, ResponseTypes.instanceOf(AreaStatistics.class), ResponseTypes.instanceOf(StatisticsChanged.class));
        try {
            int before = subscription.initialResult().block().months().get(0).newRegistrations();
            List<StatisticsChanged> heard = new CopyOnWriteArrayList<>();
            subscription.updates().subscribe(heard::add);

            caseworker("W-area-live", SECOND_STREET).registerAtWindow(TestIds.adult(), "孙一");

            eventually(() -> assertThat(heard).contains(new StatisticsChanged(SECOND_STREET, YearMonth.of(2026, 11))));
            assertThat(queryGateway.query(query, AreaStatistics.class).join().months().get(0).newRegistrations())
                    .isEqualTo(before + 1);
        } finally {
            subscription.close();
        }
    }

    @Test
    void aRangeOfMonthsDefaultsToTheTwelveUpToThisOne() {
        JsonNode answer = analyst.get("/api/statistics/areas/" + CITY);
        assertThat(answer.path("months")).hasSize(12);
        assertThat(answer.path("months").get(0).path("month").asText()).isEqualTo("2025-12");
        assertThat(answer.path("months").get(11).path("month").asText()).isEqualTo("2026-11");
        assertThat(answer.path("agencyId").asText()).isEqualTo(CITY);
        assertThat(answer.path("agencyIds").get(0).asText()).isEqualTo(CITY);
        assertThat(answer.path("agencyIds")).hasSize(9);
    }

    @Test
    void onlyThoseCoveringTheAreaSeeIt() {
        Caseworker street = caseworker("W-area-scope", SECOND_STREET);
        street.getting("/api/statistics/areas/" + SECOND_STREET).expectStatus().isOk();
        street.getting("/api/statistics/areas/" + SECOND_STREET + "/breakdown").expectStatus().isOk();
        street.getting("/api/statistics/areas/" + STREET).expectStatus().isNotFound();
        street.getting("/api/statistics/areas/" + COUNTY).expectStatus().isNotFound();
        street.getting("/api/statistics/areas/" + COUNTY + "/breakdown").expectStatus().isNotFound();

        Caseworker countyAnalyst = officer("N-area-county", OTHER_COUNTY, Role.ANALYST);
        countyAnalyst.getting("/api/statistics/areas/" + OTHER_COUNTY + "/breakdown").expectStatus().isOk();
        countyAnalyst.getting("/api/statistics/areas/" + COUNTY).expectStatus().isNotFound();
        countyAnalyst.getting("/api/statistics/areas/" + CITY).expectStatus().isNotFound();

        officer("A-area", OTHER_COUNTY, Role.AUDITOR).getting("/api/statistics/areas/" + COUNTY).expectStatus().isOk();
        officer("R-area", CITY, Role.REVIEWER).getting("/api/statistics/areas/" + CITY).expectStatus().isForbidden();
        officer("S-area", CITY, Role.ADMINISTRATOR).getting("/api/statistics/areas/" + CITY).expectStatus().isForbidden();
        analyst.getting("/api/statistics/areas/99019999").expectStatus().isNotFound();
    }

    @Test
    void badRangesAndInstantsAreProblemsNamingTheField() {
        refused("?from=2026-13&to=2026-11", "from");
        refused("?from=2026-11&to=2026-10", "to");
        refused("?from=2016-10&to=2026-10", "to");
        refused("?knownAt=yesterday", "knownAt");
        analyst.getting("/api/statistics/areas/" + CITY + "/breakdown?month=11-2026").expectStatus().isBadRequest()
               .expectBody().jsonPath("$.field").isEqualTo("month");
        assertThat(analyst.get("/api/statistics/areas/" + CITY + "?from=2016-11&to=2026-10").path("months")).hasSize(120);
        assertThat(analyst.get("/api/statistics/areas/" + CITY + NOVEMBER + "&knownAt=2026-11-01").path("knownAt").asText())
                .isEqualTo("2026-11-01T15:59:59.999Z");
    }

    private void refused(String query, String field) {
        analyst.getting("/api/statistics/areas/" + CITY + query).expectStatus().isBadRequest()
               .expectBody().jsonPath("$.ruleId").isEqualTo("INPUT").jsonPath("$.field").isEqualTo(field);
    }
}
