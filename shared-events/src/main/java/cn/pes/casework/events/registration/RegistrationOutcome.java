package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.RefusalReason;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link RegisterUnemploymentCommand} led to. A refusal is an answer, not an exception: its
 * {@link RegistrationRefused} event is stored so the agency can account for it.
 *
 * @param caseId        the person's case
 * @param spell         the spell number: 1 for the first application or registration of a case; a rejected
 *                      online application keeps its number, so the next one counts on from it; 0 when refused
 * @param status        ACTIVE (window), PENDING (online, awaiting a decision) or REFUSED
 * @param decisionDueOn for PENDING: the last day of the REG-5 decision period
 * @param reasons       for REFUSED: every failed condition
 */
public record RegistrationOutcome(String caseId, int spell, Status status, LocalDate decisionDueOn,
                                  List<RefusalReason> reasons) {

    public enum Status { ACTIVE, PENDING, REFUSED }
}
