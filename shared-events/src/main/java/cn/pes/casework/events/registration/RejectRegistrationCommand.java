package cn.pes.casework.events.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An officer rejects a pending online application, with the reason told to the applicant. */
public record RejectRegistrationCommand(@TargetAggregateIdentifier String caseId, LocalDate decidedOn,
                                        String reason) {
}
