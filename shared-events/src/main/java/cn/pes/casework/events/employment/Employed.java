package cn.pes.casework.events.employment;

import cn.pes.casework.events.cancellation.Evidence;
import org.axonframework.serialization.Revision;

/**
 * The person is back in work and the registration spell ends on the employment start date.
 *
 * @param contactId           the tracking contact that found the job, or null when recorded directly
 * @param responsibleAgencyId the agency the spell belonged to
 */
@Revision("1")
public record Employed(String caseId, int spell, EmploymentDetails employment, Evidence evidence,
                       String contactId, String responsibleAgencyId) {
}
