package cn.pes.casework.events.fair;

import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;

/**
 * A person invited to or attending a fair.
 *
 * @param person     as stored (opened with the person's key); the web layer masks it on the way out
 * @param invitedOn  null when not invited
 * @param attendedOn null when not (yet) attended
 */
public record FairParticipant(String caseId, PersonalData person, LocalDate invitedOn, LocalDate attendedOn) {
}
