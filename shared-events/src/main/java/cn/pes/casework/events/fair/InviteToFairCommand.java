package cn.pes.casework.events.fair;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Invite a registered person to the fair (邀请参会). Inviting twice records it once. */
public record InviteToFairCommand(@TargetAggregateIdentifier String fairId, String caseId, LocalDate invitedOn) {
}
