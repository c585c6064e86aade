package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RefusalReason;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An application failed the eligibility conditions (REG-1, REG-2) and was refused on the spot;
 * each failed condition is listed so the agency can account for the refusal.
 */
@Revision("1")
public record RegistrationRefused(String caseId, LocalDate appliedOn, Channel channel, String agencyId,
                                  List<RefusalReason> reasons, String policyVersion) {
}
