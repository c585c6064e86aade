package cn.pes.casework.events.erasure;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The person's key was destroyed: their personal data in every earlier event, snapshot and read
 * model is unreadable from now on. Everything else about the case (spells, dates, agencies,
 * categories, birth date and sex) stays, so counts and statistics do not change.
 *
 * @param erasedOn      the day the erasure was decided
 * @param policyVersion the retention policy version that allowed it
 */
@Revision("1")
public record PersonalDataErased(String caseId, LocalDate erasedOn, String policyVersion) {
}
