package cn.pes.casework.events.casefile;

import cn.pes.casework.events.shared.Channel;

import java.time.LocalDate;

/**
 * One registration spell: from application or registration to its end.
 *
 * @param endedBy  EMPLOYED, CANCELLED or REJECTED; null while pending or active
 * @param endNote  the employment type or cancellation ground or rejection reason
 */
public record SpellView(int spell, RegistrationStatus status, Channel channel, String agencyId,
                        LocalDate appliedOn, LocalDate decisionDueOn, LocalDate registeredOn,
                        String reason, LocalDate endedOn, RegistrationStatus endedBy, String endNote) {
}
