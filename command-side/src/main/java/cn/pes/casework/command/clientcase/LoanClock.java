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
 * The payload of a guarantee loan's maturity deadline (到期): which loan, and the day its term ends. Like
 * {@link SubsidyClock} the handler decides from these alone and ignores a clock whose day is no longer
 * the loan's, or a loan repaid or reported overdue meanwhile (the clock is never cancelled, only ignored).
 *
 * @param maturesOn the last day of the term; the deadline fires when that day is over
 */
public record LoanClock(String loanId, LocalDate maturesOn) {

    static final String MATURITY = "guarantee-loan-maturity";

    Instant firesAt() {
        return maturesOn.plusDays(1).atStartOfDay(SubsidyClock.AGENCY_ZONE).toInstant();
    }

    /** What the clock causes is the platform's doing in the name of the agency handling the loan. */
    void schedule(DeadlineManager deadlines, String agencyId) {
        MetaData metaData = MetaData.from(Map.of(CaseMetadata.OFFICER, CaseMetadata.CLOCK_OFFICER,
                CaseMetadata.AGENCY, agencyId, CaseMetadata.CHANNEL, Channel.BACK_OFFICE.name()));
        deadlines.schedule(firesAt(), MATURITY, new GenericMessage<>(this, metaData));
    }
}
