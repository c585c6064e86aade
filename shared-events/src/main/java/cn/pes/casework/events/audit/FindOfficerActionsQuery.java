package cn.pes.casework.events.audit;

import java.time.LocalDate;

/**
 * Who did what (操作查询): every event one officer caused between two days of the agencies' calendar
 * (Asia/Shanghai), both inclusive, by when it was recorded. Answers {@link RecordedActionsView}.
 */
public record FindOfficerActionsQuery(String officerId, LocalDate from, LocalDate to) {

    /** The longest period one query may span, in days: a year, so a leap year fits. */
    public static final int MAX_DAYS = 366;
}
