package cn.pes.casework.events.casefile;

import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.Sex;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case as a caseworker sees it now.
 *
 * @param birthYear    the year of birth only: the full date is part of the ID number, and beside the masked
 *                     number it would give the number away; it comes with an explicit reveal
 * @param agencyId     the agency responsible for the current or last spell
 * @param lastSequence the last event of the case applied to this view
 */
public record CaseView(String caseId, PersonalData person, Integer birthYear, Sex sex,
                       RegistrationStatus status, Set<PersonCategory> categories, String agencyId,
                       List<SpellView> spells, LastContact lastContact, long lastSequence, Instant updatedAt) {
}
