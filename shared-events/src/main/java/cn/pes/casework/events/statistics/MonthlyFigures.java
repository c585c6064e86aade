package cn.pes.casework.events.statistics;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.tracking.ContactMethod;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/**
 * An area's month, by effective dates. Registrations are spells: a person who finds work and
 * registers again counts twice in the flows, once in the stock.
 *
 * @param registeredAtMonthEnd   registrations in force on the month's last day (月末登记失业人数)
 * @param newRegistrations       registrations that took effect in the month
 * @param reEmployed             registrations ended by employment in the month (实现就业)
 * @param reEmployedViaReferral  of those, hires recorded for a referral of the platform (推荐就业)
 * @param cancelledByGround      registrations cancelled in the month, by CAN-1 ground
 * @param longTermUnemployed     of {@code registeredAtMonthEnd}, those registered for more than six
 *                               months on the month's last day (长期失业)
 * @param activeInMonth          registrations in force on at least one day of the month: who should
 *                               have been tracked (TRK-1)
 * @param contactedInMonth       of those, registrations with a tracking contact dated in the month
 * @param contactedByMethod      the same by method (TRK-2); a registration contacted by two methods
 *                               counts under both
 * @param subsidiesPaid          skills subsidies paid in the month, and their amount in yuan
 * @param allowancesPaid         living allowances paid in the month, and their amount in yuan
 * @param loansApproved          guarantee loans approved in the month, and their amount in yuan
 */
public record MonthlyFigures(YearMonth month,
                             int registeredAtMonthEnd,
                             int newRegistrations,
                             int reEmployed,
                             int reEmployedViaReferral,
                             Map<CancellationGround, Integer> cancelledByGround,
                             int longTermUnemployed,
                             int activeInMonth,
                             int contactedInMonth,
                             Map<ContactMethod, Integer> contactedByMethod,
                             int subsidiesPaid,
                             BigDecimal subsidyAmountPaid,
                             int allowancesPaid,
                             BigDecimal allowanceAmountPaid,
                             int loansApproved,
                             BigDecimal loanAmountApproved) {

    public MonthlyFigures {
        cancelledByGround = cancelledByGround == null ? Map.of() : Map.copyOf(cancelledByGround);
        contactedByMethod = contactedByMethod == null ? Map.of() : Map.copyOf(contactedByMethod);
        subsidyAmountPaid = subsidyAmountPaid == null ? BigDecimal.ZERO : subsidyAmountPaid;
        allowanceAmountPaid = allowanceAmountPaid == null ? BigDecimal.ZERO : allowanceAmountPaid;
        loanAmountApproved = loanAmountApproved == null ? BigDecimal.ZERO : loanAmountApproved;
    }

    public int cancelled() {
        return cancelledByGround.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Long-term unemployed per thousand registered at month end (0 when none are registered). */
    public int longTermPerMille() {
        return registeredAtMonthEnd == 0 ? 0 : Math.round(1000f * longTermUnemployed / registeredAtMonthEnd);
    }

    /** Tracking coverage per thousand registrations in force in the month (0 when there are none). */
    public int coveragePerMille() {
        return activeInMonth == 0 ? 0 : Math.round(1000f * contactedInMonth / activeInMonth);
    }
}
