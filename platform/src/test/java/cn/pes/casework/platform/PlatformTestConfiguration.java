package cn.pes.casework.platform;

import cn.pes.casework.platform.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** A clock the tests set; both sides take "today" from it. */
@TestConfiguration(proxyBeanMethods = false)
class PlatformTestConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(CaseLifecycleFlow.NOW);
    }

    static String freshDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
