package cn.pes.casework.platform.demo;

import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ApproveGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.CompleteEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.DeclineGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.EnrolInEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanHolder;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanDisbursementCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanRepaymentCommand;
import cn.pes.casework.events.entrepreneurship.RecordTrainingDropOutCommand;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.shared.Channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Entrepreneurship services (创业服务, ENT-1..ENT-5) in the synthetic city: a small share of registered
 * persons takes entrepreneurship training at a designated institution, and a few apply for a guarantee
 * loan (创业担保贷款): mostly eligible, approved, paid out and repaid in instalments; some refused at
 * assessment or declined by the guarantor, as history. The treasury subsidises each quarter's interest
 * (财政贴息) some weeks after it is paid.
 *
 * <p>No loan is overdue by the platform's clock unintentionally. The maturity clock is set at the
 * payout and fires on the platform's clock, possibly while the loader is still sending that loan's
 * repayments: so no planned loan matures by today (the history is shorter than the longer terms, and a
 * one-year loan old enough to mature gets a longer term). Some are settled early, in full; a loan that
 * matured anyway would have to be repaid in full before its maturity, which the planner checks.
 */
final class EntrepreneurshipPlanner {

    /**
     * The demonstration city's designated institutions (pes-entrepreneurship.yml): ID and the types it
     * is designated for since 2020, which covers the whole history.
     */
    private record Institution(String id, List<TrainingType> types) {
    }

    private static final List<Institution> INSTITUTIONS = List.of(
            new Institution("990101-SYB-01", List.of(TrainingType.START_YOUR_BUSINESS, TrainingType.SPECIAL_PRACTICAL)),
            new Institution("9901-NET-01", List.of(TrainingType.ONLINE)),
            new Institution("990102-SYB-01", List.of(TrainingType.START_YOUR_BUSINESS, TrainingType.SPECIAL_PRACTICAL)));
    private static final String[] TRADES = {"小吃店", "便利店", "快递驿站", "洗车行", "网店", "奶茶店", "家电维修部",
            "花店", "早餐店", "理发店"};
    private static final String[] LENDERS = {"中国建设银行XX市分行", "中国工商银行XX市分行", "XX农村商业银行",
            "中国邮政储蓄银行XX市分行"};
    /** Yearly interest of the loans (the one-year LPR), for plausible interest amounts. */
    private static final BigDecimal YEARLY_RATE = new BigDecimal("0.0345");
    /**
     * What the borrower bears of it: LPR less 150 basis points, the rest subsidised, as in the national
     * rule for individual borrowers in the central and western regions (财金〔2020〕21号).
     */
    private static final BigDecimal BORNE_RATE = new BigDecimal("0.0195");

    private final PlanContext plan;
    private int businesses;

    EntrepreneurshipPlanner(PlanContext plan) {
        this.plan = plan;
    }

    /** Training for a few; of those who complete it, about half apply for a loan; a few apply without it. */
    void entrepreneurship(PlanContext.Spell spell) {
        LocalDate lastActive = spell.lastActiveDay(plan.today);
        if (lastActive.isBefore(spell.registeredOn().plusDays(30))) {
            return;
        }
        int span = (int) (lastActive.toEpochDay() - spell.registeredOn().toEpochDay());
        int age = spell.ageOn(spell.registeredOn());
        boolean trains = age >= 18 && age <= 50 && plan.percent(5);
        LocalDate completedOn = trains ? training(spell, span) : null;
        boolean applies = completedOn != null ? plan.percent(55) : age >= 20 && age <= 50 && plan.percent(1);
        if (!applies) {
            return;
        }
        LocalDate lastApplication = lastActive;
        LocalDate earliest = completedOn != null ? completedOn.plusDays(5) : spell.registeredOn().plusDays(20);
        if (earliest.isAfter(lastApplication)) {
            return;
        }
        LocalDate appliedOn = earliest.plusDays(plan.random.nextInt(
                (int) Math.min(60, lastApplication.toEpochDay() - earliest.toEpochDay()) + 1));
        loan(spell, appliedOn);
    }

    /** @return the day the course was completed, or null when dropped out or not over by today */
    private LocalDate training(PlanContext.Spell spell, int span) {
        Institution institution = plan.pick(INSTITUTIONS);
        TrainingType type = plan.pick(institution.types());
        LocalDate recordedOn = spell.registeredOn().plusDays(plan.between(7, Math.max(7, span - 20)));
        LocalDate startsOn = PlanContext.earlier(recordedOn.plusDays(plan.between(0, 10)), plan.today);
        String caseId = spell.caseId();
        String trainingId = plan.nextId();
        String channel = Channel.BACK_OFFICE.name();
        plan.add(recordedOn, caseId, spell.officerId(), spell.agencyId(), channel,
                new EnrolInEntrepreneurshipTrainingCommand(caseId, trainingId, institution.id(), type, startsOn,
                        recordedOn));
        if (plan.percent(15)) {
            LocalDate droppedOutOn = startsOn.plusDays(plan.between(1, 8));
            if (!droppedOutOn.isAfter(plan.today)) {
                plan.add(droppedOutOn, caseId, spell.officerId(), spell.agencyId(), channel,
                        new RecordTrainingDropOutCommand(caseId, trainingId, droppedOutOn,
                                plan.pick(new String[]{"找到临时工作", "家庭原因无法继续参加", "身体原因"})));
            }
            return null;
        }
        LocalDate completedOn = startsOn.plusDays(type == TrainingType.ONLINE ? plan.between(14, 30)
                : plan.between(8, 15));
        if (completedOn.isAfter(plan.today)) {
            return null; // still on the course
        }
        plan.add(completedOn, caseId, spell.officerId(), spell.agencyId(), channel,
                new CompleteEntrepreneurshipTrainingCommand(caseId, trainingId, completedOn,
                        String.format("CY%04d%06d%04d", completedOn.getYear(), Math.floorMod(plan.seed, 1_000_000L),
                                businesses++)));
        return completedOn;
    }

    private void loan(PlanContext.Spell spell, LocalDate appliedOn) {
        String caseId = spell.caseId();
        String officerId = spell.officerId();
        String agencyId = spell.agencyId();
        String channel = Channel.BACK_OFFICE.name();
        int amount = 10_000 * plan.between(5, 20);
        // Paid out 10 days or more after the application: a one-year loan applied for a year ago or more
        // could mature by today, so it gets a longer term and no maturity clock falls due while the
        // loader sends the repayments.
        boolean wouldMature = !appliedOn.plusMonths(12).isAfter(plan.today);
        int term = wouldMature ? plan.weighted(new Integer[]{24, 36}, 55, 45)
                : plan.weighted(new Integer[]{12, 24, 36}, 30, 40, 30);
        // As history: some applications fail ENT-3/ENT-4 at assessment (recorded, not thrown).
        boolean refused = plan.percent(20);
        boolean unregisteredBusiness = refused && plan.percent(50);
        LegalForm form = plan.percent(80) ? LegalForm.INDIVIDUAL_BUSINESS : LegalForm.LIMITED_COMPANY;
        String code = unregisteredBusiness ? null : SocialCreditCodes.of(
                form == LegalForm.INDIVIDUAL_BUSINESS ? SocialCreditCodes.INDIVIDUAL_BUSINESS : SocialCreditCodes.ENTERPRISE,
                agencyId, 500_000_000L + Math.floorMod(plan.seed, 10_000L) * 10_000L + businesses++);
        List<ExistingLoan> existing = refused && !unregisteredBusiness
                ? List.of(new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.BUSINESS, new BigDecimal("80000")))
                : plan.percent(30) ? List.of(new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.HOUSING,
                        new BigDecimal(10_000 * plan.between(10, 60)))) : List.of();
        String trade = plan.pick(TRADES);
        String loanId = plan.nextId();
        plan.add(appliedOn, caseId, officerId, agencyId, channel,
                new ApplyForGuaranteeLoanCommand(caseId, loanId,
                        new LoanApplication(new Business(spell.surname() + "记" + trade, form, code, !unregisteredBusiness),
                                "开办" + trade + "，租用门面一间，预计带动就业2人", new BigDecimal(amount), term, existing,
                                List.of()),
                        agencyId, appliedOn, appliedOn));
        if (refused) {
            return;
        }
        LocalDate decidedOn = appliedOn.plusDays(plan.between(7, 30));
        if (decidedOn.isAfter(plan.today)) {
            return; // eligible, awaiting the guarantor and the bank
        }
        if (plan.percent(10)) {
            plan.add(decidedOn, caseId, officerId, agencyId, channel,
                    new DeclineGuaranteeLoanCommand(caseId, loanId, decidedOn, "担保机构评估经营风险较高，不予担保"));
            return;
        }
        plan.add(decidedOn, caseId, officerId, agencyId, channel,
                new ApproveGuaranteeLoanCommand(caseId, loanId, new BigDecimal(amount), term, plan.pick(LENDERS),
                        String.format("DB%04d-%06d", decidedOn.getYear(), plan.planned.size()), decidedOn));
        LocalDate disbursedOn = decidedOn.plusDays(plan.between(3, 15));
        if (disbursedOn.isAfter(plan.today)) {
            return;
        }
        plan.add(disbursedOn, caseId, officerId, agencyId, channel,
                new RecordLoanDisbursementCommand(caseId, loanId, disbursedOn));
        repayments(spell, loanId, amount, term, disbursedOn);
    }

    /**
     * Quarterly instalments of equal principal, paid some days before each quarter ends; the last one
     * settles the loan, before its maturity. By today a loan has paid the quarters due so far.
     */
    private void repayments(PlanContext.Spell spell, String loanId, int amount, int term, LocalDate disbursedOn) {
        LocalDate maturesOn = disbursedOn.plusMonths(term);
        boolean matured = !maturesOn.isAfter(plan.today);
        int quarters = term / 3;
        int instalment = amount / quarters;
        int outstanding = amount;
        // Some settle early, in one go, when the business goes well.
        int settledAt = plan.percent(25) ? plan.between(1, Math.min(3, quarters)) : quarters;
        LocalDate periodFrom = disbursedOn;
        for (int q = 1; q <= quarters && outstanding > 0; q++) {
            // A few days before each quarter's end; the last one before maturity.
            LocalDate paidOn = disbursedOn.plusMonths(3L * q).minusDays(plan.between(1, 5));
            if (paidOn.isAfter(plan.today)) {
                break;
            }
            boolean last = q == settledAt;
            int principal = last ? outstanding : instalment;
            BigDecimal interest = BigDecimal.valueOf(outstanding).multiply(YEARLY_RATE)
                    .divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            plan.add(paidOn, spell.caseId(), spell.officerId(), spell.agencyId(), Channel.BACK_OFFICE.name(),
                    new RecordLoanRepaymentCommand(spell.caseId(), loanId, plan.nextId(), paidOn,
                            BigDecimal.valueOf(principal), interest));
            interestSubsidy(spell, loanId, periodFrom, paidOn, outstanding, interest);
            periodFrom = paidOn.plusDays(1);
            outstanding -= principal;
        }
        if (matured && outstanding > 0) {
            throw new IllegalStateException("a matured loan must have been repaid");
        }
    }

    /** The period's interest, paid with the instalment that ends it, is subsidised some weeks later. */
    private void interestSubsidy(PlanContext.Spell spell, String loanId, LocalDate periodFrom, LocalDate periodTo,
                                 int outstanding, BigDecimal interest) {
        LocalDate paidOn = periodTo.plusDays(plan.between(15, 45));
        if (paidOn.isAfter(plan.today)) {
            return;
        }
        BigDecimal subsidy = BigDecimal.valueOf(outstanding).multiply(YEARLY_RATE.subtract(BORNE_RATE))
                .divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
        plan.add(paidOn, spell.caseId(), spell.officerId(), spell.agencyId(), Channel.BACK_OFFICE.name(),
                new RecordInterestSubsidyCommand(spell.caseId(), loanId, periodFrom, periodTo, interest, subsidy,
                        paidOn));
    }
}
