package cn.pes.casework.platform.demo;

import cn.pes.casework.events.fair.CloseRecruitmentFairCommand;
import cn.pes.casework.events.fair.EnrolFairEmployerCommand;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.fair.InviteToFairCommand;
import cn.pes.casework.events.fair.PlanRecruitmentFairCommand;
import cn.pes.casework.events.fair.RecordFairAttendanceCommand;
import cn.pes.casework.events.jobseeking.RecordReferralOutcomeCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.shared.Channel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Recruitment fairs (招聘会, JOB-5) in the synthetic city: every county agency holds one a month, at its
 * human resources market or online, with some of the employers of its area and their open vacancies. The
 * agency invites some of the persons registered in the county beforehand; about half of them come, and a
 * few come uninvited. The fair is closed a few days after it was held.
 *
 * <p>A fair and its employers are organisation commands, sent before any case's. Invitations, attendance
 * and the closing name the city's persons, so they are follow-ups ({@link PlannedCommand#followUpOf}), sent
 * once every case exists. A fair's history is one aggregate's, read again for each command it decides, so
 * invitations and uninvited visitors are capped per fair, as a county's own invitation lists are.
 */
final class FairPlanner {

    /** Individual invitations per fair at most (定向邀请). */
    static final int MAX_INVITED = 120;
    /** Persons recorded at a fair without an invitation, at most. */
    static final int MAX_UNINVITED = 40;
    /** Employers at one fair at most, each with its open vacancies in the county. */
    static final int MAX_EMPLOYERS = 6;

    private static final String[] MARKETS = {"人力资源市场", "就业服务中心大厅", "人才市场", "职业介绍中心广场"};

    /** One planned fair, and the persons its invitations and attendance name so far. */
    private static final class Fair {
        final String fairId;
        final String countyAgencyId;
        final FairFormat format;
        final LocalDate heldOn;
        /** The vacancies its employers bring. */
        final List<JobIntroductionPlanner.OpenVacancy> offered;
        int invited;
        int uninvited;

        Fair(String fairId, String countyAgencyId, FairFormat format, LocalDate heldOn,
             List<JobIntroductionPlanner.OpenVacancy> offered) {
            this.fairId = fairId;
            this.countyAgencyId = countyAgencyId;
            this.format = format;
            this.heldOn = heldOn;
            this.offered = offered;
        }
    }

    private final PlanContext plan;
    private final Map<String, List<Fair>> byCounty = new LinkedHashMap<>();

    FairPlanner(PlanContext plan) {
        this.plan = plan;
    }

    /**
     * A fair a month in each county, from the month the history starts until the next month's, each
     * planned two to three weeks ahead (so none is planned after today) with the employers that come.
     *
     * @param counties      the county agencies, which organise
     * @param countyOf      the county an agency is in (itself for a county)
     * @param openVacancies vacancies published and never closed, which employers bring
     */
    void fairs(List<String> counties, UnaryOperator<String> countyOf,
               List<JobIntroductionPlanner.OpenVacancy> openVacancies, int historyDays) {
        LocalDate historyStart = plan.today.minusDays(historyDays);
        for (String county : counties) {
            List<Fair> fairs = new ArrayList<>();
            for (YearMonth month = YearMonth.from(historyStart); !month.isAfter(YearMonth.from(plan.today).plusMonths(1));
                 month = month.plusMonths(1)) {
                LocalDate heldOn = month.atDay(plan.between(5, 25));
                LocalDate recordedOn = heldOn.minusDays(plan.between(14, 21));
                if (recordedOn.isBefore(historyStart) || recordedOn.isAfter(plan.today)) {
                    continue;
                }
                Fair fair = fair(county, countyOf, heldOn, recordedOn, openVacancies);
                if (fair != null) {
                    fairs.add(fair);
                }
            }
            byCounty.put(county, fairs);
        }
    }

    private Fair fair(String county, UnaryOperator<String> countyOf, LocalDate heldOn,
                      LocalDate recordedOn, List<JobIntroductionPlanner.OpenVacancy> openVacancies) {
        LocalDate enrolledOn = PlanContext.earlier(heldOn.minusDays(plan.between(1, 7)), plan.today);
        if (enrolledOn.isBefore(recordedOn)) {
            enrolledOn = recordedOn;
        }
        LocalDate enrolmentDay = enrolledOn;
        Map<String, List<JobIntroductionPlanner.OpenVacancy>> vacanciesByEmployer = new LinkedHashMap<>();
        for (JobIntroductionPlanner.OpenVacancy vacancy : openVacancies) {
            if (county.equals(countyOf.apply(vacancy.areaAgencyId())) && !vacancy.publishedOn().isAfter(enrolmentDay)) {
                vacanciesByEmployer.computeIfAbsent(vacancy.employerId(), id -> new ArrayList<>()).add(vacancy);
            }
        }
        if (vacanciesByEmployer.isEmpty()) {
            return null; // no employer of the county has anything to offer yet
        }
        FairFormat format = plan.percent(30) ? FairFormat.ONLINE : FairFormat.OFFLINE;
        String fairId = plan.nextId();
        String officerId = officer(county);
        String channel = Channel.BACK_OFFICE.name();
        String place = format == FairFormat.ONLINE
                ? "https://job.example.gov.cn/fairs/" + fairId
                : "XX市" + plan.pick(MARKETS) + "（" + county + "）";
        plan.add(recordedOn, null, officerId, county, channel,
                new PlanRecruitmentFairCommand(fairId, title(heldOn, format), format, heldOn, place, county, recordedOn));
        List<String> employers = new ArrayList<>(vacanciesByEmployer.keySet());
        int coming = Math.min(employers.size(), plan.between(2, MAX_EMPLOYERS));
        List<JobIntroductionPlanner.OpenVacancy> offered = new ArrayList<>();
        for (int e = 0; e < coming; e++) {
            String employerId = employers.remove(plan.random.nextInt(employers.size()));
            List<JobIntroductionPlanner.OpenVacancy> brought = vacanciesByEmployer.get(employerId);
            offered.addAll(brought);
            plan.add(enrolmentDay, null, officerId, county, channel, new EnrolFairEmployerCommand(fairId, employerId,
                    brought.stream().map(JobIntroductionPlanner.OpenVacancy::vacancyId).toList(), enrolmentDay));
        }
        return new Fair(fairId, county, format, heldOn, List.copyOf(offered));
    }

    /** Themes the city's fairs take by month: the Spring Breeze campaign, the private-enterprise month. */
    private static String title(LocalDate heldOn, FairFormat format) {
        String theme = switch (heldOn.getMonthValue()) {
            case 1, 2, 3 -> "春风行动";
            case 5 -> "民营企业招聘月";
            case 7, 8 -> "高校毕业生就业服务";
            default -> "就业援助";
        };
        return String.format("%d年%d月%s%s招聘会", heldOn.getYear(), heldOn.getMonthValue(), theme,
                format == FairFormat.ONLINE ? "网络" : "现场");
    }

    /**
     * A registered person may be invited to the county's fairs held while the registration is active (an
     * upcoming one too), and may come to those held by today, invited or not. A published job seeker who
     * comes is sometimes referred there to a vacancy the fair offers (JOB-4, JOB-5), followed up some days
     * later unless the spell or the history ends first.
     *
     * @param seeker the person as a job seeker, null if not one
     */
    void participants(PlanContext.Spell spell, JobIntroductionPlanner.JobSeeker seeker) {
        LocalDate lastActive = spell.lastActiveDay(plan.today);
        for (Fair fair : byCounty.getOrDefault(spell.countyAgencyId(), List.of())) {
            if (fair.heldOn.isBefore(spell.registeredOn().plusDays(7))
                    || spell.endsOn() != null && fair.heldOn.isAfter(lastActive)) {
                continue;
            }
            boolean invited = fair.invited < MAX_INVITED && plan.percent(8);
            boolean attends = invited ? plan.percent(50) : fair.uninvited < MAX_UNINVITED && plan.percent(1);
            String officerId = officer(fair.countyAgencyId);
            String channel = Channel.BACK_OFFICE.name();
            if (invited) {
                // Held a week or more after the registration: invited while registered.
                LocalDate invitedOn = fair.heldOn.minusDays(plan.between(1, 7));
                if (invitedOn.isAfter(plan.today)) {
                    continue;
                }
                fair.invited++;
                plan.addFollowUp(invitedOn, fair.fairId, null, officerId, fair.countyAgencyId, channel,
                        new InviteToFairCommand(fair.fairId, spell.caseId(), invitedOn));
            }
            // An online fair stays open for a few days.
            LocalDate attendedOn = fair.format == FairFormat.ONLINE ? fair.heldOn.plusDays(plan.between(0, 2))
                    : fair.heldOn;
            if (attends && !attendedOn.isAfter(plan.today) && !attendedOn.isAfter(lastActive)) {
                if (!invited) {
                    fair.uninvited++;
                }
                plan.addFollowUp(attendedOn, fair.fairId, null, officerId, fair.countyAgencyId, channel,
                        new RecordFairAttendanceCommand(fair.fairId, spell.caseId(), attendedOn));
                if (seeker != null && !seeker.publishedOn().isAfter(attendedOn) && plan.percent(40)) {
                    referAtFair(spell, seeker, fair, attendedOn, lastActive);
                }
            }
        }
    }

    /**
     * To a vacancy of the fair the person was not referred to otherwise, so that no two referrals to one
     * vacancy are open at once; never a hire, which would end the spell the plan has already ended.
     */
    private void referAtFair(PlanContext.Spell spell, JobIntroductionPlanner.JobSeeker seeker, Fair fair,
                             LocalDate referredOn, LocalDate lastActive) {
        List<JobIntroductionPlanner.OpenVacancy> candidates = fair.offered.stream()
                .filter(vacancy -> !seeker.referredVacancies().contains(vacancy.vacancyId()))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        JobIntroductionPlanner.OpenVacancy vacancy = plan.pick(candidates);
        seeker.referredVacancies().add(vacancy.vacancyId());
        String caseId = spell.caseId();
        String channel = Channel.BACK_OFFICE.name();
        String referralId = plan.nextId();
        plan.add(referredOn, caseId, spell.officerId(), spell.agencyId(), channel,
                new ReferJobSeekerCommand(caseId, referralId, vacancy.employerId(), vacancy.vacancyId(), fair.fairId,
                        referredOn, referredOn));
        LocalDate outcomeOn = referredOn.plusDays(plan.between(2, 10));
        if (outcomeOn.isAfter(lastActive)) {
            return; // followed up after today or after the spell: the referral stays open
        }
        ReferralOutcome outcome = plan.weighted(new ReferralOutcome[]{ReferralOutcome.NOT_HIRED,
                ReferralOutcome.NO_SHOW, ReferralOutcome.REFUSED_WITH_GOOD_REASON}, 70, 15, 15);
        plan.add(outcomeOn, caseId, spell.officerId(), spell.agencyId(), channel,
                new RecordReferralOutcomeCommand(caseId, referralId, outcome, "招聘会现场推荐后回访", outcomeOn, null,
                        outcomeOn));
    }

    /** Closed a few days after being held, after every attendance (an online fair runs on for two days). */
    void closings() {
        for (List<Fair> fairs : byCounty.values()) {
            for (Fair fair : fairs) {
                LocalDate closedOn = fair.heldOn.plusDays(fair.format == FairFormat.ONLINE ? 3 : plan.between(0, 2));
                if (!closedOn.isAfter(plan.today)) {
                    plan.addFollowUp(closedOn, fair.fairId, null, officer(fair.countyAgencyId), fair.countyAgencyId,
                            Channel.BACK_OFFICE.name(), new CloseRecruitmentFairCommand(fair.fairId, closedOn));
                }
            }
        }
    }

    private static String officer(String agencyId) {
        return "demo-officer-" + agencyId + "-1";
    }
}
