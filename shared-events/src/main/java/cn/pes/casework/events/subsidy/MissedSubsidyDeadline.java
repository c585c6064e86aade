package cn.pes.casework.events.subsidy;

import java.time.LocalDate;

/**
 * @param kind         REVIEW (SUB-3) or PAYMENT (SUB-5)
 * @param completedOn  when the review or payment was finally done, or null while still outstanding
 */
public record MissedSubsidyDeadline(String caseId, String applicationId, String departmentId, Kind kind,
                                    LocalDate dueOn, LocalDate completedOn) {

    public enum Kind { REVIEW, PAYMENT }
}
