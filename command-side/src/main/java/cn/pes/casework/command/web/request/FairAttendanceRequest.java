package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A person who came to a fair, invited or not (JOB-5). @param attendedOn today when absent */
public record FairAttendanceRequest(@NotBlank @Size(max = 64) String caseId, LocalDate attendedOn) {
}
