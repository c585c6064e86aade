package cn.pes.casework.events.fair;

/** Whether a recruitment fair is held online (网络招聘会) or at a place (现场招聘会). */
public enum FairFormat {
    ONLINE,
    OFFLINE
}
