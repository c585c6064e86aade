package cn.pes.casework.platform.support;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A Spring Boot main class of this build started in a JVM of its own, so it can be killed for real. */
public final class ChildJvm {

    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final File log;

    private ChildJvm(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ChildJvm start(Class<?> mainClass, File logDirectory, int port, String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), mainClass.getName(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        File log = new File(logDirectory, mainClass.getSimpleName() + "-" + System.nanoTime() + ".log");
        builder.redirectOutput(log);
        return new ChildJvm(builder.start(), port, log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the health endpoint answers. */
    public WebTestClient awaitUp() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        Eventually.eventually(Duration.ofSeconds(120), () -> {
            // A child that died at start leaves its reason only in its log, which the test's folder loses.
            assertThat(process.isAlive()).as(() -> "process alive; the end of its log:\n" + logTail()).isTrue();
            try {
                http.get().uri("/actuator/health").exchange().expectStatus().isOk();
            } catch (RuntimeException e) {
                throw new AssertionError("not up yet", e);
            }
        });
        return http;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log.toPath());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hooks, nothing flushed on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
