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
 * The payload of a spell's lost-contact deadline (CAN-1 失联): the spell it watches and the day a
 * proposal falls due if nobody dealt with the person since. Like {@link SubsidyClock} the handler
 * decides from these and the case's events alone; a clock of an ended spell, or one overtaken by a
 * contact, is ignored or set anew (never cancelled), so a spell has at most one clock that matters.
 *
 * @param spell the unemployment spell it watches
 * @param dueOn the day after the period without contact ends; the deadline fires when it begins
 */
public record LostContactClock(int spell, LocalDate dueOn) {

    static final String LOST_CONTACT = "lost-contact";

    Instant firesAt() {
        return dueOn.atStartOfDay(SubsidyClock.AGENCY_ZONE).toInstant();
    }

    /** What the clock causes is the platform's doing in the name of the agency responsible for the case. */
    void schedule(DeadlineManager deadlines, String agencyId) {
        MetaData metaData = MetaData.from(Map.of(CaseMetadata.OFFICER, CaseMetadata.CLOCK_OFFICER,
                CaseMetadata.AGENCY, agencyId, CaseMetadata.CHANNEL, Channel.BACK_OFFICE.name()));
        deadlines.schedule(firesAt(), LOST_CONTACT, new GenericMessage<>(this, metaData));
    }
}
