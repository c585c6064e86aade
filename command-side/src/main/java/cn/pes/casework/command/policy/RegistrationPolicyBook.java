package cn.pes.casework.command.policy;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Which registration policy version is in force on a given day.
 *
 * <p>The configuration is validated when the book is built, so a typo stops the application at
 * startup instead of deciding cases with wrong figures.
 */
@Component
public class RegistrationPolicyBook {

    private final PolicyBook<RegistrationPolicy> book;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public RegistrationPolicyBook(PolicyProperties properties) {
        this.book = new PolicyBook<>("registration", "pes.policy.registration", properties.registration(),
                RegistrationPolicy.DEFAULT);
    }

    /** See {@link PolicyBook#inForceOn}. */
    public RegistrationPolicy inForceOn(LocalDate date) {
        return book.inForceOn(date);
    }

    /** All versions, oldest first. */
    public List<RegistrationPolicy> versions() {
        return book.versions();
    }
}
