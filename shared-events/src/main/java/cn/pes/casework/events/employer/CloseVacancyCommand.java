package cn.pes.casework.events.employer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close a vacancy (岗位关闭): filled (only once published) or withdrawn (pending or published). */
public record CloseVacancyCommand(@TargetAggregateIdentifier String employerId, String vacancyId,
                                  VacancyCloseReason reason, LocalDate closedOn) {
}
