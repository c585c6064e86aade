package cn.pes.casework.query.support;

import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.RecruitmentGuidanceGiven;
import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairEmployerEnrolled;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.fair.FairInvitationSent;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.RecruitmentFairClosed;
import cn.pes.casework.events.fair.RecruitmentFairPlanned;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.shared.PersonalData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small fixed history of job introduction in October to December 2026, whose monthly figures are
 * counted by hand in the tests. Three people (A and B of street 990101001, C of street 990101002), one
 * employer, four fairs:
 * <ul>
 * <li>A: registration a-1 published on time 11-03; referred r-a1 11-10 (hired 12-02) and r-a2 at fair F1
 * 11-20 (not hired 11-25); guidance 11-05 and 12-01.</li>
 * <li>B: referred r-b1 10-28, hired 11-03; registration b-1 rejected late 11-09, b-2 published on time
 * 12-01.</li>
 * <li>C: registration c-1 received 10-30, published on time 11-02; referred r-c1 at F1 11-20,
 * interviewed 11-22, hired 11-28.</li>
 * <li>F1 by county 990101 held 11-20, closed 11-21 (A and C invited and came, 1 employer, 2 vacancies);
 * F2 by street 990101001 held 11-30, closed 12-01 (1 came); F3 by 990102001 held 11-15, never closed;
 * F4 by street 990101001 held 10-31, closed 11-02 (5 came).</li>
 * <li>The employer: guidance 11-12 by county 990101 and 11-18 by street 990101002.</li>
 * </ul>
 */
public final class JobIntroductionStory {

    public static final String COUNTY = "990101";
    public static final String STREET = CaseEvents.STREET_AGENCY;
    public static final String SECOND_STREET = "990101002";
    public static final String OTHER_COUNTY_STREET = CaseEvents.OTHER_STREET_AGENCY;
    public static final String F1 = "fair-1";
    public static final String F2 = "fair-2";
    public static final String F3 = "fair-3";
    public static final String F4 = "fair-4";
    public static final String EMPLOYER = "employer-1";
    public static final String A_ID_NUMBER = "110105199001011111";
    public static final String A_NAME = "张三";

    public final CaseEvents a = CaseEvents.newCase();
    public final CaseEvents b = CaseEvents.newCase();
    public final CaseEvents c = CaseEvents.newCase();
    public final Stream f1 = new Stream("RecruitmentFair", F1);
    public final Stream f2 = new Stream("RecruitmentFair", F2);
    public final Stream f3 = new Stream("RecruitmentFair", F3);
    public final Stream f4 = new Stream("RecruitmentFair", F4);
    public final Stream employer = new Stream("Employer", EMPLOYER);

    /** Events of an aggregate other than a case, numbered from 0. */
    public static final class Stream {
        private final String type;
        private final String id;
        private long nextSequence;

        Stream(String type, String id) {
            this.type = type;
            this.id = id;
        }

        public DomainEventMessage<?> next(Object payload) {
            return at(nextSequence++, payload);
        }

        public DomainEventMessage<?> at(long sequence, Object payload) {
            return new GenericDomainEventMessage<>(type, id, sequence, payload, Map.of(), id + "#" + sequence,
                                                   CaseEvents.T0.plusSeconds(60 * sequence));
        }
    }

    public static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    /** The whole history, in the order it was recorded. */
    public List<DomainEventMessage<?>> history() {
        return history(CaseEvents.person(A_ID_NUMBER, A_NAME).withDataSubject(a.caseId()));
    }

    /** The same history with A's personal data as given, e.g. as it reads after erasure. */
    public List<DomainEventMessage<?>> history(PersonalData personOfA) {
        List<DomainEventMessage<?>> s = new ArrayList<>();
        s.add(a.next(a.opened(personOfA)));
        s.add(b.next(b.openedWithKey(CaseEvents.person("110105199001012222", "李四"))));
        s.add(c.next(c.openedWithKey(CaseEvents.person("110105199001013333", "王五"))));
        s.add(employer.next(new EmployerRegistered(EMPLOYER, "91350100M000100Y43", "东湖机械有限公司", "东湖路1号", STREET,
                                                    new PersonalData(null, "赵六", "13900000000", EMPLOYER), day(10, 1))));
        s.add(b.next(referred(b.caseId(), "b-0", "r-b1", null, STREET, day(10, 28))));
        s.add(f4.next(new RecruitmentFairPlanned(F4, "十月专场", FairFormat.OFFLINE, day(10, 31), "东湖广场", STREET)));
        s.add(c.next(registered(c.caseId(), "c-1", SECOND_STREET, day(10, 30), day(11, 2))));
        s.add(f4.next(new RecruitmentFairClosed(F4, day(11, 2), 3, 6, 0, 5)));
        s.add(c.next(new JobSeekingPublished(c.caseId(), "c-1", day(11, 2), false)));
        s.add(a.next(registered(a.caseId(), "a-1", STREET, day(11, 2), day(11, 3))));
        s.add(a.next(new JobSeekingPublished(a.caseId(), "a-1", day(11, 3), false)));
        s.add(b.next(outcome(b.caseId(), "r-b1", null, ReferralOutcome.HIRED, day(11, 3), STREET)));
        s.add(b.next(registered(b.caseId(), "b-1", STREET, day(11, 4), day(11, 5))));
        s.add(a.next(new CareerGuidanceGiven(a.caseId(), "g-a1", GuidanceTopic.JOB_SEEKING_METHOD, "简历", null,
                                             day(11, 5), STREET)));
        s.add(b.next(new JobSeekingRejected(b.caseId(), "b-1", "信息不全", day(11, 9), true)));
        s.add(a.next(referred(a.caseId(), "a-1", "r-a1", null, STREET, day(11, 10))));
        s.add(f1.next(new RecruitmentFairPlanned(F1, "东湖区秋季招聘会", FairFormat.OFFLINE, day(11, 20), "东湖区人才市场",
                                                  COUNTY)));
        s.add(f3.next(new RecruitmentFairPlanned(F3, "南山网络招聘会", FairFormat.ONLINE, day(11, 15),
                                                  "https://jobs.example/ns", OTHER_COUNTY_STREET)));
        s.add(f3.next(new FairEmployerEnrolled(F3, EMPLOYER, "东湖机械有限公司",
                                                List.of(new FairVacancy("v-1", "数控车工", 3)))));
        s.add(f3.next(new FairInvitationSent(F3, b.caseId(), day(11, 11))));
        s.add(employer.next(new RecruitmentGuidanceGiven(EMPLOYER, "eg-1", RecruitmentGuidanceTopic.HIRING_CRITERIA,
                                                         "用人标准", "下月回访", day(11, 12), COUNTY)));
        s.add(f1.next(new FairEmployerEnrolled(F1, EMPLOYER, "东湖机械",
                                                List.of(new FairVacancy("v-1", "数控车工", 3)))));
        // Enrolling again replaces the vacancies and the name.
        s.add(f1.next(new FairEmployerEnrolled(F1, EMPLOYER, "东湖机械有限公司",
                                                List.of(new FairVacancy("v-1", "数控车工", 3), new FairVacancy("v-2", "钳工", 1)))));
        s.add(f1.next(new FairInvitationSent(F1, a.caseId(), day(11, 13))));
        s.add(f1.next(new FairInvitationSent(F1, c.caseId(), day(11, 14))));
        s.add(employer.next(new RecruitmentGuidanceGiven(EMPLOYER, "eg-2", RecruitmentGuidanceTopic.RECRUITMENT_METHOD,
                                                         "招聘渠道", null, day(11, 18), SECOND_STREET)));
        s.add(f1.next(new FairAttended(F1, a.caseId(), day(11, 20))));
        s.add(f1.next(new FairAttended(F1, c.caseId(), day(11, 20))));
        s.add(a.next(referred(a.caseId(), "a-1", "r-a2", F1, STREET, day(11, 20))));
        s.add(c.next(referred(c.caseId(), "c-1", "r-c1", F1, SECOND_STREET, day(11, 20))));
        s.add(f1.next(new RecruitmentFairClosed(F1, day(11, 21), 1, 4, 2, 2)));
        s.add(c.next(outcome(c.caseId(), "r-c1", F1, ReferralOutcome.INTERVIEWED, day(11, 22), SECOND_STREET)));
        s.add(a.next(outcome(a.caseId(), "r-a2", F1, ReferralOutcome.NOT_HIRED, day(11, 25), STREET)));
        s.add(c.next(outcome(c.caseId(), "r-c1", F1, ReferralOutcome.HIRED, day(11, 28), SECOND_STREET)));
        s.add(f2.next(new RecruitmentFairPlanned(F2, "月末专场", FairFormat.OFFLINE, day(11, 30), "东湖街道服务中心",
                                                  STREET)));
        s.add(b.next(registered(b.caseId(), "b-2", STREET, day(11, 30), day(12, 1))));
        s.add(f2.next(new FairAttended(F2, b.caseId(), day(11, 30))));
        s.add(f2.next(new RecruitmentFairClosed(F2, day(12, 1), 0, 0, 0, 1)));
        s.add(b.next(new JobSeekingPublished(b.caseId(), "b-2", day(12, 1), false)));
        s.add(a.next(new CareerGuidanceGiven(a.caseId(), "g-a2", GuidanceTopic.CAREER_DIRECTION, null, null, day(12, 1),
                                             STREET)));
        s.add(a.next(outcome(a.caseId(), "r-a1", null, ReferralOutcome.HIRED, day(12, 2), STREET)));
        return s;
    }

    private static JobSeekingRegistered registered(String caseId, String jobSeekingId, String agencyId,
                                                   LocalDate receivedOn, LocalDate dueOn) {
        return new JobSeekingRegistered(caseId, 1, jobSeekingId, PresentedDocument.RESIDENT_ID_CARD, null, null, agencyId,
                                        receivedOn, dueOn, false, "JOB-2026-01");
    }

    private static JobReferred referred(String caseId, String jobSeekingId, String referralId, String fairId,
                                        String agencyId, LocalDate referredOn) {
        return new JobReferred(caseId, 1, jobSeekingId, referralId,
                               new ReferredVacancy(EMPLOYER, "东湖机械有限公司", "v-1", "数控车工", new WageRange(5000, 7000),
                                                   STREET, EmploymentForm.FULL_TIME),
                               fairId, agencyId, referredOn);
    }

    private static ReferralOutcomeRecorded outcome(String caseId, String referralId, String fairId,
                                                   ReferralOutcome outcome, LocalDate outcomeOn, String agencyId) {
        return new ReferralOutcomeRecorded(caseId, 1, referralId, EMPLOYER, "v-1", fairId, outcome, null, outcomeOn,
                                           outcome == ReferralOutcome.HIRED ? outcomeOn.plusDays(3) : null, 0, agencyId);
    }
}
