package cn.pes.casework.command.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Durable clocks (SUB-3..SUB-5): Axon's {@code DbSchedulerDeadlineManager} keeps every scheduled
 * deadline as a row of db-scheduler's {@code scheduled_tasks} table in the event store's database
 * (created by {@link EventStoreSchema}), so a deadline survives a stop and fires after the next start
 * — at once, if its time passed meanwhile. The db-scheduler starter builds the scheduler on the
 * event store's DataSource (made transaction-aware, so a deadline is scheduled in the transaction
 * of the events that set it) and Axon's auto-configuration the deadline manager and its task.
 * Settings under {@code db-scheduler.*} (polling interval: {@code PES_DEADLINE_POLLING_INTERVAL}).
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    /**
     * The scheduler asks the platform's clock whether a deadline is due, not the system clock: one
     * notion of "now" for requests and clocks alike (and a test that moves the clock sees deadlines fire).
     */
    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }
}
