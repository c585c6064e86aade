package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A referral to a published vacancy (推荐就业, JOB-4).
 *
 * @param referralId optional; a client that may resend sets it so the referral is recorded once
 * @param fairId     the recruitment fair it is made at, or null
 * @param referredOn today when absent
 */
public record ReferralRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String referralId,
                              @NotBlank @Size(max = 64) String employerId,
                              @NotBlank @Size(max = 64) String vacancyId,
                              @Size(max = 64) String fairId,
                              LocalDate referredOn) {
}
