package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.ChildJvm;
import cn.pes.casework.platform.support.Eventually;
import cn.pes.casework.platform.support.TestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
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

    private ChildJvm platform;

    @AfterEach
    void stop() throws InterruptedException {
        if (platform != null) {
            platform.kill();
        }
    }

    @Test
    void acknowledgedCommandsSurviveKillNineAndReadModelsConverge() throws Exception {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-kill9-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int port = ChildJvm.freePort();
        platform = ChildJvm.start(PlatformApplication.class, new File(dataDir), port, "--pes.data-dir=" + dataDir);
        Caseworker caseworker = new Caseworker(platform.awaitUp(), "officer-kill", "990101001");

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String caseId = caseworker.registerAtWindow(TestIds.adult(), "断电" + i);
            caseworker.phoneContact(caseId, today, true);
            acknowledged.add(caseId);
        }
        platform.kill();

        platform = ChildJvm.start(PlatformApplication.class, new File(dataDir), port, "--pes.data-dir=" + dataDir);
        Caseworker afterCrash = new Caseworker(platform.awaitUp(), "officer-kill", "990101001");
        for (String caseId : acknowledged) {
            Eventually.eventually(Duration.ofSeconds(60), () -> {
                assertThat(afterCrash.caseView(caseId).path("status").asText()).isEqualTo("ACTIVE");
                assertThat(afterCrash.history(caseId).path("entries")).hasSize(3);
            });
        }
        String another = afterCrash.registerAtWindow(TestIds.adult(), "断电之后");
        Eventually.eventually(() -> assertThat(afterCrash.history(another).path("entries")).hasSize(2));
    }
}
