package cn.pes.casework.events.casefile;

/** Exact lookup by resident ID number, city-wide (REG-4). Answers {@link CaseSearchResult}. */
public record FindCasesByIdNumberQuery(String idNumber) {
}
