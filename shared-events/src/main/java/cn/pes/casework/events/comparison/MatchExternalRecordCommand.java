package cn.pes.casework.events.comparison;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An external record names the person of this case (matched by the blind index of the ID number).
 * With an active registration the case records a tracking contact by information comparison (TRK-2)
 * dated the batch's reference date, and proposes the change the record implies (CAN-3: proposed
 * only). Sending the same record again records nothing more. Answers the {@link MatchOutcome}.
 *
 * @param processedOn the day the row is matched: the day of the proposal
 */
public record MatchExternalRecordCommand(@TargetAggregateIdentifier String caseId, ExternalRecord record,
                                         LocalDate processedOn) {
}
