package cn.pes.casework.command.policy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Which tracking policy version is in force on a day of last contact (CAN-1 lost contact). Validated
 * when built, like {@link SubsidyPolicyBook}: a typo stops the application at startup.
 */
@Component
@EnableConfigurationProperties(TrackingPolicyProperties.class)
public class TrackingPolicyBook {

    private final PolicyBook<TrackingPolicy> book;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public TrackingPolicyBook(TrackingPolicyProperties properties) {
        this.book = new PolicyBook<>("tracking", "pes.policy.tracking", properties.tracking(),
                TrackingPolicy.DEFAULT);
    }

    /** See {@link PolicyBook#inForceOn}. */
    public TrackingPolicy inForceOn(LocalDate date) {
        return book.inForceOn(date);
    }

    /** All versions, oldest first. */
    public List<TrackingPolicy> versions() {
        return book.versions();
    }
}
