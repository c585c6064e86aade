package cn.pes.casework.command.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The last day of a period, as computed on the {@link WorkingDayCalendar}.
 *
 * <p>{@code provisional} is true when a year the computation looked at has no official holiday data,
 * so only weekends were treated as days off. The date is then a best guess that may move once the
 * State Council publishes that year's arrangement; callers record the flag with the date so nobody
 * mistakes a guess for an official deadline.
 *
 * @param date        the last day of the period (inclusive)
 * @param provisional whether the date rests on a year without official data
 */
public record DueDate(LocalDate date, boolean provisional) {

    public DueDate {
        Objects.requireNonNull(date, "date");
    }
}
