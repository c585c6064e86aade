package cn.pes.casework.command.web.request;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.ServiceGiven;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

/**
 * @param contactId optional; a client that may resend (a flaky network) sets it so the contact is recorded once
 */
public record TrackingContactRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String contactId,
                                     @NotNull LocalDate contactDate,
                                     @NotNull ContactMethod method,
                                     @Size(max = 100) String dataMatchSource,
                                     @NotNull Boolean reached,
                                     EmploymentStatus statusFound,
                                     Set<@NotNull ServiceGiven> servicesGiven,
                                     @Size(max = 500) String nextStep,
                                     EmploymentDetails employment,
                                     CancellationGround proposedGround,
                                     Evidence proposalEvidence) {
}
