package cn.pes.casework.events.fair;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A person came to the fair. */
@Revision("1")
public record FairAttended(String fairId, String caseId, LocalDate attendedOn) {
}
