package cn.pes.casework.events.asof;

import java.time.Instant;

/**
 * A case as it was at a past moment (历史时点查看), rebuilt from its events. Answers {@link CaseAsOfView},
 * or null when no such case exists.
 *
 * @param at    the moment; not in the future
 * @param basis which of the events' times decides what belongs to the moment
 */
public record FindCaseAsOfQuery(String caseId, Instant at, TimeBasis basis) {
}
