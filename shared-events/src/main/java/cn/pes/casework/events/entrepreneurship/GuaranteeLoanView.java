package cn.pes.casework.events.entrepreneurship;

import cn.pes.casework.events.shared.RefusalReason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One guarantee loan from application to its end, as the case page and the loan page show it. Fields
 * of later stages are null until the loan gets there.
 *
 * @param failedConditions   the assessment's failed conditions (empty when eligible)
 * @param qualifyingGroups   the key groups the assessment found
 * @param outstanding        principal owed now (0 before disbursement and after repayment)
 * @param interestSubsidised yuan of interest subsidy paid so far
 */
public record GuaranteeLoanView(String caseId, String loanId, String agencyId, LoanStage stage,
                                LoanApplication application, LocalDate appliedOn,
                                List<RefusalReason> failedConditions, Set<LoanKeyGroup> qualifyingGroups,
                                Integer ageOnApplication, BigDecimal amountLimit, Integer maxTermMonths,
                                String policyVersion,
                                BigDecimal amountApproved, Integer termMonths, String lender,
                                String guaranteeContractNumber, LocalDate approvedOn,
                                LocalDate declinedOn, String declineReason,
                                LocalDate disbursedOn, LocalDate maturesOn, BigDecimal outstanding,
                                List<LoanRepaymentLine> repayments, List<InterestSubsidyLine> interestSubsidies,
                                BigDecimal interestSubsidised, LocalDate overdueSince, OverdueSource overdueSource,
                                LocalDate repaidOn) {

    public GuaranteeLoanView {
        failedConditions = failedConditions == null ? List.of() : List.copyOf(failedConditions);
        // An EnumSet keeps the serialized order stable (Set.copyOf's order changes from run to run).
        EnumSet<LoanKeyGroup> ordered = EnumSet.noneOf(LoanKeyGroup.class);
        if (qualifyingGroups != null) {
            ordered.addAll(qualifyingGroups);
        }
        qualifyingGroups = Collections.unmodifiableSet(ordered);
        repayments = repayments == null ? List.of() : List.copyOf(repayments);
        interestSubsidies = interestSubsidies == null ? List.of() : List.copyOf(interestSubsidies);
    }
}
