package cn.pes.casework.command.web.request;

import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.registration.PresentedDocument;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/**
 * A job-seeking registration (求职登记, JOB-2). What JOB-2 requires (identity document, basics,
 * intentions) is checked by the case, so that a missing part is answered with the rule.
 *
 * @param jobSeekingId optional; a client that may resend sets it so the registration is recorded once
 * @param receivedOn   the day it was received; today when absent
 */
public record JobSeekingRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String jobSeekingId,
                                PresentedDocument identityDocument, BasicInformation basics,
                                JobIntentions intentions, LocalDate receivedOn) {
}
