package cn.pes.casework.events.matching;

/** What a match between a job seeker and a vacancy is judged on (人岗匹配). */
public enum MatchCriterion {
    OCCUPATION,
    AREA,
    WAGE,
    FORM
}
