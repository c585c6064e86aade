package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A registered person invited to a fair (JOB-5). @param invitedOn today when absent */
public record FairInvitationRequest(@NotBlank @Size(max = 64) String caseId, LocalDate invitedOn) {
}
