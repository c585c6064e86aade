package cn.pes.casework.events.cancellation;

/**
 * Grounds of CAN-1 other than employment (employment is recorded as {@code Employed}).
 */
public enum CancellationGround {
    /** 按月领取基本养老金 */
    RECEIVES_PENSION,
    /** 完全丧失劳动能力 */
    LOST_ABILITY_TO_WORK,
    /** 入学 (full-time) */
    FULL_TIME_SCHOOL,
    /** 应征入伍 */
    ENLISTED,
    /** 移居境外 */
    MOVED_ABROAD,
    /** 被判刑收监执行 */
    IMPRISONED,
    /** 死亡 */
    DIED,
    /** 放弃求职要求或拒绝公共就业服务 */
    DROPPED_JOB_SEEKING,
    /** 连续6个月未与公共就业服务机构联系 */
    NO_CONTACT_SIX_MONTHS,
    /** 无正当理由三次拒绝推荐就业或培训 */
    REFUSED_OFFERS_THREE_TIMES
}
