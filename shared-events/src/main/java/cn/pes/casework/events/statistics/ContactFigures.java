package cn.pes.casework.events.statistics;

/**
 * @param contactedCases cases with at least one tracking contact dated in the month, including those
 *                       whose registration has ended since (e.g. the contact found work)
 * @param contacts       tracking contacts dated in the month
 */
public record ContactFigures(int contactedCases, int contacts) {
}
