package cn.pes.casework.events.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Correct a person's name or phone (the ID number identifies the person and never changes).
 *
 * @param phone the new phone, or null to remove it
 */
public record UpdatePersonalDetailsCommand(@TargetAggregateIdentifier String caseId, String name, String phone) {
}
