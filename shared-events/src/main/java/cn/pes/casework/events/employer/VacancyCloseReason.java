package cn.pes.casework.events.employer;

/** Why a vacancy stopped taking applicants. */
public enum VacancyCloseReason {
    /** 招满: every position was filled; only a published vacancy can be. */
    FILLED,
    /** 撤回: the employer no longer recruits, from pending review or published. */
    WITHDRAWN
}
