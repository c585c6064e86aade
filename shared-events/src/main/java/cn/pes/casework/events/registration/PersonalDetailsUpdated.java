package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * The person's name or phone changed: corrected by an officer, or different when the person came
 * back to register again. Carries the whole {@link PersonalData} as it now stands.
 */
@Revision("1")
public record PersonalDetailsUpdated(String caseId, PersonalData person) {
}
