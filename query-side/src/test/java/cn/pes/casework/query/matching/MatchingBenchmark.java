package cn.pes.casework.query.matching;

import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.matching.CandidateMatchesView;
import cn.pes.casework.events.matching.FindCandidateMatchesQuery;
import cn.pes.casework.events.matching.FindVacancyMatchesQuery;
import cn.pes.casework.events.matching.VacancyMatchesView;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.jobseekers.JobSeekingHarness;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.pes.casework.query.jobseekers.JobSeekingEvents.employer;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.posted;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.registered;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.wants;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long matching takes as a city's open vacancies and published job seekers grow: prints the time
 * per query, not a test (its name keeps it out of the default run). Run with
 * {@code ./mvnw -o -B verify -pl query-side -am -Dtest=MatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dmatching.vacancies=2000 -Dmatching.seekers=20000} to change the size. Runs on the
 * in-memory embedded read-model store (the H2 file store of the default platform is slower to write,
 * similar to read once cached).
 */
class MatchingBenchmark extends ProjectionTestBase {

    private static final String[] OCCUPATIONS = {"数控车工", "钳工", "电工", "焊工", "仓库保管员", "保洁员", "收银员", "快递员",
            "餐厅服务员", "育婴员", "养老护理员", "汽车维修工", "客服专员", "会计", "厨师", "保安员", "装配工", "质检员",
            "叉车司机", "网约配送员"};
    private static final String[] AREAS = {CaseEvents.STREET_AGENCY, "990101002", CaseEvents.OTHER_STREET_AGENCY};
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void matchingTimePerQuery() {
        int vacancies = Integer.getInteger("matching.vacancies", 1_000);
        int seekers = Integer.getInteger("matching.seekers", 5_000);
        JobSeekingHarness jobs = new JobSeekingHarness(fixture.store(false), CLOCK,
                new PersonalDataDocs(new PersonalDataProtector(keys)), MatchingWeights.DEFAULTS);

        long loadStart = System.nanoTime();
        List<EventMessage<?>> batch = new ArrayList<>();
        long events = 1 + 2L * vacancies + 3L * seekers;
        CaseEvents firm = CaseEvents.newCase();
        batch.add(firm.next(employer(firm.caseId(), "东湖机械有限公司", CaseEvents.STREET_AGENCY)));
        for (int i = 0; i < vacancies; i++) {
            int wage = 3000 + (i % 10) * 500;
            batch.add(firm.next(posted(firm.caseId(), "v-" + i, OCCUPATIONS[i % OCCUPATIONS.length], AREAS[i % AREAS.length],
                    wage, wage + 2000, i % 3 == 0 ? EmploymentForm.PART_TIME : EmploymentForm.FULL_TIME)));
            batch.add(firm.next(new VacancyPublished(firm.caseId(), "v-" + i, DAY)));
            flushEvery(jobs, batch, 500);
        }
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < seekers; i++) {
            CaseEvents c = CaseEvents.newCase();
            caseIds.add(c.caseId());
            batch.add(c.next(c.opened(CaseEvents.person(String.format("1101051990%08d", i), "求职者"))));
            batch.add(c.next(registered(c.caseId(), 1, "js-" + i, wants(3500 + (i % 8) * 500, AREAS[i % AREAS.length],
                            i % 4 == 0 ? EmploymentForm.PART_TIME : EmploymentForm.FULL_TIME,
                            OCCUPATIONS[i % OCCUPATIONS.length], OCCUPATIONS[(i * 7) % OCCUPATIONS.length]),
                    AREAS[i % AREAS.length], DAY, DAY.plusDays(1))));
            batch.add(c.next(new JobSeekingPublished(c.caseId(), "js-" + i, DAY.plusDays(1), false)));
            flushEvery(jobs, batch, 1_500);
        }
        flushEvery(jobs, batch, 1);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        int rounds = 30;
        VacancyMatchesView vacancyAnswer = null;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            vacancyAnswer = jobs.matching.handle(new FindVacancyMatchesQuery(caseIds.get(i * 37 % seekers), 20));
        }
        double vacancyMillis = (System.nanoTime() - start) / 1e6 / rounds;
        CandidateMatchesView candidateAnswer = null;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            candidateAnswer = jobs.matching.handle(new FindCandidateMatchesQuery(firm.caseId(), "v-" + (i * 13 % vacancies), 20));
        }
        double candidateMillis = (System.nanoTime() - start) / 1e6 / rounds;

        System.out.printf("%nMatching benchmark: %,d open vacancies, %,d published job seekers"
                + " (%,d events projected in %.1f s, %.0f events/s)%n", vacancies, seekers, events, loadSeconds,
                events / loadSeconds);
        System.out.printf("  vacancies for a person : %.1f ms per query (top 20 of %,d)%n", vacancyMillis, vacancies);
        System.out.printf("  people for a vacancy   : %.1f ms per query (top 20 of %,d)%n%n", candidateMillis, seekers);
        // Not a timing assertion: only that the queries answered what was loaded.
        assertThat(vacancyAnswer.matches()).hasSize(20);
        assertThat(candidateAnswer.matches()).hasSize(20);
    }

    private static void flushEvery(JobSeekingHarness jobs, List<EventMessage<?>> batch, int size) {
        if (batch.size() >= size) {
            jobs.deliverBatch(batch);
            batch.clear();
        }
    }
}
