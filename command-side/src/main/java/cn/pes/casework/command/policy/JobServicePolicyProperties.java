package cn.pes.casework.command.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.List;

/**
 * Job-service policy versions from configuration ({@code pes.policy.job[*]}), bound on their own so
 * that the other policies' properties keep their shape. Example:
 *
 * <pre>
 * pes.policy.job[0].version=JOB-2026-01
 * pes.policy.job[0].effective-from=2026-01-01
 * pes.policy.job[0].review-working-days=1
 * pes.policy.job[0].refusals-before-cancellation-proposal=3
 * </pre>
 *
 * @param job versions in any order; empty means DOMAIN.md's defaults
 */
@ConfigurationProperties("pes.policy")
public record JobServicePolicyProperties(List<JobServicePolicy> job) {

    @ConstructorBinding
    public JobServicePolicyProperties {
        job = job == null ? List.of() : List.copyOf(job);
    }
}
