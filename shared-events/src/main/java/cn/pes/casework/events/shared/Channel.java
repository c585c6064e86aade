package cn.pes.casework.events.shared;

/** Where an action came in (REG-3), plus the officers' own back-office work. */
public enum Channel {
    /** Front-desk window of a county or street agency (窗口). */
    WINDOW,
    /** Provincial government service web (省政务服务网). */
    PROVINCIAL_GOVERNMENT_WEB,
    /** National HR&SS service platform and the 掌上12333 app. */
    NATIONAL_HRSS_PLATFORM,
    /** The city public employment service cloud platform (市公共就业服务云平台). */
    CITY_PES_CLOUD,
    /** An officer's own work on a case: tracking, decisions, cancellations. */
    BACK_OFFICE;

    public boolean isOnline() {
        return this == PROVINCIAL_GOVERNMENT_WEB || this == NATIONAL_HRSS_PLATFORM || this == CITY_PES_CLOUD;
    }
}
