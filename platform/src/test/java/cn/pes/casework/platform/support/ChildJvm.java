package cn.pes.casework.platform.support;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A Spring Boot main class of this build started in a JVM of its own, so it can be killed for real. */
public final class ChildJvm {

    private final Process process;
    private final int port;

    private ChildJvm(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ChildJvm start(Class<?> mainClass, File logDirectory, int port, String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), mainClass.getName(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File(logDirectory, mainClass.getSimpleName() + "-" + System.nanoTime() + ".log"));
        return new ChildJvm(builder.start(), port);
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
            assertThat(process.isAlive()).as("process alive").isTrue();
            try {
                http.get().uri("/actuator/health").exchange().expectStatus().isOk();
            } catch (RuntimeException e) {
                throw new AssertionError("not up yet", e);
            }
        });
        return http;
    }

    /** SIGKILL: no shutdown hooks, nothing flushed on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
