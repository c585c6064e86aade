package cn.pes.casework.events.matching;

import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.shared.PersonalData;

import java.util.List;

/**
 * A job seeker for a vacancy, the score (0–100) and the reasons.
 *
 * @param person as stored (opened with the person's key); the web layer masks it on the way out
 */
public record CandidateMatch(String caseId, PersonalData person, String agencyId, BasicInformation basics,
                             JobIntentions intentions, int score, List<MatchReason> reasons) {
}
