package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * An online application was received and awaits an officer's decision (REG-5).
 *
 * @param decisionDueOn        last working day of the decision period, computed when received
 * @param dueDateProvisional   true when the calendar had no official data for a year the period
 *                             touches and weekends alone were counted
 */
@Revision("1")
public record RegistrationApplied(String caseId, int spell, LocalDate appliedOn, Channel channel,
                                  UnemploymentReason reason, Set<PersonCategory> categories, String agencyId,
                                  LocalDate decisionDueOn, boolean dueDateProvisional, String policyVersion) {
}
