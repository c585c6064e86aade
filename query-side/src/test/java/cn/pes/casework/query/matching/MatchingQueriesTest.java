package cn.pes.casework.query.matching;

import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyClosed;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.matching.CandidateMatch;
import cn.pes.casework.events.matching.FindCandidateMatchesQuery;
import cn.pes.casework.events.matching.FindVacancyMatchesQuery;
import cn.pes.casework.events.matching.MatchCriterion;
import cn.pes.casework.events.matching.MatchLevel;
import cn.pes.casework.events.matching.MatchReason;
import cn.pes.casework.events.matching.VacancyMatch;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.jobseekers.JobSeekingHarness;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.pes.casework.query.jobseekers.JobSeekingEvents.employer;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.posted;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.registered;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.wants;
import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/** JOB-4: vacancies for a job seeker and job seekers for a vacancy, scored with the reasons shown. */
class MatchingQueriesTest extends ProjectionTestBase {

    private static final String SECOND_STREET = "990101002";
    private static final String COUNTY = "990101";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private final CaseEvents machinist = CaseEvents.newCase();
    private final CaseEvents cleaner = CaseEvents.newCase();
    private final CaseEvents factory = CaseEvents.newCase();
    private final CaseEvents warehouse = CaseEvents.newCase();
    private JobSeekingHarness jobs;

    @BeforeEach
    void harness() {
        jobs = harness(MatchingWeights.DEFAULTS);
    }

    private JobSeekingHarness harness(MatchingWeights weights) {
        return new JobSeekingHarness(fixture.store(serverSideGuards()), CLOCK,
                new PersonalDataDocs(new PersonalDataProtector(keys)), weights);
    }

    private DomainEventMessage<?>[] seeker(CaseEvents c, String name, JobIntentions intentions, String agencyId,
                                           LocalDate publishedOn) {
        return new DomainEventMessage<?>[]{
                c.next(c.openedWithKey(CaseEvents.person("11010519900101" + (1000 + name.length()) , name))),
                c.next(registered(c.caseId(), 1, "js-" + name, intentions, agencyId, DAY, DAY.plusDays(1))),
                c.next(new JobSeekingPublished(c.caseId(), "js-" + name, publishedOn, false))};
    }

    /**
     * A machinist of the first street wanting 数控车工 (or 车工) at 6000 full time; a cleaner of the other
     * county. Four vacancies: a perfect fit, a related one in the same county, a poor one elsewhere, and a
     * pending one that is no match at all.
     */
    private void city() {
        jobs.deliver(seeker(machinist, "张三", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "数控车工", "车工"),
                STREET_AGENCY, DAY.plusDays(1)));
        jobs.deliver(seeker(cleaner, "李四", wants(3500, OTHER_STREET_AGENCY, EmploymentForm.PART_TIME, "保洁员"),
                OTHER_STREET_AGENCY, DAY.plusDays(2)));
        String f = factory.caseId();
        String w = warehouse.caseId();
        jobs.deliver(factory.next(employer(f, "东湖机械有限公司", STREET_AGENCY)),
                factory.next(posted(f, "v-cnc", " 数控 车工 ", STREET_AGENCY, 6000, 8000, EmploymentForm.FULL_TIME)),
                factory.next(posted(f, "v-lathe", "车工", SECOND_STREET, 5000, 7500, EmploymentForm.FULL_TIME)),
                factory.next(posted(f, "v-pending", "数控车工", STREET_AGENCY, 9000, 9500, EmploymentForm.FULL_TIME)),
                factory.next(new VacancyPublished(f, "v-cnc", DAY.plusDays(1))),
                factory.next(new VacancyPublished(f, "v-lathe", DAY.plusDays(2))),
                warehouse.next(employer(w, "南山物流有限公司", OTHER_STREET_AGENCY)),
                warehouse.next(posted(w, "v-store", "仓库保管员", OTHER_STREET_AGENCY, 3000, 4000, EmploymentForm.PART_TIME)),
                warehouse.next(new VacancyPublished(w, "v-store", DAY.plusDays(3))));
    }

    private List<VacancyMatch> vacanciesFor(CaseEvents c, int limit) {
        return jobs.matching.handle(new FindVacancyMatchesQuery(c.caseId(), limit)).matches();
    }

    private static MatchReason reason(List<MatchReason> reasons, MatchCriterion criterion) {
        return reasons.stream().filter(r -> r.criterion() == criterion).findFirst().orElseThrow();
    }

    @Test
    void aGoodFitRanksAboveAPartialOneAndAPoorOneWithEveryReasonExplained() {
        city();
        List<VacancyMatch> matches = vacanciesFor(machinist, 0);

        assertThat(matches).extracting(m -> m.vacancy().vacancyId()).containsExactly("v-cnc", "v-lathe", "v-store");
        VacancyMatch best = matches.get(0);
        assertThat(best.score()).isEqualTo(100);
        assertThat(best.reasons()).extracting(MatchReason::criterion)
                .containsExactly(MatchCriterion.OCCUPATION, MatchCriterion.AREA, MatchCriterion.WAGE, MatchCriterion.FORM);
        assertThat(best.reasons()).extracting(MatchReason::level).containsOnly(MatchLevel.FULL);
        assertThat(reason(best.reasons(), MatchCriterion.OCCUPATION).detail()).isEqualTo("数控车工 = 数控 车工");
        assertThat(reason(best.reasons(), MatchCriterion.WAGE).detail()).isEqualTo("期望6000 / 6000–8000");
        assertThat(reason(best.reasons(), MatchCriterion.AREA).detail()).isEqualTo("东湖街道 = 东湖街道");

        // 车工 is only the second wish: worth 90% of a first-wish fit, more than the partial fit with the first.
        VacancyMatch related = matches.get(1);
        assertThat(reason(related.reasons(), MatchCriterion.OCCUPATION).level()).isEqualTo(MatchLevel.FULL);
        assertThat(reason(related.reasons(), MatchCriterion.OCCUPATION).points()).isEqualTo(36);
        assertThat(reason(related.reasons(), MatchCriterion.OCCUPATION).detail()).isEqualTo("车工 = 车工（第2意向）");
        assertThat(related.score()).isEqualTo(36 + 12 + 12 + 10);
        assertThat(reason(related.reasons(), MatchCriterion.AREA).level()).isEqualTo(MatchLevel.PARTIAL);
        assertThat(reason(related.reasons(), MatchCriterion.AREA).points()).isEqualTo(12);
        assertThat(reason(related.reasons(), MatchCriterion.AREA).detail()).isEqualTo("东湖街道 / 西湖街道（同一区县）");
        assertThat(reason(related.reasons(), MatchCriterion.WAGE).level()).isEqualTo(MatchLevel.PARTIAL);
        assertThat(reason(related.reasons(), MatchCriterion.WAGE).detail()).isEqualTo("期望6000 / 5000–7500");
        assertThat(reason(related.reasons(), MatchCriterion.FORM).level()).isEqualTo(MatchLevel.FULL);

        VacancyMatch poor = matches.get(2);
        assertThat(poor.score()).isZero();
        assertThat(poor.reasons()).extracting(MatchReason::level).containsOnly(MatchLevel.NONE);
        assertThat(reason(poor.reasons(), MatchCriterion.OCCUPATION).detail()).isEqualTo("数控车工、车工 ≠ 仓库保管员");
        assertThat(reason(poor.reasons(), MatchCriterion.AREA).detail()).isEqualTo("东湖街道 / 南山街道（市内其他区域）");
        assertThat(reason(poor.reasons(), MatchCriterion.WAGE).detail()).isEqualTo("期望6000 / 3000–4000");
        assertThat(reason(poor.reasons(), MatchCriterion.FORM).detail()).isEqualTo("非全日制 ∉ 全日制");
        assertThat(matches).allSatisfy(m -> assertThat(m.score())
                .isEqualTo(m.reasons().stream().mapToInt(MatchReason::points).sum()));

        assertThat(vacanciesFor(machinist, 1)).extracting(m -> m.vacancy().vacancyId()).containsExactly("v-cnc");
    }

    @Test
    void candidatesForAVacancyAreThePublishedJobSeekersBestFirstWithTheirPeople() {
        city();
        List<CandidateMatch> candidates = jobs.matching.handle(
                new FindCandidateMatchesQuery(factory.caseId(), "v-cnc", 10)).matches();

        assertThat(candidates).extracting(CandidateMatch::caseId).containsExactly(machinist.caseId(), cleaner.caseId());
        assertThat(candidates.get(0).score()).isEqualTo(100);
        assertThat(candidates.get(0).person().name()).isEqualTo("张三");
        assertThat(candidates.get(0).agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(reason(candidates.get(1).reasons(), MatchCriterion.WAGE).level())
                .as("6000–8000 is above 3500 entirely").isEqualTo(MatchLevel.FULL);
        assertThat(candidates.get(1).score()).isEqualTo(25);
        assertThat(jobs.matching.handle(new FindCandidateMatchesQuery(factory.caseId(), "v-cnc", 1)).matches()).hasSize(1);
    }

    @Test
    void noMatchesWithoutAPublishedRegistrationOrAnOpenVacancy() {
        city();
        CaseEvents pending = CaseEvents.newCase();
        jobs.deliver(pending.next(pending.openedWithKey(CaseEvents.person("110105199001019999", "王五"))),
                pending.next(registered(pending.caseId(), 1, "js-p", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME,
                        "数控车工"), STREET_AGENCY, DAY, DAY.plusDays(1))));

        assertThat(vacanciesFor(pending, 10)).isEmpty();
        assertThat(vacanciesFor(CaseEvents.newCase(), 10)).isEmpty();
        assertThat(jobs.matching.handle(new FindCandidateMatchesQuery(factory.caseId(), "v-pending", 10)).matches()).isEmpty();
        assertThat(jobs.matching.handle(new FindCandidateMatchesQuery(factory.caseId(), "no-such", 10)).matches()).isEmpty();
        assertThat(jobs.matching.handle(new FindCandidateMatchesQuery(factory.caseId(), "v-cnc", 10)).matches())
                .extracting(CandidateMatch::caseId).doesNotContain(pending.caseId());

        // Closed on both sides: the vacancy filled, the machinist placed.
        jobs.deliver(factory.next(new VacancyClosed(factory.caseId(), "v-cnc", VacancyCloseReason.FILLED, DAY.plusDays(4))),
                machinist.next(new JobSeekingClosed(machinist.caseId(), "js-张三", JobSeekingCloseReason.PLACED, DAY.plusDays(4))));
        assertThat(jobs.matching.handle(new FindCandidateMatchesQuery(factory.caseId(), "v-cnc", 10)).matches()).isEmpty();
        assertThat(vacanciesFor(machinist, 10)).isEmpty();
        assertThat(vacanciesFor(cleaner, 10)).extracting(m -> m.vacancy().vacancyId()).containsExactly("v-store", "v-lathe");
    }

    @Test
    void equalScoresGoNewestPublishedFirstThenById() {
        String f = factory.caseId();
        jobs.deliver(seeker(machinist, "张三", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME, "电工"), STREET_AGENCY, DAY));
        jobs.deliver(factory.next(employer(f, "东湖机械有限公司", STREET_AGENCY)),
                factory.next(posted(f, "v-b", "数控车工", STREET_AGENCY, 6000, 8000, EmploymentForm.FULL_TIME)),
                factory.next(posted(f, "v-a", "数控车工", STREET_AGENCY, 6000, 8000, EmploymentForm.FULL_TIME)),
                factory.next(posted(f, "v-c", "数控车工", STREET_AGENCY, 6000, 8000, EmploymentForm.FULL_TIME)),
                factory.next(new VacancyPublished(f, "v-b", DAY)),
                factory.next(new VacancyPublished(f, "v-a", DAY)),
                factory.next(new VacancyPublished(f, "v-c", DAY.plusDays(1))));

        assertThat(vacanciesFor(machinist, 10)).extracting(m -> m.vacancy().vacancyId()).containsExactly("v-c", "v-a", "v-b");
    }

    @Test
    void theWeightsComeFromConfiguration() {
        city();
        jobs = harness(new MatchingWeights(10, 5, 10, 10, 5, 70, 35, 10, 20, 100));
        List<VacancyMatch> matches = vacanciesFor(machinist, 10);
        assertThat(matches.get(0).score()).isEqualTo(100);
        assertThat(reason(matches.get(0).reasons(), MatchCriterion.WAGE).maxPoints()).isEqualTo(70);
        assertThat(reason(matches.get(1).reasons(), MatchCriterion.WAGE).points()).isEqualTo(35);
        assertThat(reason(matches.get(1).reasons(), MatchCriterion.AREA).points()).isEqualTo(5);
    }
}
