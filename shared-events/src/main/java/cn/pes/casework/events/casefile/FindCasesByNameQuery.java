package cn.pes.casework.events.casefile;

/** Lookup by full name (exact, whitespace ignored); several people may share a name. Answers {@link CaseSearchResult}. */
public record FindCasesByNameQuery(String name) {
}
