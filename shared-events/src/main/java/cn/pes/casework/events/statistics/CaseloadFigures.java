package cn.pes.casework.events.statistics;

/**
 * @param activeCases         active registrations made by the end of the month and still active
 * @param uncontactedCases    those of them without a tracking contact in the month
 * @param pendingApplications online applications awaiting a decision now
 * @param overdueApplications those of them past their REG-5 due date
 */
public record CaseloadFigures(int activeCases, int uncontactedCases, int pendingApplications,
                              int overdueApplications) {
}
