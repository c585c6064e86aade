package cn.pes.casework.events.jobseeking;

/** Topics of career guidance for a worker (职业指导, JOB-1). */
public enum GuidanceTopic {
    /** 政策咨询 */
    POLICY_INFORMATION,
    /** 求职方法指导 */
    JOB_SEEKING_METHOD,
    /** 职业方向 */
    CAREER_DIRECTION,
    /** 培训建议 */
    TRAINING_ADVICE,
    /** 职业测评 */
    VOCATIONAL_ASSESSMENT,
    /** 特殊群体就业指导 */
    SPECIAL_GROUP_GUIDANCE
}
