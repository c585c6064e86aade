package cn.pes.casework.events.employment;

import java.time.LocalDate;

/**
 * A job found for a person.
 *
 * @param employer name of the employer or business, may be null for flexible work
 */
public record EmploymentDetails(EmploymentType type, String employer, LocalDate startDate) {
}
