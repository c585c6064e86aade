package cn.pes.casework.command.web.request;

import java.time.LocalDate;

/** The course finished with its certificate (结业). */
public record TrainingCompletionRequest(LocalDate completedOn, String certificateNumber) {
}
