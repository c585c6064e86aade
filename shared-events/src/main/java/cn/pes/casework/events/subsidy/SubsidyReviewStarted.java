package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record SubsidyReviewStarted(String caseId, String applicationId, LocalDate startedOn) {
}
