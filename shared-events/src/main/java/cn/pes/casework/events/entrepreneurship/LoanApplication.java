package cn.pes.casework.events.entrepreneurship;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a guarantee loan application (创业担保贷款申请, ENT-2..ENT-5) states.
 *
 * @param projectDescription the business project; blank means no concrete project (ENT-3)
 * @param amountRequested    yuan
 * @param termMonthsRequested months
 * @param existingLoans      loans the applicant and spouse hold; empty when none
 * @param claimedGroups      key groups claimed with a document; the case adds those it knows itself
 */
public record LoanApplication(Business business, String projectDescription, BigDecimal amountRequested,
                              int termMonthsRequested, List<ExistingLoan> existingLoans,
                              List<KeyGroupClaim> claimedGroups) {

    public LoanApplication {
        existingLoans = existingLoans == null ? List.of() : List.copyOf(existingLoans);
        claimedGroups = claimedGroups == null ? List.of() : List.copyOf(claimedGroups);
    }
}
