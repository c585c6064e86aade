package cn.pes.casework.events.employer;

import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * An employer and its vacancies, the newest posted first.
 *
 * @param contact as stored (opened with the employer's key); the web layer masks it on the way out
 */
public record EmployerView(String employerId, String creditCode, String name, String registeredAddress,
                           String areaAgencyId, PersonalData contact, LocalDate registeredOn,
                           List<VacancyView> vacancies) {
}
