package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.query.catchup.CatchUpModule;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Events, tracking tokens and projections survive a stop and a start on the same data folder. */
class RestartTest {

    @Test
    void eventsTokensAndProjectionsSurviveARestart() {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-restart-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String caseId;
        Map<Integer, TrackingToken> tokensBefore;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            Caseworker caseworker = caseworker(first);
            caseId = caseworker.registerAtWindow(TestIds.adult(), "重启前");
            caseworker.phoneContact(caseId, today, true);
            eventually(() -> assertThat(caseworker.history(caseId).path("entries")).hasSize(3));
            tokensBefore = tokens(first, "case-history");
            assertThat(tokensBefore.values()).as("some segment has processed the case").isNotEmpty();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Caseworker caseworker = caseworker(second);
            Map<Integer, TrackingToken> tokensAfter = tokens(second, "case-history");
            tokensBefore.forEach((segment, before) -> {
                assertThat(tokensAfter.get(segment)).as("segment %s kept its token", segment).isNotNull();
                assertThat(tokensAfter.get(segment).covers(before)).isTrue();
            });

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

    static ConfigurableApplicationContext start(String dataDir, String... options) {
        // Command-line arguments: they outrank platform.yml, unlike the builder's default properties.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--pes.data-dir=" + dataDir));
        args.addAll(List.of(options));
        return PlatformApplication.application().run(args.toArray(String[]::new));
    }

    static Caseworker caseworker(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Caseworker(port, "officer-restart", "990101001");
    }

    /**
     * The stored token of every segment that has one (a segment that has seen no event yet has none). The
     * live feed is stopped first: it stores its tokens as it stops, and holds the segments until then.
     */
    static Map<Integer, TrackingToken> tokens(ConfigurableApplicationContext context, String processingGroup) {
        context.getBean(CatchUpModule.class).pause();
        TokenStore tokenStore = context.getBean(EventProcessingConfiguration.class).tokenStore(processingGroup);
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        for (int segment : tokenStore.fetchSegments(processingGroup)) {
            TrackingToken token = tokenStore.fetchToken(processingGroup, segment);
            if (token != null) {
                tokens.put(segment, token);
            }
        }
        return tokens;
    }
}
