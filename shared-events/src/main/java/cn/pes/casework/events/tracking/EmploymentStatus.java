package cn.pes.casework.events.tracking;

/** Employment status found by a tracking contact (TRK-3). */
public enum EmploymentStatus {
    /** 未就业 */
    UNEMPLOYED,
    /** 单位就业 */
    EMPLOYED_BY_UNIT,
    /** 灵活就业 */
    FLEXIBLE,
    /** 自主创业/个体经营 */
    SELF_EMPLOYED;

    public boolean isInWork() {
        return this != UNEMPLOYED;
    }
}
