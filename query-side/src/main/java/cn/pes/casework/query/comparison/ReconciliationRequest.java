package cn.pes.casework.query.comparison;

import java.util.List;

/** The body of a reconciliation: the list's ID numbers as given. */
public record ReconciliationRequest(List<String> idNumbers) {

    @Override
    public String toString() {
        return "ReconciliationRequest[" + (idNumbers == null ? 0 : idNumbers.size()) + " ID numbers]";
    }
}
