package cn.pes.casework.events.matching;

import java.util.List;

/** Job seekers for a vacancy, best first; empty when the vacancy is not open. */
public record CandidateMatchesView(String employerId, String vacancyId, List<CandidateMatch> matches) {
}
