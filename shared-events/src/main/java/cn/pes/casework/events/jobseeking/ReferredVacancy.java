package cn.pes.casework.events.jobseeking;

import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.WageRange;

/** The vacancy a person was referred to, as it was published when the referral was made. */
public record ReferredVacancy(String employerId, String employerName, String vacancyId, String occupation,
                              WageRange wage, String areaAgencyId, EmploymentForm form) {
}
