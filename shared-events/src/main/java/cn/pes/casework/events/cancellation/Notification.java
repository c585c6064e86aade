package cn.pes.casework.events.cancellation;

import java.time.LocalDate;

/** How and when the person was told of the cancellation (CAN-2). */
public record Notification(NotificationMethod method, LocalDate notifiedOn) {

    public enum NotificationMethod { IN_PERSON, PHONE, SMS, LETTER, ONLINE_MESSAGE }
}
