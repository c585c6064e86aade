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

/**
 * The versions of one kind of policy, looked up by the day a decision concerns.
 *
 * <p>The configuration is validated when the book is built, so a typo stops the application at
 * startup instead of deciding cases with wrong figures.
 *
 * @param <P> the kind of policy
 */
public final class PolicyBook<P extends DatedPolicy> {

    private final String kind;
    private final String property;
    private final NavigableMap<LocalDate, P> byEffectiveFrom;

    /**
     * @param kind        what the policy is about, for messages ("registration")
     * @param property    where it is configured ("pes.policy.registration")
     * @param configured  the configured versions; when there are none, {@code defaults} alone
     * @throws IllegalStateException if the configured versions are inconsistent (message lists every problem)
     */
    public PolicyBook(String kind, String property, List<P> configured, P defaults) {
        this.kind = kind;
        this.property = property;
        List<P> versions = configured == null || configured.isEmpty() ? List.of(defaults) : configured;
        validate(versions);
        NavigableMap<LocalDate, P> map = new TreeMap<>();
        versions.forEach(policy -> map.put(policy.effectiveFrom(), policy));
        this.byEffectiveFrom = map;
    }

    /**
     * The version with the latest {@code effectiveFrom} on or before {@code date}.
     *
     * @throws IllegalStateException if every configured version starts after {@code date}: once versions
     *                               are configured they are the whole truth, and silently falling back to the
     *                               built-in defaults would decide a case with figures nobody chose
     */
    public P inForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Map.Entry<LocalDate, P> entry = byEffectiveFrom.floorEntry(date);
        if (entry == null) {
            throw new IllegalStateException("No " + kind + " policy in force on " + date
                    + ": the earliest configured version takes effect " + byEffectiveFrom.firstKey()
                    + " (" + property + ")");
        }
        return entry.getValue();
    }

    /** All versions, oldest first, e.g. for an operator's view of the configuration. */
    public List<P> versions() {
        return List.copyOf(byEffectiveFrom.values());
    }

    private void validate(List<P> policies) {
        List<String> problems = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            P policy = policies.get(i);
            String at = property + "[" + i + "]";
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
            policy.figureProblems().forEach(problem -> problems.add(at + problem));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid " + kind + " policy configuration: " + String.join("; ", problems));
        }
    }
}
