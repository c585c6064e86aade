package cn.pes.casework.events.employer;

/**
 * The monthly wage a vacancy offers (月薪范围), whole yuan; {@code minYuan <= maxYuan} (JOB-3).
 */
public record WageRange(int minYuan, int maxYuan) {
}
