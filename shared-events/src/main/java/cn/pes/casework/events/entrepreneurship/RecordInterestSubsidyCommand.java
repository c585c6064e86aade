package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Record the interest subsidy (财政贴息) paid for one interest period of a disbursed loan. Periods of
 * one loan do not overlap and lie within its life.
 *
 * @param interest yuan of interest due for the period
 * @param subsidy  yuan of it paid by the subsidy; at most {@code interest}
 */
public record RecordInterestSubsidyCommand(@TargetAggregateIdentifier String caseId, String loanId,
                                           LocalDate periodFrom, LocalDate periodTo, BigDecimal interest,
                                           BigDecimal subsidy, LocalDate paidOn) {
}
