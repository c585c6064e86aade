package cn.pes.casework.events.comparison;

import java.util.List;

/**
 * Bulk reconciliation (批量核对): where each person of a list stands with the agency, city-wide
 * (REG-4). Answers {@link ReconciliationView}, a line per ID number in the list's order.
 *
 * @param idNumbers resident ID numbers as the list gives them (normalised by the answer)
 */
public record FindReconciliationQuery(List<String> idNumbers) {

    public FindReconciliationQuery {
        idNumbers = idNumbers == null ? List.of() : List.copyOf(idNumbers);
    }

    @Override
    public String toString() {
        return "FindReconciliationQuery[" + idNumbers.size() + " ID numbers]";
    }
}
