package cn.pes.casework.web;

import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.StatusChangeProposalLine;

import java.time.LocalDate;

/**
 * A status-change proposal as the queue and the case page show it: the person masked, the agency by
 * name, whether this officer may decide it, and the effective date the confirmation form starts from —
 * the record's date or the employment's start, which is when the change happened, else today — and
 * the agency's today, when the person is usually told.
 */
record ProposalRow(StatusChangeProposalLine line, MaskedPerson person, boolean mayDecide, String agencyName,
                   LocalDate defaultEffectiveDate, LocalDate today) {

    static ProposalRow of(StatusChangeProposalLine line, boolean mayDecide, String agencyName, LocalDate today) {
        LocalDate effective = line.record() != null && line.record().recordDate() != null ? line.record().recordDate()
                : line.employment() != null && line.employment().startDate() != null ? line.employment().startDate()
                : today;
        return new ProposalRow(line, MaskedPerson.of(line.person()), mayDecide && line.state() == ProposalState.OPEN,
                agencyName, effective, today);
    }

    /** A cancellation needs the notification (CAN-2); an employment does not. */
    public boolean cancellation() {
        return line.ground() != null;
    }
}
