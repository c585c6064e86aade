package cn.pes.casework.events.statistics;

import java.time.YearMonth;
import java.util.List;

/**
 * An agency's caseload in a month, summed over the agencies it covers (a county: itself and its
 * streets; the city: every agency). Figures only: no case, no person.
 *
 * @param agencies            the agencies counted, the one asked about first
 * @param activeCases         see {@link CaseloadFigures#activeCases()}
 * @param contactedCases      see {@link ContactFigures#contactedCases()}
 * @param uncontactedCases    see {@link CaseloadFigures#uncontactedCases()}
 * @param pendingApplications awaiting a decision today, whatever the month
 * @param overdueApplications of those, past their due date today
 * @param newRegistrations    see {@link FlowFigures#newRegistrations()}
 * @param employed            see {@link FlowFigures#employed()}
 * @param cancelled           see {@link FlowFigures#cancelled()}: every CAN-1 ground but employment
 */
public record CaseloadStatisticsView(String agencyId, YearMonth month, List<String> agencies, int activeCases,
                                     int contactedCases, int uncontactedCases, int pendingApplications,
                                     int overdueApplications, int newRegistrations, int employed, int cancelled) {
}
