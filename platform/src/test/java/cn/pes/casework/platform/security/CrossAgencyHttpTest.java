package cn.pes.casework.platform.security;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.pes.casework.platform.CaseLifecycleFlow.caseIds;
import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case of another agency: found city-wide by its full ID number (REG-4) and shown masked, but
 * not revealed, changed or listed — those answer 404 as if it did not exist, and store nothing.
 * A county sees and serves its own streets.
 */
class CrossAgencyHttpTest extends SecuredPlatformTest {

    private final String name = "蒋" + System.nanoTime() % 100000;
    private Caseworker otherStreet;
    private Caseworker street;
    private String idNumber;
    private String caseId;

    @BeforeEach
    void aCaseAtAnotherStreet() {
        clock.set(NOW);
        otherStreet = caseworker("W-other-street", OTHER_STREET);
        street = caseworker("W-street", STREET);
        idNumber = TestIds.adult();
        caseId = otherStreet.registerAtWindow(idNumber, name);
        // Each read model follows the events on its own: wait until all three show the case.
        eventually(() -> {
            assertThat(caseIds(otherStreet.searchByIdNumber(idNumber), "cases")).contains(caseId);
            otherStreet.getting("/api/cases/" + caseId).expectStatus().isOk();
            assertThat(otherStreet.history(caseId).path("entries")).hasSize(2);
        });
    }

    @Test
    void anotherAgencysCaseIsFoundByFullIdNumberAndShownMasked() {
        assertThat(caseIds(street.searchByIdNumber(idNumber), "cases")).containsExactly(caseId);
        JsonNode person = street.caseView(caseId).path("person");
        assertThat(person.path("idNumber").asText()).isEqualTo(Masking.idNumber(idNumber));
        assertThat(person.path("name").asText()).isEqualTo(Masking.name(name));
        assertThat(person.path("phone").asText()).isEqualTo("138****5678");
        street.getting("/api/cases/" + caseId + "/history").expectStatus().isOk();
    }

    @Test
    void anotherAgencysCaseIsNotRevealed() {
        street.post("/api/cases/" + caseId + "/personal-data/disclosures", Map.of("purpose", "核对身份信息"))
                .expectStatus().isNotFound();
    }

    @Test
    void anotherAgencysCaseIsNotChangedAndNothingIsStored() {
        long before = storedEvents();
        street.post("/api/cases/" + caseId + "/contacts", Map.of("contactDate", NOW.toLocalDate().toString(),
                "method", "PHONE", "reached", true, "statusFound", "UNEMPLOYED")).expectStatus().isNotFound();
        street.put("/api/cases/" + caseId + "/personal-details", Map.of("name", "改名")).expectStatus().isNotFound();
        street.post("/api/cases/" + caseId + "/employment", Map.of(
                "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX厂", "startDate", NOW.toLocalDate().toString()),
                "evidence", Map.of("source", "DATA_MATCH", "reference", "SI-1"))).expectStatus().isNotFound();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherAgencysListsAreNotFound() {
        street.getting("/api/agencies/" + OTHER_STREET + "/tracking-ledger").expectStatus().isNotFound();
        street.getting("/api/agencies/" + OTHER_STREET + "/uncontacted-cases").expectStatus().isNotFound();
        street.getting("/api/agencies/" + OTHER_STREET + "/pending-applications").expectStatus().isNotFound();
        street.getting("/api/agencies/" + COUNTY + "/tracking-ledger").expectStatus().isNotFound();
        caseworker("W-county", COUNTY).getting("/api/agencies/" + OTHER_STREET + "/tracking-ledger")
                .expectStatus().isNotFound();
    }

    @Test
    void aNameSearchFindsOnlyCasesWithinTheOfficersAgency() {
        assertThat(caseIds(street.searchByName(name), "cases")).doesNotContain(caseId);
        assertThat(caseIds(otherStreet.searchByName(name), "cases")).contains(caseId);
    }

    @Test
    void theCountyAboveServesItsStreetsCases() {
        Caseworker county = caseworker("W-other-county", OTHER_COUNTY);
        assertThat(county.reveal(caseId).path("name").asText()).isEqualTo(name);
        county.phoneContact(caseId, NOW.toLocalDate(), true);
        county.getting("/api/agencies/" + OTHER_STREET + "/tracking-ledger").expectStatus().isOk();
        county.getting("/api/agencies/" + OTHER_STREET + "/uncontacted-cases").expectStatus().isOk();
    }
}
