package cn.pes.casework.command.policy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Which job-service policy version is in force on a day. Validated when built, like
 * {@link SubsidyPolicyBook}: a typo stops the application at startup.
 */
@Component
@EnableConfigurationProperties(JobServicePolicyProperties.class)
public class JobServicePolicyBook {

    private final PolicyBook<JobServicePolicy> book;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public JobServicePolicyBook(JobServicePolicyProperties properties) {
        this.book = new PolicyBook<>("job service", "pes.policy.job", properties.job(), JobServicePolicy.DEFAULT);
    }

    /** See {@link PolicyBook#inForceOn}. */
    public JobServicePolicy inForceOn(LocalDate date) {
        return book.inForceOn(date);
    }

    /** All versions, oldest first. */
    public List<JobServicePolicy> versions() {
        return book.versions();
    }
}
