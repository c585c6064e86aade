package cn.pes.casework.events.asof;

/**
 * Which of an event's two times decides whether it belongs to a past moment (时点口径).
 */
public enum TimeBasis {
    /** Events recorded up to the moment: what the agency knew then (按记录时间). */
    RECORDED,
    /**
     * Events that had taken effect by the moment, as known today (按生效时间): an effective date on or
     * before the moment's day in the agencies' zone; an event without one counts from when it was recorded.
     */
    EFFECTIVE
}
