package cn.pes.casework.query.comparison;

import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.comparison.FindReconciliationQuery;
import cn.pes.casework.events.comparison.ReconciliationLine;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a reconciliation list takes to answer: prints milliseconds per list, not a test (its name
 * keeps it out of the default run). Run with
 * {@code ./mvnw -o -B verify -pl query-side -am -Dtest=ReconciliationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and {@code -Dreconciliation.count=20000} to change the size. Half the list's people have a case
 * (registered, one contact, a paid subsidy); the other half are unknown. On the in-memory embedded
 * read-model store.
 */
class ReconciliationBenchmark extends ProjectionTestBase {

    @Test
    void timePerList() {
        int count = Integer.getInteger("reconciliation.count", 10_000);
        PersonalDataDocs personalData = new PersonalDataDocs(new PersonalDataProtector(keys));
        ComparisonProjections models = new ComparisonProjections(fixture.store(false), personalData);
        List<String> numbers = new ArrayList<>();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = idNumber(i);
            numbers.add(number);
            if (i % 2 == 0) {
                CaseEvents c = CaseEvents.newCase();
                batch.add(c.next(c.openedWithKey(CaseEvents.person(number, "核" + i))));
                batch.add(c.next(c.registered(1, LocalDate.of(2026, 3, 2), CaseEvents.STREET_AGENCY)));
                batch.add(c.next(c.phoneContact(1, "c-" + i, LocalDate.of(2026, 11, 3), EmploymentStatus.UNEMPLOYED,
                                                CaseEvents.STREET_AGENCY)));
                batch.add(c.next(c.certificateSubmitted("a-" + i, "dept-1", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20))));
                batch.add(c.next(c.subsidyPaid("a-" + i, "dept-1", "1500", "300", LocalDate.of(2026, 5, 20), false)));
            }
            if (batch.size() >= 1000) {
                models.deliverBatch(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            models.deliverBatch(batch);
        }

        ReconciliationQueries queries = new ReconciliationQueries(fixture.store(false), ProjectionHarness.BLIND_INDEX,
                                                                  personalData, 20_000);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            List<ReconciliationLine> lines = queries.handle(new FindReconciliationQuery(numbers)).lines();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(lines.stream().filter(line -> line.caseId() != null).count()).isEqualTo((count + 1) / 2);
            System.out.printf("reconciliation of %d numbers (%d known): %d ms%n", count, (count + 1) / 2, millis);
        }
    }

    private static String idNumber(int i) {
        String body = "440305" + LocalDate.of(1970, 1, 1).plusDays(i / 900).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", i % 900 + 100);
        return body + IdNumberFormat.checkCharacter(body);
    }
}
