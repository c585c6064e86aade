package cn.pes.casework.command.web.request;

/**
 * An officer dismisses a status-change proposal (CAN-3). The reason is checked by the case, so that a
 * missing one answers with the rule ID like every other violation of CAN-3.
 */
public record StatusChangeDismissalRequest(String reason) {
}
