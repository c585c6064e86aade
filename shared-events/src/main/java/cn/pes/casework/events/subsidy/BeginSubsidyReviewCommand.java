package cn.pes.casework.events.subsidy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The reviewing department takes up a received application (受理审核). */
public record BeginSubsidyReviewCommand(@TargetAggregateIdentifier String caseId, String applicationId,
                                        LocalDate startedOn) {
}
