package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A registration took effect: at a window at once, or online once approved (then after
 * {@link RegistrationApproved}). Starts a spell of unemployment.
 *
 * @param registeredOn  effective date of the registration
 * @param agencyId      the agency responsible for tracking the spell
 * @param policyVersion the registration policy version the eligibility decision used
 */
@Revision("1")
public record UnemploymentRegistered(String caseId, int spell, LocalDate registeredOn, Channel channel,
                                     PresentedDocument presentedDocument, UnemploymentReason reason,
                                     Set<PersonCategory> categories, String agencyId, String policyVersion) {
}
