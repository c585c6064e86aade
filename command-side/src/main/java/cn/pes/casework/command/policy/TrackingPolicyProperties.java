package cn.pes.casework.command.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.List;

/**
 * Tracking policy versions from configuration ({@code pes.policy.tracking[*]}), bound on their own like
 * {@link JobServicePolicyProperties} so that the other policies' properties keep their shape. Example:
 *
 * <pre>
 * pes.policy.tracking[0].version=TRK-2026-01
 * pes.policy.tracking[0].effective-from=2026-01-01
 * pes.policy.tracking[0].no-contact-months=6
 * </pre>
 *
 * @param tracking versions in any order; empty means DOMAIN.md's six months
 */
@ConfigurationProperties("pes.policy")
public record TrackingPolicyProperties(List<TrackingPolicy> tracking) {

    @ConstructorBinding
    public TrackingPolicyProperties {
        tracking = tracking == null ? List.of() : List.copyOf(tracking);
    }
}
