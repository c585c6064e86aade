package cn.pes.casework.events.fair;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close the fair after it was held: no more enrolments, invitations or attendance. */
public record CloseRecruitmentFairCommand(@TargetAggregateIdentifier String fairId, LocalDate closedOn) {
}
