package cn.pes.casework.events.subsidy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The reviewing department rejects (审核不通过) with a reason the applicant is told. */
public record RejectSubsidyCommand(@TargetAggregateIdentifier String caseId, String applicationId, String reason,
                                   LocalDate decidedOn) {
}
