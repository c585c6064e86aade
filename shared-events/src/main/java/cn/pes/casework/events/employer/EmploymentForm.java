package cn.pes.casework.events.employer;

/** Whether a vacancy is full-time (全日制) or part-time (非全日制) work. */
public enum EmploymentForm {
    FULL_TIME,
    PART_TIME
}
