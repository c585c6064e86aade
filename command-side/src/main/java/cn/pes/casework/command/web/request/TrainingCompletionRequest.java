package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The course finished with its certificate (结业). */
public record TrainingCompletionRequest(LocalDate completedOn, @Size(max = 200) String certificateNumber) {
}
