package cn.pes.casework.events.employer;

import java.util.List;

/** @param more whether more vacancies matched than the limit let through */
public record OpenVacanciesView(List<VacancyLine> vacancies, boolean more) {
}
