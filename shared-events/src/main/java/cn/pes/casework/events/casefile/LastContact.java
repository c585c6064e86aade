package cn.pes.casework.events.casefile;

import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;

import java.time.LocalDate;

public record LastContact(String contactId, LocalDate contactDate, ContactMethod method, boolean reached,
                          EmploymentStatus statusFound) {
}
