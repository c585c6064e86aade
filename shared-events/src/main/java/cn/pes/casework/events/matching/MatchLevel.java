package cn.pes.casework.events.matching;

/** How well one criterion fits. */
public enum MatchLevel {
    FULL,
    PARTIAL,
    NONE
}
