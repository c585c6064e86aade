package cn.pes.casework.platform.demo;

import cn.pes.casework.command.policy.SubsidyPolicy;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.RaiseSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.RecordSubsidyPaymentCommand;
import cn.pes.casework.events.subsidy.RejectSubsidyCommand;
import cn.pes.casework.events.subsidy.ResolveSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Skills upgrading subsidies (职业技能提升补贴, SUB-1..SUB-7) in the synthetic city: a registered person
 * obtains a vocational certificate and applies to the county's HR&SS department, which reviews and
 * approves (most) or rejects. Approvals of the last days are still published today, and someone has
 * objected to a few of them (SUB-4); the department has upheld some objections, dismissed others, and is
 * still looking into the rest. Older approvals have been paid some weeks after the decision (SUB-5),
 * subsidy and allowance as the policy in force on receipt sets them (SUB-6, SUB-7), or wait for payment.
 *
 * <p>Only the last {@link #WINDOW_DAYS} days hold applications. The platform arms the payment clock when
 * its own clock ends the publicity, a deadline that fires some seconds after the approval arrives; an
 * approval older than the window would then find its payment deadline (SUB-5) long passed and show as
 * missed before its planned payment arrived, which no demonstration department should. So payments are
 * follow-ups ({@link PlannedCommand#followUpOf}): sent after every case's commands, once the publicity
 * clocks have fired, and within the window every approval is paid, or waits for payment, in time.
 */
final class SubsidyPlanner {

    /**
     * Publicity (5 working days) and payment (60) after the decision: 65 working days, never fewer than
     * 84 calendar days even with make-up workdays; decided within this window, nothing is overdue today.
     */
    static final int WINDOW_DAYS = 80;
    /** SUB-3's 15 working days are at least 19 calendar days; deciding within 14 is always in time. */
    static final int MAX_DECISION_DAYS = 14;
    /**
     * Paid this many calendar days after the decision at the earliest: publicity's 5 working days are over
     * by then even across the Spring Festival or National Day holidays.
     */
    static final int FIRST_PAYMENT_DAY = 25;
    /** And at the latest: payment's 60 working days after publicity are never fewer than 84 calendar days. */
    static final int LAST_PAYMENT_DAY = 55;
    /**
     * Objections are planned only for approvals this many days old or younger, whose publicity lasts beyond
     * today (5 working days from the day after the approval are at least 5 calendar days): the platform's
     * clock ends an older approval's publicity as soon as it arrives, and an objection sent after that would
     * be refused.
     */
    static final int LAST_OBJECTION_DECISION_DAYS = 4;
    /** At the platform's defaults: yuan per certificate level, allowance (as DOMAIN.md says). */
    static final Function<LocalDate, SubsidyPolicy> DEFAULT_POLICY = receivedOn -> SubsidyPolicy.DEFAULT;

    private static final String[] OCCUPATIONS = {"电工", "焊工", "育婴员", "养老护理员", "中式烹调师",
            "美容师", "保育师", "计算机程序设计员", "叉车司机", "家政服务员", "汽车维修工", "茶艺师"};
    private static final String[] ISSUERS = {"XX市职业技能鉴定指导中心", "XX市职业技能等级认定中心",
            "湖北省职业技能鉴定指导中心"};
    private static final Set<PersonCategory> ALLOWANCE_GROUPS = EnumSet.of(PersonCategory.POVERTY_ALLEVIATED,
            PersonCategory.EMPLOYMENT_DIFFICULTY, PersonCategory.ZERO_EMPLOYMENT_FAMILY, PersonCategory.DISABLED);

    private final PlanContext plan;
    /** The subsidy policy in force on a receipt date, for the amounts a payment must match. */
    private final Function<LocalDate, SubsidyPolicy> policies;
    private int certificates;

    SubsidyPlanner(PlanContext plan, Function<LocalDate, SubsidyPolicy> policies) {
        this.plan = plan;
        this.policies = policies;
    }

    /** Some persons apply once, received at least two weeks after their registration took effect. */
    void subsidy(PlanContext.Spell spell) {
        LocalDate earliest = spell.registeredOn().plusDays(14);
        LocalDate windowStart = plan.today.minusDays(WINDOW_DAYS);
        if (earliest.isBefore(windowStart)) {
            earliest = windowStart;
        }
        if (earliest.isAfter(plan.today) || !plan.percent(8)) {
            return;
        }
        LocalDate receivedOn = earliest.plusDays(plan.random.nextInt((int) (plan.today.toEpochDay()
                - earliest.toEpochDay() + 1)));
        // SUB-2: issued after the registration, well within the 12 months before receipt.
        long sinceRegistration = receivedOn.toEpochDay() - spell.registeredOn().toEpochDay();
        LocalDate issuedOn = receivedOn.minusDays(plan.random.nextInt((int) Math.min(sinceRegistration, 200) + 1));
        CertificateLevel level = plan.weighted(new CertificateLevel[]{CertificateLevel.LEVEL_5,
                CertificateLevel.LEVEL_4, CertificateLevel.LEVEL_3}, 60, 30, 10);
        String number = String.format("S%04d%02d%06d%05d", issuedOn.getYear(), issuedOn.getMonthValue(),
                Math.floorMod(plan.seed, 1_000_000L), certificates++);
        Set<PersonCategory> groups = EnumSet.noneOf(PersonCategory.class);
        spell.categories().stream().filter(ALLOWANCE_GROUPS::contains).forEach(groups::add);
        LivingAllowanceClaim claim = groups.isEmpty() ? null : new LivingAllowanceClaim(groups, null, false);

        String departmentId = spell.countyAgencyId();
        String officerId = "demo-officer-" + departmentId + "-1";
        String channel = Channel.BACK_OFFICE.name();
        String caseId = spell.caseId();
        String applicationId = plan.nextId();
        plan.add(receivedOn, caseId, officerId, departmentId, channel,
                new SubmitCertificateCommand(caseId, applicationId,
                        new Certificate(plan.pick(OCCUPATIONS), level, number, plan.pick(ISSUERS), issuedOn),
                        plan.weighted(ApplicationPlace.values(), 60, 25, 15), departmentId, claim, receivedOn,
                        receivedOn));
        LocalDate startedOn = receivedOn.plusDays(plan.between(0, 3));
        LocalDate decidedOn = receivedOn.plusDays(plan.between(3, MAX_DECISION_DAYS));
        if (startedOn.isAfter(plan.today)) {
            return; // received in the last days: not taken up yet, still within its review period
        }
        plan.add(startedOn, caseId, officerId, departmentId, channel,
                new BeginSubsidyReviewCommand(caseId, applicationId, startedOn));
        if (decidedOn.isAfter(plan.today)) {
            return; // under review today, within its 15 working days
        }
        if (plan.percent(12)) {
            plan.add(decidedOn, caseId, officerId, departmentId, channel,
                    new RejectSubsidyCommand(caseId, applicationId, "证书信息经全国联网查询核验不符", decidedOn));
            return;
        }
        plan.add(decidedOn, caseId, officerId, departmentId, channel,
                new ApproveSubsidyCommand(caseId, applicationId, decidedOn));
        if (!decidedOn.isBefore(plan.today.minusDays(LAST_OBJECTION_DECISION_DAYS))) {
            if (decidedOn.isBefore(plan.today) && plan.percent(15)) {
                objection(caseId, applicationId, officerId, departmentId, decidedOn);
            }
            return; // in publicity today
        }
        LocalDate paidOn = decidedOn.plusDays(plan.between(FIRST_PAYMENT_DAY, LAST_PAYMENT_DAY));
        if (paidOn.isAfter(plan.today)) {
            return; // approved, waiting for payment within its time
        }
        SubsidyPolicy policy = policies.apply(receivedOn);
        BigDecimal amount = policy.amountFor(level).orElseThrow(() -> new IllegalStateException(
                "the policy in force subsidises no " + level));
        // SUB-6: the allowance with the first approval; each person applies once in the city.
        if (claim != null && claim.groups().stream().anyMatch(policy.allowanceGroups()::contains)) {
            amount = amount.add(policy.allowanceAmount());
        }
        plan.addFollowUp(paidOn, caseId, caseId, officerId, departmentId, channel,
                new RecordSubsidyPaymentCommand(caseId, applicationId, amount, paidOn,
                        String.format("6217%015d", Math.floorMod(plan.random.nextLong(), 1_000_000_000_000_000L)),
                        paidOn));
    }

    /**
     * SUB-4: an objection in the first days of publicity, found on within two days (upheld now and then) or
     * still open today, holding the payment.
     */
    private void objection(String caseId, String applicationId, String officerId, String departmentId,
                           LocalDate decidedOn) {
        LocalDate raisedOn = decidedOn.plusDays(plan.between(1, (int) Math.min(3,
                plan.today.toEpochDay() - decidedOn.toEpochDay())));
        String channel = Channel.BACK_OFFICE.name();
        String objectionId = plan.nextId();
        plan.add(raisedOn, caseId, officerId, departmentId, channel,
                new RaiseSubsidyObjectionCommand(caseId, applicationId, objectionId,
                        plan.pick(new String[]{"群众来电反映申请人证书取得方式存疑", "来信反映申请人已在外地领取同类补贴"}),
                        raisedOn));
        LocalDate resolvedOn = raisedOn.plusDays(plan.between(0, 2));
        if (resolvedOn.isAfter(plan.today)) {
            return;
        }
        boolean upheld = plan.percent(30);
        plan.add(resolvedOn, caseId, officerId, departmentId, channel,
                new ResolveSubsidyObjectionCommand(caseId, applicationId, objectionId, upheld,
                        upheld ? "经核查反映属实，不予补贴" : "经核查证书真实有效，反映不属实", resolvedOn));
    }
}
