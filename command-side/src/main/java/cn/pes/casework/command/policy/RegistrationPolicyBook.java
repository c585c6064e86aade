package cn.pes.casework.command.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Which registration policy version is in force on a given day.
 *
 * <p>The configuration is validated when the book is built, so a typo stops the application at
 * startup instead of deciding cases with wrong figures.
 */
@Component
public class RegistrationPolicyBook {

    private final NavigableMap<LocalDate, RegistrationPolicy> byEffectiveFrom;

    /**
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public RegistrationPolicyBook(PolicyProperties properties) {
        List<RegistrationPolicy> configured = properties.registration().isEmpty()
                ? List.of(RegistrationPolicy.DEFAULT)
                : properties.registration();
        validate(configured);
        NavigableMap<LocalDate, RegistrationPolicy> map = new TreeMap<>();
        configured.forEach(policy -> map.put(policy.effectiveFrom(), policy));
        this.byEffectiveFrom = map;
    }

    /**
     * The version with the latest {@code effectiveFrom} on or before {@code date}.
     *
     * @throws IllegalStateException if every configured version starts after {@code date}: once versions
     *                               are configured they are the whole truth, and silently falling back to the
     *                               built-in defaults would decide a case with figures nobody chose
     */
    public RegistrationPolicy inForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Map.Entry<LocalDate, RegistrationPolicy> entry = byEffectiveFrom.floorEntry(date);
        if (entry == null) {
            throw new IllegalStateException("No registration policy in force on " + date
                    + ": the earliest configured version takes effect " + byEffectiveFrom.firstKey()
                    + " (pes.policy.registration)");
        }
        return entry.getValue();
    }

    /** All versions, oldest first, e.g. for an operator's view of the configuration. */
    public List<RegistrationPolicy> versions() {
        return List.copyOf(byEffectiveFrom.values());
    }

    private static void validate(List<RegistrationPolicy> policies) {
        List<String> problems = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            RegistrationPolicy policy = policies.get(i);
            String at = "pes.policy.registration[" + i + "]";
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
            if (policy.minimumAge() <= 0) {
                problems.add(at + ".minimum-age must be greater than 0, was " + policy.minimumAge());
            }
            // TIME-1 counts from the day after receipt, so 0 working days would make no sense.
            if (policy.onlineDecisionWorkingDays() < 1) {
                problems.add(at + ".online-decision-working-days must be at least 1, was "
                        + policy.onlineDecisionWorkingDays());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid registration policy configuration: " + String.join("; ", problems));
        }
    }
}
