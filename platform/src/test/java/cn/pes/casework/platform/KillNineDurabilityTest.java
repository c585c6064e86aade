package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.Eventually;
import cn.pes.casework.platform.support.TestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command acknowledged before a {@code kill -9} is still there afterwards, and the read
 * models converge to the events. The platform runs in a child JVM so it can really be killed.
 */
class KillNineDurabilityTest {

    private Process platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.destroyForcibly();
        }
    }

    @Test
    void acknowledgedCommandsSurviveKillNineAndReadModelsConverge() throws Exception {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-kill9-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int port = freePort();
        platform = launch(dataDir, port);
        Caseworker caseworker = awaitUp(port);

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String caseId = caseworker.registerAtWindow(TestIds.adult(), "断电" + i);
            caseworker.phoneContact(caseId, today, true);
            acknowledged.add(caseId);
        }
        platform.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, nothing flushed on the way out

        platform = launch(dataDir, port);
        Caseworker afterCrash = awaitUp(port);
        for (String caseId : acknowledged) {
            Eventually.eventually(Duration.ofSeconds(60), () -> {
                assertThat(afterCrash.caseView(caseId).path("status").asText()).isEqualTo("ACTIVE");
                assertThat(afterCrash.history(caseId).path("entries")).hasSize(3);
            });
        }
        String another = afterCrash.registerAtWindow(TestIds.adult(), "断电之后");
        Eventually.eventually(() -> assertThat(afterCrash.history(another).path("entries")).hasSize(2));
    }

    private static Process launch(String dataDir, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java,
                "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                PlatformApplication.class.getName(),
                "--server.port=" + port,
                "--pes.data-dir=" + dataDir);
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File(dataDir, "platform-" + System.nanoTime() + ".log"));
        return builder.start();
    }

    private Caseworker awaitUp(int port) {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        Eventually.eventually(Duration.ofSeconds(120), () -> {
            assertThat(platform.isAlive()).as("platform process alive").isTrue();
            try {
                http.get().uri("/actuator/health").exchange().expectStatus().isOk();
            } catch (RuntimeException e) {
                throw new AssertionError("not up yet", e);
            }
        });
        return new Caseworker(http, "officer-kill", "990101001");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
