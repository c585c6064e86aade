package cn.pes.casework.query.areastatistics;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a county's statistics take as its history grows: prints the load time and the time per
 * question (one month, a year, ten years), not a test (its name keeps it out of the default run). Run with
 * {@code ./mvnw -o -B verify -pl query-side -am -Dtest=AreaStatisticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dstatistics.cases=50000} to change the size. Each case: a spell of a few months in the last
 * five years, a contact a month while it lasts, one in three a second spell; spread over three agencies.
 * On the in-memory embedded read-model store.
 */
class AreaStatisticsBenchmark extends ProjectionTestBase {

    private static final String[] AGENCIES = {CaseEvents.STREET_AGENCY, "990101002", "990101"};
    private static final ContactMethod[] METHODS = ContactMethod.values();

    @Test
    void statisticsTimePerQuestion() {
        int cases = Integer.getInteger("statistics.cases", 10_000);
        ProjectionGroups groups = new ProjectionGroups(projections.writer(), List.of(
                new AnnotationEventHandlerAdapter(new AreaStatisticsProjection(projections.writer()))));
        AreaStatisticsQueries queries = new AreaStatisticsQueries(fixture.store(false), CLOCK);
        LocalDate first = LocalDate.of(2021, 12, 1);

        long loadStart = System.nanoTime();
        List<EventMessage<?>> batch = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < cases; i++) {
            CaseEvents c = CaseEvents.newCase();
            String agency = AGENCIES[i % AGENCIES.length];
            int spells = i % 3 == 0 ? 2 : 1;
            LocalDate start = first.plusDays((i * 37L) % 1700);
            for (int spell = 1; spell <= spells; spell++) {
                int months = 1 + (i + spell) % 14;
                batch.add(c.next(c.registered(spell, start, agency)));
                for (int m = 0; m < months; m++) {
                    batch.add(c.next(AreaStatisticsProjectionTest.contact(c, spell, "c-" + spell + "-" + m,
                                                                         start.plusMonths(m).plusDays(3), METHODS[m % 3])));
                }
                LocalDate end = start.plusMonths(months).plusDays(5);
                if (end.isBefore(LocalDate.of(2026, 11, 1))) {
                    batch.add(c.next(i % 2 == 0 ? c.employed(spell, end, null, agency) : c.cancelled(spell, end, agency)));
                    start = end.plusDays(20);
                } else {
                    break;
                }
            }
            if (batch.size() > 2_000) {
                events += batch.size();
                groups.deliverBatch(batch);
                batch.clear();
            }
        }
        events += batch.size();
        groups.deliverBatch(batch);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf("area statistics: %d cases, %d events loaded in %.1f s (%.0f events/s)%n", cases, events,
                          loadSeconds, events / loadSeconds);

        List<String> county = List.of(AGENCIES);
        long bytes = 0;
        int documents = 0;
        long readStart = System.nanoTime();
        for (String collection : List.of(AreaStatisticsProjection.FACTS, AreaStatisticsProjection.MONTHS)) {
            for (org.bson.Document doc : fixture.database().getCollection(collection).find()) {
                bytes += org.bson.RawBsonDocument.parse(doc.toJson()).getByteBuffer().remaining();
                documents++;
            }
        }
        System.out.printf("area statistics: %d documents, %d KB, read and measured in %.0f ms%n", documents, bytes / 1024,
                          (System.nanoTime() - readStart) / 1e6);
        measure(queries, county, YearMonth.of(2026, 10), YearMonth.of(2026, 10));
        measure(queries, county, YearMonth.of(2025, 11), YearMonth.of(2026, 10));
        measure(queries, county, YearMonth.of(2016, 11), YearMonth.of(2026, 10));
    }

    private static void measure(AreaStatisticsQueries queries, List<String> agencies, YearMonth from, YearMonth to) {
        FindAreaStatisticsQuery query = new FindAreaStatisticsQuery(agencies, from, to, null);
        AreaStatistics answer = queries.handle(query);
        int rounds = 10;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            answer = queries.handle(query);
        }
        double millis = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("area statistics %s..%s (%d months): %.1f ms per question; last month registered %d, active %d%n",
                          from, to, answer.months().size(), millis,
                          answer.months().get(answer.months().size() - 1).registeredAtMonthEnd(),
                          answer.months().get(answer.months().size() - 1).activeInMonth());
    }
}
