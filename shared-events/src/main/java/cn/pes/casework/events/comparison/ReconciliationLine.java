package cn.pes.casework.events.comparison;

import cn.pes.casework.events.casefile.LastContact;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Where one person of a reconciliation list stands. Without a case only {@code index} and
 * {@code problem} (or nothing, when the number is valid but unknown) are set.
 *
 * @param index               the position in the query's list, from 0
 * @param problem             why the ID number could not be looked up ({@code ID_NUMBER_...}), or null
 * @param spellStart          the current or last registration's first day
 * @param spellEnd            the last registration's end (employment or cancellation), or null
 * @param subsidiesApplied    skills subsidy applications (SUB-1)
 * @param subsidiesPaid       of them paid
 * @param subsidyAmountPaid   yuan paid, living allowances included
 * @param loans               guarantee loan applications (ENT-2)
 * @param latestLoanStage     the stage of the latest one, or null
 * @param loanOutstanding     principal owed now over all loans
 */
public record ReconciliationLine(int index, String problem, String caseId, PersonalData person,
                                 RegistrationStatus status, LocalDate spellStart, LocalDate spellEnd, String agencyId,
                                 LastContact lastContact, Set<PersonCategory> categories, int subsidiesApplied,
                                 int subsidiesPaid, BigDecimal subsidyAmountPaid, int loans,
                                 LoanStage latestLoanStage, BigDecimal loanOutstanding) {
}
