package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The objection held; a {@link SubsidyRejected} naming it follows. */
@Revision("1")
public record SubsidyObjectionUpheld(String caseId, String applicationId, String objectionId, String finding,
                                     LocalDate resolvedOn) {
}
