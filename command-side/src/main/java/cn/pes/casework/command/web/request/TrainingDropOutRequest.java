package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The person left the course (退训). */
public record TrainingDropOutRequest(LocalDate droppedOutOn, @Size(max = 1000) String reason) {
}
