package cn.pes.casework.command.policy;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Which guarantee loan policy version is in force on an application date (ENT-3..ENT-5). Validated
 * when built, like {@link SubsidyPolicyBook}: a typo stops the application at startup.
 */
@Component
public class LoanPolicyBook {

    private final PolicyBook<LoanPolicy> book;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public LoanPolicyBook(PolicyProperties properties) {
        this.book = new PolicyBook<>("loan", "pes.policy.loan", properties.loan(), LoanPolicy.DEFAULT);
    }

    /** See {@link PolicyBook#inForceOn}. */
    public LoanPolicy inForceOn(LocalDate date) {
        return book.inForceOn(date);
    }

    /** All versions, oldest first. */
    public List<LoanPolicy> versions() {
        return book.versions();
    }
}
