package cn.pes.casework.events.replay;

import cn.pes.casework.events.tracking.LedgerRow;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * @param recordedUpTo the replay's cut-off (null: the history up to the replay's start)
 * @param asOf         what the view stands for: the cut-off, or the replay's start without one
 * @param rows         every contact of the month in those agencies' ledgers, by contact date
 */
public record ReplayedLedgerView(String replayId, Instant recordedUpTo, Instant asOf, List<String> agencyIds,
                                 YearMonth month, List<LedgerRow> rows) {
}
