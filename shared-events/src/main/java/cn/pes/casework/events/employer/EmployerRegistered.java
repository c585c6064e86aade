package cn.pes.casework.events.employer;

import cn.pes.casework.events.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An employer was registered (用人单位登记, JOB-3).
 *
 * @param creditCode the unified social credit code, normalised (upper case, no spaces)
 * @param contact    the contact person bound to the employer ID as data subject, so that it is sealed
 *                   with the employer's key wherever it is stored; the ID number is always null
 */
@Revision("1")
public record EmployerRegistered(String employerId, String creditCode, String name, String registeredAddress,
                                 String areaAgencyId, PersonalData contact, LocalDate registeredOn) {
}
