package cn.pes.casework.events.fair;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Plan a recruitment fair for unemployed persons (招聘会, JOB-5). The caller chooses {@code fairId}.
 *
 * @param place            the address, or for an online fair its web address
 * @param organiserAgencyId the agency holding it
 */
public record PlanRecruitmentFairCommand(@TargetAggregateIdentifier String fairId, String title, FairFormat format,
                                         LocalDate heldOn, String place, String organiserAgencyId,
                                         LocalDate recordedOn) {
}
