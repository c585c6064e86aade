package cn.pes.casework.events.entrepreneurship;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A designated entrepreneurship training institution (创业培训定点机构, ENT-1), as configured
 * ({@code pes.entrepreneurship.institutions}).
 *
 * @param agencyId         the agency that designated it (its county or the city)
 * @param types            the training types it is designated for
 * @param designatedFrom   first day of the designation
 * @param designatedUntil  last day of the designation, or null while it lasts
 */
public record TrainingInstitution(String id, String name, String agencyId, Set<TrainingType> types,
                                  LocalDate designatedFrom, LocalDate designatedUntil) {

    public TrainingInstitution {
        // An EnumSet keeps the serialized order stable (Set.copyOf's order changes from run to run).
        EnumSet<TrainingType> ordered = EnumSet.noneOf(TrainingType.class);
        if (types != null) {
            ordered.addAll(types);
        }
        types = Collections.unmodifiableSet(ordered);
    }

    /** Designated for {@code type} on {@code day}. */
    public boolean designatedFor(TrainingType type, LocalDate day) {
        return types.contains(type) && !day.isBefore(designatedFrom)
                && (designatedUntil == null || !day.isAfter(designatedUntil));
    }
}
