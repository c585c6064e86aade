package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;
import java.util.Set;

/**
 * Register a person as unemployed (失业登记), at a window or through an online channel.
 * The handler finds the person's existing case by ID number or opens a new one under
 * {@code newCaseId}; the case ID is never derived from the ID number.
 *
 * @param newCaseId          the identifier to use if the person has no case yet (time-ordered, from the caller)
 * @param person             personal data; the ID number gives birth date and sex
 * @param applicationDate    the day the application was received
 * @param channel            REG-3 channel
 * @param presentedDocument  document shown at a window (REG-2); null online
 * @param declaration        the REG-1 conditions besides age
 * @param reason             REG-7 reason for unemployment
 * @param categories         DOMAIN.md section 7 categories
 * @param agencyId           the agency that takes responsibility for the registration (REG-4: any agency)
 */
public record RegisterUnemploymentCommand(String newCaseId,
                                          PersonalData person,
                                          LocalDate applicationDate,
                                          Channel channel,
                                          PresentedDocument presentedDocument,
                                          EligibilityDeclaration declaration,
                                          UnemploymentReason reason,
                                          Set<PersonCategory> categories,
                                          String agencyId) {
}
