package cn.pes.casework.events.asof;

/**
 * One thing a case looked different in at the same moment by the two bases: what the agency knew then
 * (recorded) against what is known today to have been so (effective).
 *
 * @param field       {@code status}, {@code agencyId}, {@code categories}, {@code spells}, {@code lastContact}
 *                    or {@code history} (number of events)
 * @param asRecorded  the value by the recorded basis, as a code (enum names, dates ISO, lists joined by ",");
 *                    null when absent
 * @param asEffective the value by the effective basis, coded the same way
 */
public record BasisDifference(String field, String asRecorded, String asEffective) {
}
