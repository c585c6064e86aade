package cn.pes.casework.events.employer;

import cn.pes.casework.events.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Register an employer (用人单位登记, JOB-3). The caller chooses {@code employerId}.
 *
 * @param creditCode        unified social credit code (统一社会信用代码), GB 32100-2015; one employer per code city-wide
 * @param areaAgencyId      the street or county agency of the area where the employer is registered
 * @param contact           the contact person: personal data, only name and phone (no ID number)
 * @param registeredOn      the day the agency records it
 */
public record RegisterEmployerCommand(@TargetAggregateIdentifier String employerId, String creditCode, String name,
                                      String registeredAddress, String areaAgencyId, PersonalData contact,
                                      LocalDate registeredOn) {
}
