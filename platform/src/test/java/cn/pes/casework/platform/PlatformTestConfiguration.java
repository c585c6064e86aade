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
public class PlatformTestConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(CaseLifecycleFlow.NOW);
    }

    public static String freshDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
