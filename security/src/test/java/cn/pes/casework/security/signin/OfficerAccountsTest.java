package cn.pes.casework.security.signin;

import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecuritySchema;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OfficerAccountsTest {

    /** Two processes on one database seed the configured accounts at the same moment when started together. */
    @Test
    void accountsSeededAtOnceByManyProcessesAreCreatedOnceWithoutFailingAny() throws Exception {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new SecuritySchema(dataSource).afterPropertiesSet();
        OfficerAccounts accounts = new OfficerAccounts(new JdbcTemplate(dataSource));
        int seeders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(seeders);
        try {
            for (int round = 0; round < 20; round++) {
                String username = "caseworker-" + round;
                CyclicBarrier start = new CyclicBarrier(seeders);
                List<Future<Boolean>> created = new ArrayList<>();
                for (int i = 0; i < seeders; i++) {
                    created.add(pool.submit(() -> {
                        start.await();
                        return accounts.createIfAbsent(username, "W" + username, "990101001",
                                Set.of(Role.CASEWORKER), "{noop}x");
                    }));
                }
                int creators = 0;
                for (Future<Boolean> result : created) {
                    creators += result.get() ? 1 : 0;
                }
                assertThat(creators).as("round %d", round).isEqualTo(1);
                assertThat(accounts.find(username)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
