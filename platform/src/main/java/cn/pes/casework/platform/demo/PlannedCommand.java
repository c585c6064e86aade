package cn.pes.casework.platform.demo;

import java.time.LocalDate;

/**
 * One command of the synthetic city with what it is sent with: the day it happens (and is recorded),
 * the case it concerns, and the officer and agency who act, as an officer's request would carry them.
 *
 * @param sequence      its place in the plan; sent in this order within a case
 * @param on            the day of the fact, also the command's {@code recordedOn} where it has one
 * @param caseId        the case the command is for (new or existing); {@code null} for a command to an
 *                      organisation's aggregate (an employer, a vacancy), which the loader sends before
 *                      any case's, in plan order, so the cases can refer to it
 * @param officerId     the acting officer (a demonstration officer of {@code agencyId})
 * @param agencyId      the acting agency: the case's own, so the case is in scope
 * @param channel       the channel metadata (the registration's channel, otherwise back office)
 * @param correlationId ties the command's events together, derived from the seed
 * @param command       the command's payload
 * @param followUpOf    null for a command sent in its turn; for a follow-up, the aggregate it goes to (a
 *                      case, a fair). Follow-ups are sent after every case's commands, those of one aggregate
 *                      in plan order: a fair's invitations and attendance, which name cases that must exist
 *                      first, and a subsidy payment, which waits for the platform's own clock to end the
 *                      approved list's publicity (SUB-4)
 */
public record PlannedCommand(int sequence, LocalDate on, String caseId, String officerId, String agencyId,
                             String channel, String correlationId, Object command, String followUpOf) {

    /** Whether it belongs to a person's case (rather than to an organisation the cases refer to). */
    public boolean forCase() {
        return caseId != null;
    }

    /** Whether it is sent after every case's commands ({@code followUpOf}). */
    public boolean followUp() {
        return followUpOf != null;
    }
}
