package cn.pes.casework.command.clientcase;

import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The payload of the JOB-2 review deadline: which registration's clock, and the due day it was set
 * for. The handler decides from these alone (never from the clock), like {@link SubsidyClock}.
 *
 * @param jobSeekingId the registration the clock belongs to
 * @param dueOn        the last day of the review period (inclusive); the deadline fires when that day is over
 */
public record JobSeekingClock(String jobSeekingId, LocalDate dueOn) {

    static final String REVIEW = "job-seeking-review";

    /** The start of the day after the due day: the due day counts in full (TIME-1). */
    Instant firesAt() {
        return dueOn.plusDays(1).atStartOfDay(SubsidyClock.AGENCY_ZONE).toInstant();
    }

    /** What the missed deadline records is the platform's doing in the reviewing agency's name. */
    void schedule(DeadlineManager deadlines, String agencyId) {
        MetaData metaData = MetaData.from(Map.of(CaseMetadata.OFFICER, CaseMetadata.CLOCK_OFFICER,
                CaseMetadata.AGENCY, agencyId, CaseMetadata.CHANNEL, Channel.BACK_OFFICE.name()));
        deadlines.schedule(firesAt(), REVIEW, new GenericMessage<>(this, metaData));
    }
}
