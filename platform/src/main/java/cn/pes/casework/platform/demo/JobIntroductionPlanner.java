package cn.pes.casework.platform.demo;

import cn.pes.casework.events.employer.CloseVacancyCommand;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.PostVacancyCommand;
import cn.pes.casework.events.employer.PublishVacancyCommand;
import cn.pes.casework.events.employer.RegisterEmployerCommand;
import cn.pes.casework.events.employer.RejectVacancyCommand;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.PublishJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RecordReferralOutcomeCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.RegisterJobSeekingCommand;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Job introduction (职业介绍, JOB-2..JOB-4) in the synthetic city: employers that register and post
 * vacancies the agency reviews (organisation commands, sent before any case), and persons who
 * register as job seekers, are referred to vacancies and followed up.
 *
 * <p>The loader sends every organisation command before the first case's, so a vacancy is already in
 * its final state when the referrals arrive: referrals only go to vacancies the plan never closes or
 * rejects. Those it closes were filled or withdrawn outside the agency's referrals.
 */
final class JobIntroductionPlanner {

    private static final String[] EMPLOYER_NAMES = {
            "华中物流有限公司", "东湖电子科技有限公司", "江城建设集团有限公司", "新城家政服务有限公司",
            "解放街便民超市有限公司", "西山农业发展有限公司", "人民路餐饮管理有限公司", "城市公交集团有限公司",
            "长江汽车零部件有限公司", "光谷软件服务有限公司", "汉江纺织有限公司", "楚天物业管理有限公司",
            "晴川酒店管理有限公司", "大桥机械制造有限公司", "金秋养老服务有限公司", "明珠商贸有限公司"};
    private static final String[] OCCUPATIONS = {
            "仓储管理员", "快递员", "电工", "焊工", "家政服务员", "收银员", "厨师", "保安员", "客服专员",
            "汽车维修工", "育婴员", "养老护理员", "叉车司机", "销售代表", "车工", "物业管理员"};
    private static final String[] STREETS = {"解放路", "中山大道", "建设大道", "友谊路", "和平大道", "光谷大道"};
    private static final String[] SKILLS = {"有驾驶证", "会操作电脑", "有相关工作经验", "持有职业资格证书",
            "能吃苦耐劳", "普通话标准"};

    /** A published vacancy that stays open until today: what a referral may send someone to. */
    record OpenVacancy(String employerId, String areaAgencyId, String vacancyId, String occupation, int minWage,
                       LocalDate publishedOn) {
    }

    private final PlanContext plan;
    private final List<OpenVacancy> openVacancies = new ArrayList<>();

    JobIntroductionPlanner(PlanContext plan) {
        this.plan = plan;
    }

    /**
     * Employers registered at the start of the history, each posting vacancies over it; most are
     * published the day they are posted or soon after, a few rejected, some closed later.
     */
    void employers(int count, List<String> agencyIds, int historyDays) {
        LocalDate start = plan.today.minusDays(historyDays);
        for (int e = 0; e < count; e++) {
            String areaAgencyId = plan.pick(agencyIds);
            String officerId = "demo-officer-" + areaAgencyId + "-1";
            String employerId = plan.nextId();
            LocalDate registeredOn = start.plusDays(plan.random.nextInt(7));
            String contactName = plan.pick(new String[]{"王", "李", "张", "刘", "陈"}) + "经理";
            String phone = "027-" + plan.between(8000_0000, 8999_9999);
            String name = EMPLOYER_NAMES[e % EMPLOYER_NAMES.length];
            if (e >= EMPLOYER_NAMES.length) {
                name = "第" + (e / EMPLOYER_NAMES.length + 1) + "分公司" + name;
            }
            plan.add(registeredOn, null, officerId, areaAgencyId, Channel.BACK_OFFICE.name(),
                    new RegisterEmployerCommand(employerId,
                            SocialCreditCodes.of(SocialCreditCodes.ENTERPRISE, areaAgencyId,
                                    Math.floorMod(plan.seed, 10_000L) * 100_000L + e),
                            name, "XX市" + plan.pick(STREETS) + plan.between(1, 300) + "号", areaAgencyId,
                            new PersonalData(null, contactName, phone), registeredOn));
            int vacancies = plan.between(1, 4);
            for (int v = 0; v < vacancies; v++) {
                // The first vacancy comes with the registration, so that early job seekers find some.
                LocalDate postedOn = v == 0 ? registeredOn
                        : registeredOn.plusDays(plan.random.nextInt(Math.max(1, historyDays - 20)));
                vacancy(employerId, areaAgencyId, officerId, postedOn);
            }
        }
    }

    private void vacancy(String employerId, String areaAgencyId, String officerId, LocalDate postedOn) {
        String vacancyId = plan.nextId();
        String occupation = plan.pick(OCCUPATIONS);
        int minWage = 100 * plan.between(28, 60);
        EmploymentForm form = plan.percent(85) ? EmploymentForm.FULL_TIME : EmploymentForm.PART_TIME;
        plan.add(postedOn, null, officerId, areaAgencyId, Channel.BACK_OFFICE.name(),
                new PostVacancyCommand(employerId, vacancyId, occupation, plan.between(1, 10),
                        new WageRange(minWage, minWage + 100 * plan.between(5, 30)), areaAgencyId, form,
                        plan.pick(SKILLS), postedOn));
        // JOB-3: reviewed within a couple of days, never after today.
        LocalDate reviewedOn = PlanContext.earlier(postedOn.plusDays(plan.random.nextInt(3)), plan.today);
        if (plan.percent(5)) {
            plan.add(reviewedOn, null, officerId, areaAgencyId, Channel.BACK_OFFICE.name(),
                    new RejectVacancyCommand(employerId, vacancyId, "岗位信息不完整，请补充工作地点和工作时间",
                            reviewedOn));
            return;
        }
        plan.add(reviewedOn, null, officerId, areaAgencyId, Channel.BACK_OFFICE.name(),
                new PublishVacancyCommand(employerId, vacancyId, reviewedOn));
        LocalDate closedOn = reviewedOn.plusDays(plan.between(30, 150));
        if (plan.percent(25) && !closedOn.isAfter(plan.today)) {
            plan.add(closedOn, null, officerId, areaAgencyId, Channel.BACK_OFFICE.name(),
                    new CloseVacancyCommand(employerId, vacancyId,
                            plan.percent(70) ? VacancyCloseReason.FILLED : VacancyCloseReason.WITHDRAWN, closedOn));
        } else {
            openVacancies.add(new OpenVacancy(employerId, areaAgencyId, vacancyId, occupation, minWage, reviewedOn));
        }
    }

    List<OpenVacancy> openVacancies() {
        return List.copyOf(openVacancies);
    }

    /**
     * A person registered as a job seeker: published on the day received, referred to these vacancies (a
     * set that a referral at a fair adds its own vacancy to), and whether a referral's hire ended the spell.
     */
    record JobSeeker(LocalDate publishedOn, Set<String> referredVacancies, boolean hired) {
    }

    /**
     * Whether the person registers as a job seeker: some of those whose registration lasts long enough
     * to be helped. Then referrals, one at a time, each followed up before the next.
     *
     * @param foundOn the day the agency learns that the person works, null when the spell does not end in
     *                work: a referral may be how, hired with the first day of work on that day
     * @return the job seeker, or null if the person does not register as one; a hire through a referral
     *         ended the spell when {@link JobSeeker#hired} (then nobody else records the employment)
     */
    JobSeeker jobSeeking(PlanContext.Spell spell, LocalDate foundOn, int age) {
        LocalDate lastActive = spell.lastActiveDay(plan.today);
        if (!plan.percent(12) || openVacancies.isEmpty()
                || lastActive.isBefore(spell.registeredOn().plusDays(10))) {
            return null;
        }
        String caseId = spell.caseId();
        String officerId = spell.officerId();
        String agencyId = spell.agencyId();
        String channel = Channel.BACK_OFFICE.name();
        LocalDate receivedOn = spell.registeredOn().plusDays(plan.random.nextInt(
                (int) Math.min(20, lastActive.toEpochDay() - spell.registeredOn().toEpochDay() - 5)));
        String jobSeekingId = plan.nextId();
        OpenVacancy wanted = plan.pick(openVacancies);
        Set<EmploymentForm> forms = plan.percent(80) ? EnumSet.of(EmploymentForm.FULL_TIME)
                : EnumSet.of(EmploymentForm.FULL_TIME, EmploymentForm.PART_TIME);
        EducationLevel education = plan.weighted(EducationLevel.values(), 4, 20, 18, 16, 18, 20, 4);
        plan.add(receivedOn, caseId, officerId, agencyId, channel,
                new RegisterJobSeekingCommand(caseId, jobSeekingId, PresentedDocument.RESIDENT_ID_CARD,
                        new BasicInformation(education, Math.min(Math.max(0, age - 18), plan.between(0, 20)),
                                plan.pick(SKILLS)),
                        new JobIntentions(List.of(wanted.occupation()), 100 * plan.between(25, 50), agencyId, forms),
                        receivedOn, receivedOn));
        // JOB-2: published on the day it is received, within the one working day.
        plan.add(receivedOn, caseId, officerId, agencyId, channel,
                new PublishJobSeekingCommand(caseId, jobSeekingId, receivedOn));

        Set<String> referred = new HashSet<>();
        boolean hireWanted = foundOn != null && plan.percent(40);
        LocalDate day = receivedOn.plusDays(plan.between(1, 10));
        int referrals = plan.weighted(new Integer[]{1, 2, 3}, 50, 35, 15);
        for (int r = 0; r < referrals && !day.isAfter(lastActive); r++) {
            LocalDate referredOn = day;
            List<OpenVacancy> candidates = openVacancies.stream()
                    .filter(v -> !v.publishedOn().isAfter(referredOn)).toList();
            if (candidates.isEmpty()) {
                break;
            }
            OpenVacancy vacancy = plan.pick(candidates);
            referred.add(vacancy.vacancyId());
            String referralId = plan.nextId();
            plan.add(referredOn, caseId, officerId, agencyId, channel,
                    new ReferJobSeekerCommand(caseId, referralId, vacancy.employerId(), vacancy.vacancyId(), null,
                            referredOn, referredOn));
            boolean last = r == referrals - 1;
            if (last && hireWanted) {
                // JOB-6: hired through the referral, learnt of at the follow-up: that is the employment.
                plan.add(foundOn, caseId, officerId, agencyId, channel,
                        new RecordReferralOutcomeCommand(caseId, referralId, ReferralOutcome.HIRED,
                                "单位回访确认录用", foundOn, foundOn, foundOn));
                return new JobSeeker(receivedOn, referred, true);
            }
            LocalDate outcomeOn = referredOn.plusDays(plan.between(2, 12));
            if (outcomeOn.isAfter(lastActive)) {
                return new JobSeeker(receivedOn, referred, false); // followed up after today or the spell: open
            }
            if (plan.percent(30)) {
                plan.add(referredOn.plusDays(1), caseId, officerId, agencyId, channel,
                        new RecordReferralOutcomeCommand(caseId, referralId, ReferralOutcome.INTERVIEWED,
                                "已参加面试，等待单位答复", referredOn.plusDays(1), null, referredOn.plusDays(1)));
            }
            ReferralOutcome outcome = plan.weighted(new ReferralOutcome[]{ReferralOutcome.NOT_HIRED,
                    ReferralOutcome.NO_SHOW, ReferralOutcome.REFUSED_WITH_GOOD_REASON}, 70, 15, 15);
            String note = switch (outcome) {
                case NOT_HIRED -> "单位认为经验不足，未录用";
                case NO_SHOW -> "本人未按约定参加面试";
                default -> "工作地点离家太远";
            };
            // Outcome after the interview note (if any): the outcome day is at least two days after referral.
            plan.add(outcomeOn, caseId, officerId, agencyId, channel,
                    new RecordReferralOutcomeCommand(caseId, referralId, outcome, note, outcomeOn, null, outcomeOn));
            day = outcomeOn.plusDays(plan.between(3, 25));
        }
        return new JobSeeker(receivedOn, referred, false);
    }
}
