package cn.pes.casework.events.erasure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Erase a person's personal data once the retention period is over (个人信息删除, PIPL art. 47):
 * an administrator's decision, recorded in the access log with its reason. The case and its
 * statistics stay; the ID number, name and phone become unreadable everywhere.
 *
 * @param requestedOn the day the administrator records it, from which the retention period is judged
 * @param reason      why, for the access log (free text without personal data)
 */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String caseId, LocalDate requestedOn,
                                       String reason) {
}
