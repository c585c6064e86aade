package cn.pes.casework.events.employer;

/**
 * The recruitment guidance sessions held for an employer (用人单位招聘指导, JOB-1). Answers
 * {@link EmployerGuidanceView}, or null when the employer is unknown.
 */
public record FindEmployerGuidanceQuery(String employerId) {
}
