package cn.pes.casework.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case lifecycle on the embedded defaults: H2 file event store, embedded MongoDB-compatible read models. */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=platform")
@Import(PlatformTestConfiguration.class)
class EmbeddedCaseLifecycleTest extends CaseLifecycleFlow {

    private static final String DATA_DIR = PlatformTestConfiguration.freshDataDir("pes-embedded-");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pes.data-dir", () -> DATA_DIR);
    }
}
