package cn.pes.casework.events.employer;

import java.time.LocalDate;

/**
 * A vacancy in its employer's view, whatever its status.
 *
 * @param reviewedOn      the day it was published or rejected, or null while pending
 * @param rejectionReason why the review refused it, or null
 * @param closeReason     why it closed, or null while not closed
 */
public record VacancyView(String vacancyId, String occupation, int headcount, WageRange wage, String areaAgencyId,
                          EmploymentForm form, String requirements, VacancyStatus status, LocalDate postedOn,
                          LocalDate reviewedOn, String rejectionReason, VacancyCloseReason closeReason,
                          LocalDate closedOn) {
}
