package cn.pes.casework.command.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.TrainingInstitution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The designated entrepreneurship training institutions (创业培训定点机构, ENT-1) as configured. Checked
 * when built, so that a typo in the designation stops the application at startup instead of refusing
 * every enrolment.
 */
public class TrainingInstitutions {

    private final Map<String, TrainingInstitution> byId = new TreeMap<>();

    /** @throws IllegalStateException listing every problem of the configuration */
    public TrainingInstitutions(List<TrainingInstitution> configured) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            TrainingInstitution institution = configured.get(i);
            String at = "pes.entrepreneurship.institutions[" + i + "]";
            if (institution.id() == null || institution.id().isBlank()) {
                problems.add(at + ".id is missing");
            } else if (!ids.add(institution.id())) {
                problems.add(at + ".id '" + institution.id() + "' is used twice");
            }
            if (institution.name() == null || institution.name().isBlank()) {
                problems.add(at + ".name is missing");
            }
            if (institution.agencyId() == null || institution.agencyId().isBlank()) {
                problems.add(at + ".agency-id is missing");
            }
            if (institution.types().isEmpty()) {
                problems.add(at + ".types must name at least one training type");
            }
            if (institution.designatedFrom() == null) {
                problems.add(at + ".designated-from is missing");
            } else if (institution.designatedUntil() != null
                    && institution.designatedUntil().isBefore(institution.designatedFrom())) {
                problems.add(at + ".designated-until is before designated-from");
            }
            if (institution.id() != null) {
                byId.put(institution.id(), institution);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid training institution configuration: "
                    + String.join("; ", problems));
        }
    }

    public Optional<TrainingInstitution> find(String institutionId) {
        return Optional.ofNullable(institutionId == null ? null : byId.get(institutionId));
    }

    /**
     * By ID; only those designated (for any type) on {@code day}, or every configured one when it is null.
     */
    public List<TrainingInstitution> designatedOn(LocalDate day) {
        return byId.values().stream()
                .filter(institution -> day == null || institution.types().stream()
                        .anyMatch(type -> institution.designatedFor(type, day)))
                .sorted(Comparator.comparing(TrainingInstitution::id))
                .toList();
    }
}
