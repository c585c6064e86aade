package cn.pes.casework.events.matching;

import cn.pes.casework.events.employer.VacancyLine;

import java.util.List;

/** A vacancy, its score (0–100) and the reasons, one per criterion. */
public record VacancyMatch(VacancyLine vacancy, int score, List<MatchReason> reasons) {
}
