package cn.pes.casework.events.audit;

import java.util.List;

/**
 * The answer to the audit trail's queries.
 *
 * @param actions in the order they were recorded (then by record and sequence)
 * @param limited true when there were more than the answer carries; the earliest are kept
 */
public record RecordedActionsView(List<RecordedAction> actions, boolean limited) {
}
