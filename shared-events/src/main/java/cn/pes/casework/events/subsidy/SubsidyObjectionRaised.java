package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Payment is held until the objection is resolved (SUB-4). */
@Revision("1")
public record SubsidyObjectionRaised(String caseId, String applicationId, String objectionId, String summary,
                                     LocalDate raisedOn) {
}
