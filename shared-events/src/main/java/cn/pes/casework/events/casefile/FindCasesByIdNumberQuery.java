package cn.pes.casework.events.casefile;

import cn.pes.casework.events.shared.Masking;

/** Exact lookup by resident ID number, city-wide (REG-4). Answers {@link CaseSearchResult}. */
public record FindCasesByIdNumberQuery(String idNumber) {

    @Override
    public String toString() {
        return "FindCasesByIdNumberQuery[idNumber=" + Masking.idNumber(idNumber) + "]";
    }
}
