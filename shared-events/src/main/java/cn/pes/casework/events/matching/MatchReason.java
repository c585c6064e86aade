package cn.pes.casework.events.matching;

/**
 * Why a match got the points it got on one criterion: the explanation shown next to it.
 *
 * @param points of the score, out of {@code maxPoints}
 * @param detail the values compared, e.g. the occupation both name or the two wages
 */
public record MatchReason(MatchCriterion criterion, MatchLevel level, int points, int maxPoints, String detail) {
}
