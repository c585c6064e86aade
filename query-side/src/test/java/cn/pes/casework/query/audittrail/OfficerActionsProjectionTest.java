package cn.pes.casework.query.audittrail;

import cn.pes.casework.events.audit.FindAgencyActionsQuery;
import cn.pes.casework.events.audit.FindCorrelatedActionsQuery;
import cn.pes.casework.events.audit.FindOfficerActionsQuery;
import cn.pes.casework.events.audit.RecordedAction;
import cn.pes.casework.events.audit.RecordedActionsView;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionTestBase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

class OfficerActionsProjectionTest extends ProjectionTestBase {

    private static final String A = "W990101001A";
    private static final String B = "W990102001B";
    private static final String CASE_X = "0192f000-0000-7000-8000-00000000000x";
    private static final String CASE_Y = "0192f000-0000-7000-8000-00000000000y";
    private static final String EMPLOYER = "employer-1";
    private static final String ID_NUMBER = "110105199001011111";
    private static final String NAME = "张三";

    private ProjectionGroups groups;
    private OfficerActionsQueries queries;

    @BeforeEach
    void officerActions() {
        ProjectionWriter writer = new ProjectionWriter(fixture.store(serverSideGuards()));
        groups = new ProjectionGroups(writer, List.of(new AnnotationEventHandlerAdapter(new OfficerActionsProjection(writer))));
        queries = new OfficerActionsQueries(fixture.store(serverSideGuards()));
    }

    /**
     * Officer A at street 990101001 and officer B at street 990102001, times in UTC (Shanghai is +8):
     * <ul>
     * <li>X#0, X#1 by A on 11-02 09:00 and 09:05; X#1 and the employer's E#0 (11-02 09:06) come from one request, "req-1";</li>
     * <li>X#2 by B on 11-02 10:00;</li>
     * <li>Y#0 by A at 2026-11-01T16:30Z, i.e. 11-02 00:30 in Shanghai (11-01 in UTC);</li>
     * <li>X#3 by A at 2026-11-03T15:59:59Z, i.e. 11-03 23:59:59 in Shanghai; X#4 by A at 16:00Z, 11-04 00:00.</li>
     * </ul>
     */
    private List<DomainEventMessage<?>> history() {
        CaseEvents x = CaseEvents.forCase(CASE_X);
        CaseEvents y = CaseEvents.forCase(CASE_Y);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(event("ClientCase", CASE_Y, 0, y.opened(CaseEvents.person(ID_NUMBER, NAME)),
                         "2026-11-01T16:30:00Z", A, STREET_AGENCY, "req-0"));
        events.add(event("ClientCase", CASE_X, 0, x.opened(CaseEvents.person("110105199001012222", "李四")),
                         "2026-11-02T01:00:00Z", A, STREET_AGENCY, "req-x0"));
        events.add(event("ClientCase", CASE_X, 1, x.registered(1, LocalDate.of(2026, 11, 2), STREET_AGENCY),
                         "2026-11-02T01:05:00Z", A, STREET_AGENCY, "req-1"));
        events.add(event("Employer", EMPLOYER, 0, new EmployerRegistered(EMPLOYER, "91350100M000100Y43", "东湖机械有限公司",
                         "东湖路1号", STREET_AGENCY, new PersonalData(null, "赵六", "13900000000", EMPLOYER),
                         LocalDate.of(2026, 10, 1)), "2026-11-02T01:06:00Z", A, STREET_AGENCY, "req-1"));
        events.add(event("ClientCase", CASE_X, 2, x.phoneContact(1, "c-1", LocalDate.of(2026, 11, 2),
                         EmploymentStatus.UNEMPLOYED, STREET_AGENCY), "2026-11-02T02:00:00Z", B, OTHER_STREET_AGENCY, "req-2"));
        events.add(event("ClientCase", CASE_X, 3, x.phoneContact(1, "c-2", LocalDate.of(2026, 11, 3),
                         EmploymentStatus.UNEMPLOYED, STREET_AGENCY), "2026-11-03T15:59:59Z", A, STREET_AGENCY, "req-3"));
        events.add(event("ClientCase", CASE_X, 4, x.phoneContact(1, "c-3", LocalDate.of(2026, 11, 4),
                         EmploymentStatus.UNEMPLOYED, STREET_AGENCY), "2026-11-03T16:00:00Z", A, STREET_AGENCY, "req-4"));
        return events;
    }

    private static DomainEventMessage<?> event(String type, String id, long sequence, Object payload, String recordedAt,
                                               String officer, String agency, String correlation) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(CaseMetadata.OFFICER, officer);
        metaData.put(CaseMetadata.AGENCY, agency);
        metaData.put(CaseMetadata.CHANNEL, Channel.WINDOW.name());
        metaData.put(CaseMetadata.CORRELATION_ID, correlation);
        return new GenericDomainEventMessage<>(type, id, sequence, payload, metaData, type + "-" + id + "#" + sequence,
                                               Instant.parse(recordedAt));
    }

    private RecordedActionsView ofOfficer(String officer, int fromDay, int toDay) {
        return queries.handle(new FindOfficerActionsQuery(officer, LocalDate.of(2026, 11, fromDay),
                                                          LocalDate.of(2026, 11, toDay)));
    }

    private static List<String> ids(RecordedActionsView view) {
        return view.actions().stream().map(RecordedAction::eventId).toList();
    }

    @Test
    void anOfficersPeriodHoldsExactlyTheirActionsInTheOrderRecorded() {
        groups.deliverBatch(history());

        assertThat(ids(ofOfficer(A, 1, 30))).containsExactly("ClientCase-" + CASE_Y + "#0", "ClientCase-" + CASE_X + "#0",
                "ClientCase-" + CASE_X + "#1", "Employer-" + EMPLOYER + "#0", "ClientCase-" + CASE_X + "#3",
                "ClientCase-" + CASE_X + "#4");
        assertThat(ids(ofOfficer(B, 1, 30))).containsExactly("ClientCase-" + CASE_X + "#2");
        RecordedAction employer = ofOfficer(A, 2, 2).actions().get(3);
        assertThat(employer).isEqualTo(new RecordedAction("Employer-" + EMPLOYER + "#0", "Employer", EMPLOYER, 0,
                "EmployerRegistered", "用人单位登记", Instant.parse("2026-11-02T01:06:00Z"), A, STREET_AGENCY,
                "WINDOW", "req-1"));
        assertThat(ofOfficer(A, 2, 2).actions()).extracting(RecordedAction::label)
                .containsExactly("建立档案", "建立档案", "失业登记", "用人单位登记");
    }

    @Test
    void daysAreTheAgenciesCalendarDaysBothEndsIncluded() {
        groups.deliverBatch(history());

        // 16:30Z on 11-01 is 00:30 on 11-02 in Shanghai.
        assertThat(ids(ofOfficer(A, 1, 1))).isEmpty();
        assertThat(ids(ofOfficer(A, 2, 2))).hasSize(4).first().isEqualTo("ClientCase-" + CASE_Y + "#0");
        // 15:59:59Z on 11-03 is the last second of 11-03; 16:00Z is 11-04.
        assertThat(ids(ofOfficer(A, 3, 3))).containsExactly("ClientCase-" + CASE_X + "#3");
        assertThat(ids(ofOfficer(A, 4, 4))).containsExactly("ClientCase-" + CASE_X + "#4");
        assertThat(ids(ofOfficer(A, 3, 4))).hasSize(2);
        assertThat(ids(ofOfficer(A, 5, 30))).isEmpty();
    }

    @Test
    void aReversedTooLongOrUnnamedPeriodFindsNothing() {
        groups.deliverBatch(history());

        assertThat(ofOfficer(A, 3, 2).actions()).isEmpty();
        // 367 days is one too many; 366 (2026-01-01 to 2027-01-01) is allowed.
        assertThat(queries.handle(new FindOfficerActionsQuery(A, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 2)))
                          .actions()).isEmpty();
        assertThat(queries.handle(new FindOfficerActionsQuery(A, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                          .actions()).hasSize(6);
        assertThat(queries.handle(new FindOfficerActionsQuery(null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                          .actions()).isEmpty();
    }

    @Test
    void aCorrelationIdGathersTheRequestsActionsAcrossRecords() {
        groups.deliverBatch(history());

        assertThat(ids(queries.handle(new FindCorrelatedActionsQuery("req-1"))))
                .containsExactly("ClientCase-" + CASE_X + "#1", "Employer-" + EMPLOYER + "#0");
        assertThat(queries.handle(new FindCorrelatedActionsQuery("req-unknown")).actions()).isEmpty();
    }

    @Test
    void anAgencysDaysHoldTheActionsRecordedThere() {
        groups.deliverBatch(history());

        assertThat(ids(queries.handle(new FindAgencyActionsQuery(OTHER_STREET_AGENCY, LocalDate.of(2026, 11, 1),
                                                                  LocalDate.of(2026, 11, 30)))))
                .containsExactly("ClientCase-" + CASE_X + "#2");
        assertThat(queries.handle(new FindAgencyActionsQuery(STREET_AGENCY, LocalDate.of(2026, 11, 2),
                                                             LocalDate.of(2026, 11, 3))).actions()).hasSize(5);
    }

    @Test
    void replayAndRedeliveryChangeNothing() {
        List<DomainEventMessage<?>> history = history();
        groups.deliverBatch(history);
        Map<String, List<Document>> before = fixture.dump();

        groups.deliver(history);
        List<DomainEventMessage<?>> twice = new ArrayList<>(history);
        twice.addAll(history);
        groups.deliverBatch(twice);
        // An older event of a record arriving after a newer one (a redelivered batch) adds nothing either.
        groups.deliver(List.of(history.get(2)));

        assertThat(fixture.dump()).isEqualTo(before);
        assertThat(ofOfficer(A, 1, 30).actions()).hasSize(6);
    }

    @Test
    void oneEventAtATimeGivesTheSameAsBatches() {
        groups.deliver(history());
        Map<String, List<Document>> single = fixture.dump();
        fixture.reset();

        groups.deliverBatch(history());

        assertThat(fixture.dump()).isEqualTo(single);
    }

    @Test
    void noPersonalDataIsCopied() {
        groups.deliverBatch(history());

        assertThat(fixture.dump().toString()).doesNotContain(ID_NUMBER, NAME, "李四", "赵六", "13900000000",
                                                            "13812345678", "东湖机械");
    }

    /** A label for every @Revision record of the contract (its events), from the contract's classes or jar. */
    @Test
    void everyEventTypeOfTheContractHasALabel() throws Exception {
        Path location = Path.of(EmployerRegistered.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> unlabelled = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                                      .replaceAll("\\.class$", "");
                    if (!name.startsWith("cn.pes.casework.events.")) {
                        continue;
                    }
                    Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                    if (type.isAnnotationPresent(Revision.class) && !ActionLabels.knows(type.getSimpleName())) {
                        unlabelled.add(type.getSimpleName());
                    }
                }
            }
        }
        assertThat(unlabelled).isEmpty();
        assertThat(ActionLabels.of("SomethingNew")).isEqualTo("SomethingNew");
    }
}
