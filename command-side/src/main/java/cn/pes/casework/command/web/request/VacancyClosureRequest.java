package cn.pes.casework.command.web.request;

import cn.pes.casework.events.employer.VacancyCloseReason;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** @param closedOn the day it was filled or withdrawn; today when absent */
public record VacancyClosureRequest(@NotNull VacancyCloseReason reason, LocalDate closedOn) {
}
