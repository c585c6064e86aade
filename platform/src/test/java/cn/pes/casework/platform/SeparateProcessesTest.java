package cn.pes.casework.platform;

import cn.pes.casework.command.CommandSideApplication;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.ChildJvm;
import cn.pes.casework.platform.support.Eventually;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.query.QuerySideApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-hosted shape: command side and query side as two processes that share nothing but the
 * event store on PostgreSQL; the query side reads the events from there, never from the command
 * side's memory.
 */
class SeparateProcessesTest {

    private ChildJvm commandSide;
    private ChildJvm querySide;

    @AfterEach
    void stop() throws InterruptedException {
        if (commandSide != null) {
            commandSide.kill();
        }
        if (querySide != null) {
            querySide.kill();
        }
    }

    @Test
    void querySideProcessFollowsTheCommandSideProcessThroughPostgres() throws Exception {
        String database = PostgresCaseLifecycleTest.freshDatabase("pes_it_processes");
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-processes-");
        String[] eventStore = {
                "--spring.datasource.url=" + PostgresCaseLifecycleTest.SERVER + database,
                "--spring.datasource.username=" + PostgresCaseLifecycleTest.USER,
                "--spring.datasource.password=",
                "--pes.data-dir=" + dataDir,
                // The tests act with tokens signed by the public development key.
                "--pes.security.allow-development-keys=true"};
        commandSide = ChildJvm.start(CommandSideApplication.class, new File(dataDir), ChildJvm.freePort(), eventStore);
        querySide = ChildJvm.start(QuerySideApplication.class, new File(dataDir), ChildJvm.freePort(), eventStore);
        Caseworker writer = new Caseworker(commandSide.awaitUp(), "officer-two", "990102001");
        Caseworker reader = new Caseworker(querySide.awaitUp(), "officer-two", "990102001");

        String caseId = writer.registerAtWindow(TestIds.adult(), "两个进程");
        writer.phoneContact(caseId, LocalDate.now(ZoneId.of("Asia/Shanghai")), true);

        Eventually.eventually(Duration.ofSeconds(60), () -> {
            assertThat(reader.caseView(caseId).path("status").asText()).isEqualTo("ACTIVE");
            assertThat(reader.history(caseId).path("entries")).hasSize(3);
        });
    }
}
