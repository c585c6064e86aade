package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The application ends without payment: rejected in review, or an objection during publicity was
 * upheld ({@code objectionId} names it).
 *
 * @param late in review: decided after the review due date (SUB-3)
 */
@Revision("1")
public record SubsidyRejected(String caseId, String applicationId, String reason, LocalDate decidedOn, boolean late,
                              String objectionId) {
}
