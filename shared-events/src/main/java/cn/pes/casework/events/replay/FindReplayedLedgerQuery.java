package cn.pes.casework.events.replay;

import java.time.YearMonth;
import java.util.List;

/**
 * The tracking ledger (台账) of some agencies (a county and the streets below it) for a month, as
 * built by a finished replay of the tracking-ledger target: with a cut-off, the ledger as the platform
 * knew it at that instant. Answers {@link ReplayedLedgerView}; null when the replay is unknown, not
 * done, or not of that target.
 */
public record FindReplayedLedgerQuery(String replayId, List<String> agencyIds, YearMonth month) {
}
