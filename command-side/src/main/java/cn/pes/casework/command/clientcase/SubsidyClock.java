package cn.pes.casework.command.clientcase;

import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The payload of a subsidy deadline: which application's clock, and the due day it was set for. The
 * handler decides from these alone (never from the clock), and ignores a deadline whose due day is no
 * longer the application's (the clock was stopped or set anew).
 *
 * @param applicationId the application the clock belongs to
 * @param dueOn         the last day of the period (inclusive); the deadline fires when that day is over
 */
public record SubsidyClock(String applicationId, LocalDate dueOn) {

    static final String REVIEW = "subsidy-review";
    static final String PUBLICITY = "subsidy-publicity";
    static final String PAYMENT = "subsidy-payment";

    /** The days of the periods are the agencies' dates. */
    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    /** The start of the day after the due day: the due day counts in full (TIME-1..TIME-3). */
    Instant firesAt() {
        return dueOn.plusDays(1).atStartOfDay(AGENCY_ZONE).toInstant();
    }

    /**
     * Schedules the clock on the current case. What it causes is recorded as the platform's doing
     * in the department's name, not as the officer's whose command set the clock.
     */
    void schedule(DeadlineManager deadlines, String deadlineName, String departmentId) {
        MetaData metaData = MetaData.from(Map.of(CaseMetadata.OFFICER, CaseMetadata.CLOCK_OFFICER,
                CaseMetadata.AGENCY, departmentId, CaseMetadata.CHANNEL, Channel.BACK_OFFICE.name()));
        deadlines.schedule(firesAt(), deadlineName, new GenericMessage<>(this, metaData));
    }

    /**
     * The metadata for the events a deadline causes: the clock's own (officer, agency, channel, the
     * correlation of the command that set it). Passed on explicitly because a deadline's unit of work
     * copies no correlation data by itself.
     */
    static MetaData eventMetaData(MetaData deadlineMetaData) {
        return deadlineMetaData.subset(CaseMetadata.OFFICER, CaseMetadata.AGENCY, CaseMetadata.CHANNEL,
                CaseMetadata.CORRELATION_ID);
    }
}
