package cn.pes.casework.events.casefile;

import cn.pes.casework.events.shared.Masking;

/** Lookup by full name (exact, whitespace ignored); several people may share a name. Answers {@link CaseSearchResult}. */
public record FindCasesByNameQuery(String name) {

    @Override
    public String toString() {
        return "FindCasesByNameQuery[name=" + Masking.name(name) + "]";
    }
}
