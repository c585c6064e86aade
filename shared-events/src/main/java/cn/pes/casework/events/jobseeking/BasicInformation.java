package cn.pes.casework.events.jobseeking;

/**
 * What a job seeker tells about themselves at job-seeking registration (求职登记基本信息, JOB-2).
 *
 * @param yearsOfExperience whole years of work, 0 for none
 * @param skills            free text: skills, certificates, past jobs
 */
public record BasicInformation(EducationLevel education, int yearsOfExperience, String skills) {
}
