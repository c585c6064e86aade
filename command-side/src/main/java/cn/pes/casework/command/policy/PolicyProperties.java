package cn.pes.casework.command.policy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Policy versions from configuration ({@code pes.policy.*}), so a new figure with a future effective
 * date is a configuration change, not a release. Example:
 *
 * <pre>
 * pes.policy.registration[0].version=REG-2026-01
 * pes.policy.registration[0].effective-from=2026-01-01
 * pes.policy.registration[0].minimum-age=16
 * pes.policy.registration[0].online-decision-working-days=2
 * pes.policy.retention[0].version=RETENTION-2026-01
 * pes.policy.retention[0].effective-from=2026-01-01
 * pes.policy.retention[0].years=5
 * pes.policy.subsidy[0].version=SUB-2026-01
 * pes.policy.subsidy[0].effective-from=2026-01-01
 * pes.policy.subsidy[0].review-working-days=15
 * pes.policy.subsidy[0].amounts.LEVEL_5=1000
 * pes.policy.loan[0].version=LOAN-2027-01
 * pes.policy.loan[0].effective-from=2027-01-01
 * pes.policy.loan[0].amount-limit=300000
 * </pre>
 *
 * @param registration registration policy versions in any order; empty means DOMAIN.md's defaults
 * @param retention    personal data retention versions (PRIV-2) in any order; empty means five years
 * @param subsidy      skills subsidy versions (SUB-2..SUB-7) in any order; empty means DOMAIN.md's defaults
 * @param loan         guarantee loan versions (ENT-3..ENT-5) in any order; empty means DOMAIN.md's defaults
 */
@ConfigurationProperties("pes.policy")
public record PolicyProperties(List<RegistrationPolicy> registration, List<RetentionPolicy> retention,
                               List<SubsidyPolicy> subsidy, List<LoanPolicy> loan) {

    @ConstructorBinding
    public PolicyProperties {
        // The binder passes null when the property is absent; callers should not have to care.
        registration = registration == null ? List.of() : List.copyOf(registration);
        retention = retention == null ? List.of() : List.copyOf(retention);
        subsidy = subsidy == null ? List.of() : List.copyOf(subsidy);
        loan = loan == null ? List.of() : List.copyOf(loan);
    }

    /** Registration, retention and subsidy versions; the loan policy at its default. */
    public PolicyProperties(List<RegistrationPolicy> registration, List<RetentionPolicy> retention,
                            List<SubsidyPolicy> subsidy) {
        this(registration, retention, subsidy, null);
    }

    /** Registration and retention versions; the subsidy policy at its default. */
    public PolicyProperties(List<RegistrationPolicy> registration, List<RetentionPolicy> retention) {
        this(registration, retention, null, null);
    }

    /** Registration versions only; retention at its default. */
    public PolicyProperties(List<RegistrationPolicy> registration) {
        this(registration, null, null, null);
    }
}
