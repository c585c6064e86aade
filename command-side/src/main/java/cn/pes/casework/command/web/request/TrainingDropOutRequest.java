package cn.pes.casework.command.web.request;

import java.time.LocalDate;

/** The person left the course (退训). */
public record TrainingDropOutRequest(LocalDate droppedOutOn, String reason) {
}
