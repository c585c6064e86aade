package cn.pes.casework.command.policy;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which retention policy version is in force on a given day. Validated when built, like
 * {@link RegistrationPolicyBook}: a typo stops the application at startup.
 */
@Component
public class RetentionPolicyBook {

    private final NavigableMap<LocalDate, RetentionPolicy> byEffectiveFrom;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public RetentionPolicyBook(PolicyProperties properties) {
        List<RetentionPolicy> configured = properties.retention().isEmpty()
                ? List.of(RetentionPolicy.DEFAULT)
                : properties.retention();
        validate(configured);
        NavigableMap<LocalDate, RetentionPolicy> map = new TreeMap<>();
        configured.forEach(policy -> map.put(policy.effectiveFrom(), policy));
        this.byEffectiveFrom = map;
    }

    /**
     * The version with the latest {@code effectiveFrom} on or before {@code date}.
     *
     * @throws IllegalStateException if every configured version starts after {@code date}
     */
    public RetentionPolicy inForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Map.Entry<LocalDate, RetentionPolicy> entry = byEffectiveFrom.floorEntry(date);
        if (entry == null) {
            throw new IllegalStateException("No retention policy in force on " + date
                    + ": the earliest configured version takes effect " + byEffectiveFrom.firstKey()
                    + " (pes.policy.retention)");
        }
        return entry.getValue();
    }

    /** All versions, oldest first. */
    public List<RetentionPolicy> versions() {
        return List.copyOf(byEffectiveFrom.values());
    }

    private static void validate(List<RetentionPolicy> policies) {
        List<String> problems = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            RetentionPolicy policy = policies.get(i);
            String at = "pes.policy.retention[" + i + "]";
            if (policy.version() == null || policy.version().isBlank()) {
                problems.add(at + ".version is missing");
            } else if (!versions.add(policy.version())) {
                problems.add(at + ".version '" + policy.version() + "' is used twice");
            }
            if (policy.effectiveFrom() == null) {
                problems.add(at + ".effective-from is missing");
            } else if (!dates.add(policy.effectiveFrom())) {
                problems.add(at + ".effective-from " + policy.effectiveFrom()
                        + " is used twice, so the version in force that day would be ambiguous");
            }
            if (policy.years() < 1) {
                problems.add(at + ".years must be at least 1, was " + policy.years());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid retention policy configuration: " + String.join("; ", problems));
        }
    }
}
