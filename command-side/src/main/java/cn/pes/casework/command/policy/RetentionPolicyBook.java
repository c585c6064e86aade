package cn.pes.casework.command.policy;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Which retention policy version is in force on a given day. Validated when built, like
 * {@link RegistrationPolicyBook}: a typo stops the application at startup.
 */
@Component
public class RetentionPolicyBook {

    private final PolicyBook<RetentionPolicy> book;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public RetentionPolicyBook(PolicyProperties properties) {
        this.book = new PolicyBook<>("retention", "pes.policy.retention", properties.retention(), RetentionPolicy.DEFAULT);
    }

    /** See {@link PolicyBook#inForceOn}. */
    public RetentionPolicy inForceOn(LocalDate date) {
        return book.inForceOn(date);
    }

    /** All versions, oldest first. */
    public List<RetentionPolicy> versions() {
        return book.versions();
    }
}
