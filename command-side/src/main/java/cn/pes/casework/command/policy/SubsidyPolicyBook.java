package cn.pes.casework.command.policy;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Which subsidy policy version is in force on an application's receipt date. Validated when built,
 * like {@link RegistrationPolicyBook}: a typo stops the application at startup.
 */
@Component
public class SubsidyPolicyBook {

    private final PolicyBook<SubsidyPolicy> book;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public SubsidyPolicyBook(PolicyProperties properties) {
        this.book = new PolicyBook<>("subsidy", "pes.policy.subsidy", properties.subsidy(), SubsidyPolicy.DEFAULT);
    }

    /** See {@link PolicyBook#inForceOn}. */
    public SubsidyPolicy inForceOn(LocalDate date) {
        return book.inForceOn(date);
    }

    /** All versions, oldest first. */
    public List<SubsidyPolicy> versions() {
        return book.versions();
    }
}
