package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The officer and agency of every event are the signed-in principal's, whatever the body claims. */
class PrincipalInEventsHttpTest extends SecuredPlatformTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBodyClaimingAnotherOfficerAndAgencyIsNotListenedTo() throws Exception {
        clock.set(NOW);
        Caseworker street = caseworker("W-principal", STREET);
        Map<String, Object> body = new HashMap<>(Caseworker.windowRegistration(TestIds.adult(), "沈一"));
        body.put("agencyId", OTHER_STREET);
        body.put("officerId", "someone-else");
        body.put("metaData", Map.of("officerId", "someone-else", "agencyId", OTHER_STREET));

        JsonNode outcome = street.post("/api/registrations", body).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String caseId = outcome.path("caseId").asText();
        street.phoneContact(caseId, NOW.toLocalDate(), true);

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT payloadType, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                caseId);
        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, Object> event : events) {
            JsonNode metaData = json.readTree(new String((byte[]) event.get("metaData"), StandardCharsets.UTF_8));
            assertThat(metaData.path("officerId").asText()).as(event.get("payloadType").toString())
                    .isEqualTo("W-principal");
            assertThat(metaData.path("agencyId").asText()).as(event.get("payloadType").toString()).isEqualTo(STREET);
        }
        eventually(() -> assertThat(street.history(caseId).path("entries").size()).isEqualTo(events.size()));
        JsonNode history = street.history(caseId);
        assertThat(history.path("entries")).allSatisfy(entry -> {
            assertThat(entry.path("officerId").asText()).isEqualTo("W-principal");
            assertThat(entry.path("agencyId").asText()).isEqualTo(STREET);
        });
        eventually(() -> assertThat(street.caseView(caseId).path("spells").get(0).path("agencyId").asText())
                .isEqualTo(STREET));
    }
}
