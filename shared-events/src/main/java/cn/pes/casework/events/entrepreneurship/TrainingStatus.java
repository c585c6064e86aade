package cn.pes.casework.events.entrepreneurship;

/** Where a person's entrepreneurship training stands. */
public enum TrainingStatus {
    /** 在训 */
    ENROLLED,
    /** 结业（取得合格证书） */
    COMPLETED,
    /** 中途退训 */
    DROPPED_OUT
}
