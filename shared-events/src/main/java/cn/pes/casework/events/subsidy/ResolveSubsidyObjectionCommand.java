package cn.pes.casework.events.subsidy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The department's finding on an objection: upheld (the application is rejected) or dismissed
 * (payment goes ahead once publicity is over).
 */
public record ResolveSubsidyObjectionCommand(@TargetAggregateIdentifier String caseId, String applicationId,
                                             String objectionId, boolean upheld, String finding,
                                             LocalDate resolvedOn) {
}
