package cn.pes.casework.command.web.request;

import java.time.LocalDate;

/** @param closedOn the day the fair was closed; today when absent (or when no body is sent) */
public record FairClosureRequest(LocalDate closedOn) {
}
