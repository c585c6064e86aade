package cn.pes.casework.events.entrepreneurship;

import cn.pes.casework.events.shared.RefusalReason;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The eligibility decision on a guarantee loan application (资格审核, ENT-2..ENT-5), with every failed
 * condition named and the figures it was measured against.
 *
 * @param eligible          no condition failed
 * @param failedConditions  each failed condition (rule, code, field); empty when eligible
 * @param qualifyingGroups  the key groups the applicant was found in (from the case and from claims with evidence)
 * @param ageOnApplication  completed years (周岁) on the application date, from the ID number
 * @param amountLimit       the ENT-5 individual limit in force, yuan
 * @param maxTermMonths     the ENT-5 longest term in force
 * @param previousLoans     guarantee loans granted to the person before this one (ENT-5 counts them)
 * @param policyVersion     the loan policy version in force on the application date
 */
@Revision("1")
public record GuaranteeLoanEligibilityAssessed(String caseId, String loanId, boolean eligible,
                                               List<RefusalReason> failedConditions,
                                               Set<LoanKeyGroup> qualifyingGroups, int ageOnApplication,
                                               BigDecimal amountLimit, int maxTermMonths, int previousLoans,
                                               LocalDate assessedOn, String policyVersion) {

    public GuaranteeLoanEligibilityAssessed {
        failedConditions = failedConditions == null ? List.of() : List.copyOf(failedConditions);
        // An EnumSet keeps the serialized order stable (Set.copyOf's order changes from run to run).
        EnumSet<LoanKeyGroup> ordered = EnumSet.noneOf(LoanKeyGroup.class);
        if (qualifyingGroups != null) {
            ordered.addAll(qualifyingGroups);
        }
        qualifyingGroups = Collections.unmodifiableSet(ordered);
    }
}
