package cn.pes.casework.events.tracking;

import java.time.YearMonth;

/** The tracking ledger (台账) of an agency for a month: one row per contact. Answers {@link TrackingLedgerView}. */
public record FindTrackingLedgerQuery(String agencyId, YearMonth month) {
}
