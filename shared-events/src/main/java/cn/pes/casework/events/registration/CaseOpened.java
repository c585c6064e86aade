package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.Sex;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The first event of every case: a person became a client of the public employment service.
 * Birth date and sex are kept outside {@link PersonalData} so that statistics by age and sex
 * survive erasure of the personal data.
 */
@Revision("1")
public record CaseOpened(String caseId, PersonalData person, LocalDate birthDate, Sex sex, String agencyId) {
}
