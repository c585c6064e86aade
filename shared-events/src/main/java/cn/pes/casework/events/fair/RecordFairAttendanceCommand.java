package cn.pes.casework.events.fair;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that a person came to the fair (到场), invited or not. Recording twice records it once. */
public record RecordFairAttendanceCommand(@TargetAggregateIdentifier String fairId, String caseId,
                                          LocalDate attendedOn) {
}
