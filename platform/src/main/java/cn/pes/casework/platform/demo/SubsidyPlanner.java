package cn.pes.casework.platform.demo;

import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.RejectSubsidyCommand;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Skills upgrading subsidies (职业技能提升补贴, SUB-1..SUB-7) in the synthetic city: a registered person
 * obtains a vocational certificate and applies to the county's HR&SS department, which reviews and
 * approves (most) or rejects.
 *
 * <p>Only the last {@link #WINDOW_DAYS} days hold applications, and none is paid: payment needs the
 * approved list's publicity to have ended (SUB-4), which the platform's own clock records some seconds
 * after the approval arrives, while the loader sends a case's commands back to back. An approval older
 * than the window would meanwhile have run past its payment deadline (SUB-5) and show as missed,
 * which no demonstration department should; within the window, approvals wait for payment in time.
 */
final class SubsidyPlanner {

    /**
     * Publicity (5 working days) and payment (60) after the decision: 65 working days, never fewer than
     * 84 calendar days even with make-up workdays; decided within this window, nothing is overdue today.
     */
    static final int WINDOW_DAYS = 80;
    /** SUB-3's 15 working days are at least 19 calendar days; deciding within 14 is always in time. */
    static final int MAX_DECISION_DAYS = 14;

    private static final String[] OCCUPATIONS = {"电工", "焊工", "育婴员", "养老护理员", "中式烹调师",
            "美容师", "保育师", "计算机程序设计员", "叉车司机", "家政服务员", "汽车维修工", "茶艺师"};
    private static final String[] ISSUERS = {"XX市职业技能鉴定指导中心", "XX市职业技能等级认定中心",
            "湖北省职业技能鉴定指导中心"};
    private static final Set<PersonCategory> ALLOWANCE_GROUPS = EnumSet.of(PersonCategory.POVERTY_ALLEVIATED,
            PersonCategory.EMPLOYMENT_DIFFICULTY, PersonCategory.ZERO_EMPLOYMENT_FAMILY, PersonCategory.DISABLED);

    private final PlanContext plan;
    private int certificates;

    SubsidyPlanner(PlanContext plan) {
        this.plan = plan;
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
        } else {
            plan.add(decidedOn, caseId, officerId, departmentId, channel,
                    new ApproveSubsidyCommand(caseId, applicationId, decidedOn));
        }
    }
}
