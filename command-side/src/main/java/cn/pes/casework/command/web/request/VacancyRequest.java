package cn.pes.casework.command.web.request;

import cn.pes.casework.events.employer.EmploymentForm;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A vacancy to post (JOB-3). Headcount and wage range are checked by the employer (JOB-3), not here.
 *
 * @param vacancyId optional; a client that may resend sets it so the vacancy is posted once
 * @param postedOn  the day the employer handed it in; today when absent
 */
public record VacancyRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String vacancyId,
                             @NotBlank @Size(max = 200) String occupation,
                             @NotNull Integer headcount,
                             @NotNull Integer wageMin,
                             @NotNull Integer wageMax,
                             @NotBlank @Size(max = 20) String areaAgencyId,
                             @NotNull EmploymentForm form,
                             @Size(max = 1000) String requirements,
                             LocalDate postedOn) {
}
