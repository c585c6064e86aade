package cn.pes.casework.events.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An officer approves a pending online application; the registration takes effect on {@code decidedOn}. */
public record ApproveRegistrationCommand(@TargetAggregateIdentifier String caseId, LocalDate decidedOn) {
}
