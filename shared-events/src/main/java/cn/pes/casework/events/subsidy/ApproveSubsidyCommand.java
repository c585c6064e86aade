package cn.pes.casework.events.subsidy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The reviewing department approves (审核通过); the amounts come from the policy, not the caller. */
public record ApproveSubsidyCommand(@TargetAggregateIdentifier String caseId, String applicationId,
                                    LocalDate decidedOn) {
}
