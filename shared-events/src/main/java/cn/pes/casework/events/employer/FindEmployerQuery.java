package cn.pes.casework.events.employer;

/** An employer (用人单位) with all its vacancies. Answers {@link EmployerView}, or null when unknown. */
public record FindEmployerQuery(String employerId) {
}
