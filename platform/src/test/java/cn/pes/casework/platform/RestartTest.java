package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.LocalDate;
import java.time.ZoneId;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Events, tracking tokens and projections survive a stop and a start on the same data folder. */
class RestartTest {

    @Test
    void eventsTokensAndProjectionsSurviveARestart() {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-restart-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String caseId;
        TrackingToken tokenBefore;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            Caseworker caseworker = caseworker(first);
            caseId = caseworker.registerAtWindow(TestIds.adult(), "重启前");
            caseworker.phoneContact(caseId, today, true);
            eventually(() -> assertThat(caseworker.history(caseId).path("entries")).hasSize(3));
            tokenBefore = token(first, "case-history");
            assertThat(tokenBefore).isNotNull();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Caseworker caseworker = caseworker(second);
            TrackingToken tokenAfter = token(second, "case-history");
            assertThat(tokenAfter).as("the token was kept, not rebuilt from the start").isNotNull();
            assertThat(tokenAfter.covers(tokenBefore)).isTrue();

            JsonNode view = caseworker.caseView(caseId);
            assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(view.path("lastContact").path("contactDate").asText()).isEqualTo(today.toString());

            caseworker.phoneContact(caseId, today, false);
            eventually(() -> assertThat(caseworker.history(caseId).path("entries")).hasSize(4));
            JsonNode entries = caseworker.history(caseId).path("entries");
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).path("sequence").asLong()).isEqualTo(i);
            }
        }
    }

    static ConfigurableApplicationContext start(String dataDir) {
        return PlatformApplication.application()
                .properties("server.port=0", "pes.data-dir=" + dataDir)
                .run();
    }

    static Caseworker caseworker(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Caseworker(port, "officer-restart", "990101001");
    }

    static TrackingToken token(ConfigurableApplicationContext context, String processingGroup) {
        TokenStore tokenStore = context.getBean(EventProcessingConfiguration.class).tokenStore(processingGroup);
        return tokenStore.fetchToken(processingGroup, 0);
    }
}
