package cn.pes.casework.events.tracking;

import java.time.YearMonth;

/**
 * The overdue list of TRK-1: cases of an agency with an active registration and no contact yet in
 * the month. Answers {@link UncontactedCasesView}.
 */
public record FindUncontactedCasesQuery(String agencyId, YearMonth month) {
}
