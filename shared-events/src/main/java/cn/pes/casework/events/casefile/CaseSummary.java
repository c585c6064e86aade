package cn.pes.casework.events.casefile;

import cn.pes.casework.events.shared.PersonalData;

/** One line of a search result. */
public record CaseSummary(String caseId, PersonalData person, RegistrationStatus status, String agencyId) {
}
