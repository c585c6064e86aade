package cn.pes.casework.platform.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test sets, so "today" (due dates, overdue lists, months) is a known date. */
public class MutableClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    public MutableClock(LocalDateTime localNow) {
        this.now = localNow.atZone(SHANGHAI).toInstant();
    }

    public void set(LocalDateTime localNow) {
        this.now = localNow.atZone(SHANGHAI).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
