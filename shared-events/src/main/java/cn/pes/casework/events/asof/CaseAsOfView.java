package cn.pes.casework.events.asof;

import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.HistoryEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case at a past moment, rebuilt from its events by the same projections as the live case page.
 *
 * @param at              the moment asked for
 * @param basis           the basis {@link #caseThen} and {@link #history} were selected by
 * @param day             the moment's day in the agencies' zone (Asia/Shanghai), the limit for effective dates
 * @param openedAt        when the case's first event was recorded
 * @param existedThen     false when nothing of the case belongs to the moment yet ("no events yet");
 *                        {@link #caseThen} is then null and {@link #history} empty
 * @param caseThen        the case as it was by the basis: state, spells, categories, last contact; masked
 *                        on the way out like the live case
 * @param history         its events that belong to the moment by the basis, in event order
 * @param learnedLater    events in effect by the moment's day but recorded after the moment (后来获知),
 *                        each with both its effective date and its recording time; the same for either basis
 * @param differences     what the case looked different in by the two bases at this moment; empty when
 *                        the agency knew then everything known today about that moment
 * @param currentAgencyId the agency responsible for the case today, which decides who may see it
 * @param eventsRead      how many events of the case were read from the event store
 */
public record CaseAsOfView(String caseId, Instant at, TimeBasis basis, LocalDate day, Instant openedAt,
                           boolean existedThen, CaseView caseThen, List<HistoryEntry> history,
                           List<HistoryEntry> learnedLater, List<BasisDifference> differences,
                           String currentAgencyId, int eventsRead) {
}
