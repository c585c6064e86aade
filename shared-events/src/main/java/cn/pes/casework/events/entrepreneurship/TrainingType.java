package cn.pes.casework.events.entrepreneurship;

/** The kinds of entrepreneurship training (创业培训) of ENT-1. */
public enum TrainingType {
    /** 创办你的企业（SYB）培训 */
    START_YOUR_BUSINESS,
    /** 网络创业培训 */
    ONLINE,
    /** 经批准的创业实训项目 */
    SPECIAL_PRACTICAL
}
