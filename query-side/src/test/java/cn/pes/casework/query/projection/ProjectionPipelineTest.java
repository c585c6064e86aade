package cn.pes.casework.query.projection;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.comparison.ComparisonBatchCompleted;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ComparisonBatchView;
import cn.pes.casework.events.comparison.ComparisonBatchesView;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.FindComparisonBatchQuery;
import cn.pes.casework.events.comparison.FindComparisonBatchesQuery;
import cn.pes.casework.events.comparison.FindStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposalLine;
import cn.pes.casework.events.comparison.StatusChangeProposalsView;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.query.comparison.ComparisonBatchQueries;
import cn.pes.casework.query.comparison.ComparisonBatchesProjection;
import cn.pes.casework.query.comparison.StatusChangeProposalQueries;
import cn.pes.casework.query.comparison.StatusChangeProposalsProjection;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import cn.pes.casework.query.entrepreneurship.CaseEntrepreneurshipProjection;
import cn.pes.casework.query.entrepreneurship.EntrepreneurshipFiguresProjection;
import cn.pes.casework.query.entrepreneurship.LoanPipelineProjection;
import cn.pes.casework.query.entrepreneurship.TrainingRollsProjection;
import cn.pes.casework.query.employerguidance.EmployerGuidanceProjection;
import cn.pes.casework.query.areastatistics.AreaStatisticsProjection;
import cn.pes.casework.query.areastatistics.AreaStatisticsQueries;
import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.query.audittrail.OfficerActionsProjection;
import cn.pes.casework.query.audittrail.OfficerActionsQueries;
import cn.pes.casework.events.audit.FindOfficerActionsQuery;
import cn.pes.casework.events.audit.RecordedActionsView;
import cn.pes.casework.query.fairs.RecruitmentFairsProjection;
import cn.pes.casework.query.jobfigures.JobFiguresProjection;
import cn.pes.casework.query.jobseekers.JobSeekersProjection;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.security.protection.PersonalDataKeySchema;
import cn.pes.casework.security.protection.PersonalDataKeyStore;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import static cn.pes.casework.query.support.ProjectionHarness.BLIND_INDEX;
import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.casefile.CaseSearchResult;
import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.casefile.FindCasesByNameQuery;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.statistics.FindFlowFiguresQuery;
import cn.pes.casework.events.statistics.FlowFigures;
import cn.pes.casework.events.subsidy.CaseSubsidiesView;
import cn.pes.casework.events.subsidy.FindCaseSubsidiesQuery;
import cn.pes.casework.events.subsidy.FindMissedSubsidyDeadlinesQuery;
import cn.pes.casework.events.subsidy.FindSubsidyPipelineQuery;
import cn.pes.casework.events.subsidy.FindSubsidyTotalsQuery;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadlinesView;
import cn.pes.casework.events.subsidy.SubsidyApplicationLine;
import cn.pes.casework.events.subsidy.SubsidyPipelineView;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.events.subsidy.SubsidyTotals;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.TrackingLedgerView;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.query.agencycaseload.AgencyCaseloadProjection;
import cn.pes.casework.query.agencycaseload.AgencyCaseloadQueries;
import cn.pes.casework.query.casehistory.CaseHistoryProjection;
import cn.pes.casework.query.casehistory.CaseHistoryQueries;
import cn.pes.casework.query.caselookup.CaseLookupProjection;
import cn.pes.casework.query.caselookup.CaseLookupQueries;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.casesummary.CaseSummaryQueries;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.registrationflows.RegistrationFlowsProjection;
import cn.pes.casework.query.registrationflows.RegistrationFlowsQueries;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineProjection;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineQueries;
import cn.pes.casework.query.subsidytotals.SubsidyTotalsProjection;
import cn.pes.casework.query.vacancies.VacanciesProjection;
import cn.pes.casework.query.vacancies.VacanciesQueries;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.subsidytotals.SubsidyTotalsQueries;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ReadModelFixture;
import cn.pes.casework.query.trackingledger.TrackingLedgerProjection;
import cn.pes.casework.query.trackingledger.TrackingLedgerQueries;
import com.mongodb.client.model.Filters;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections in real Axon pooled streaming processors, configured by this module's
 * {@link ProjectionProcessorsModule} (Mongo token store per group, batches, flush interceptor), fed
 * from an event store and read through the query bus.
 */
class ProjectionPipelineTest {

    private final ReadModelFixture fixture = ReadModelFixture.inMemory();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private Configuration axon;

    @BeforeEach
    void start() {
        axon = startAxon();
    }

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
        fixture.close();
    }

    private Configuration startAxon() {
        ReadModelStore store = fixture.store(false);
        ProjectionWriter writer = new ProjectionWriter(store);
        PersonalDataDocs personalData = new PersonalDataDocs(new PersonalDataProtector(keys()));
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                                                 .configureEmbeddedEventStore(c -> storage)
                                                 .configureSerializer(c -> JacksonSerializer.defaultSerializer());
        configurer.eventProcessing()
                  .registerEventHandler(c -> new CaseSummaryProjection(writer, personalData))
                  .registerEventHandler(c -> new CaseHistoryProjection(writer))
                  .registerEventHandler(c -> new CaseLookupProjection(writer, BLIND_INDEX, personalData))
                  .registerEventHandler(c -> new TrackingLedgerProjection(writer, personalData))
                  .registerEventHandler(c -> new AgencyCaseloadProjection(writer, personalData))
                  .registerEventHandler(c -> new RegistrationFlowsProjection(writer))
                  .registerEventHandler(c -> new SubsidyPipelineProjection(writer, personalData))
                  .registerEventHandler(c -> new SubsidyTotalsProjection(writer))
                  .registerEventHandler(c -> new VacanciesProjection(writer, personalData))
                  .registerEventHandler(c -> new JobSeekersProjection(writer, personalData))
                  .registerEventHandler(c -> new RecruitmentFairsProjection(writer, personalData))
                  .registerEventHandler(c -> new JobFiguresProjection(writer))
                  .registerEventHandler(c -> new EmployerGuidanceProjection(writer))
                  .registerEventHandler(c -> new AreaStatisticsProjection(writer))
                  .registerEventHandler(c -> new OfficerActionsProjection(writer))
                  .registerEventHandler(c -> new CaseEntrepreneurshipProjection(writer))
                  .registerEventHandler(c -> new LoanPipelineProjection(writer, personalData))
                  .registerEventHandler(c -> new TrainingRollsProjection(writer, personalData))
                  .registerEventHandler(c -> new EntrepreneurshipFiguresProjection(writer))
                  .registerEventHandler(c -> new ComparisonBatchesProjection(writer))
                  .registerEventHandler(c -> new StatusChangeProposalsProjection(writer, personalData));
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        configurer.registerQueryHandler(c -> new CaseSummaryQueries(store, personalData))
                  .registerQueryHandler(c -> new CaseHistoryQueries(store))
                  .registerQueryHandler(c -> new CaseLookupQueries(store, BLIND_INDEX, personalData))
                  .registerQueryHandler(c -> new TrackingLedgerQueries(store, personalData))
                  .registerQueryHandler(c -> new AgencyCaseloadQueries(store, clock, personalData))
                  .registerQueryHandler(c -> new RegistrationFlowsQueries(store))
                  .registerQueryHandler(c -> new SubsidyPipelineQueries(store, clock, personalData))
                  .registerQueryHandler(c -> new SubsidyTotalsQueries(store))
                  .registerQueryHandler(c -> new VacanciesQueries(store, personalData, ProjectionHarness.AGENCIES))
                  .registerQueryHandler(c -> new AreaStatisticsQueries(store, clock))
                  .registerQueryHandler(c -> new OfficerActionsQueries(store))
                  .registerQueryHandler(c -> new ComparisonBatchQueries(store, ProjectionHarness.AGENCIES))
                  .registerQueryHandler(c -> new StatusChangeProposalQueries(store, personalData, ProjectionHarness.AGENCIES));
        new ProjectionProcessorsModule(fixture.client(), ReadModelFixture.DATABASE, writer,
                                       new ProjectionSettings(20, 2, 0),
                                       ProjectionProcessingConfiguration.PROCESSING_GROUPS, clock).configureModule(configurer);
        return configurer.start();
    }

    private <R> R query(Object query, Class<R> type) throws Exception {
        return axon.queryGateway().query(query, type).get(10, TimeUnit.SECONDS);
    }

    private static void eventually(Duration timeout, ThrowingRunnable assertion) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | NullPointerException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private List<String> publishCases(int count, String namePrefix) {
        List<String> caseIds = new ArrayList<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseEvents events = CaseEvents.newCase();
            caseIds.add(events.caseId());
            messages.add(events.next(events.opened(CaseEvents.person(String.format("1101051990%08d", i), namePrefix))));
            messages.add(events.next(events.registered(1, LocalDate.of(2026, 10, 8), STREET_AGENCY)));
            if (i % 2 == 0) {
                messages.add(events.next(events.phoneContact(1, "c-" + i, LocalDate.of(2026, 11, 3),
                                                              EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
            }
        }
        axon.eventStore().publish(messages);
        return caseIds;
    }

    @Test
    void everyReadModelFollowsTheEventStream() throws Exception {
        List<String> caseIds = publishCases(30, "同名");

        eventually(Duration.ofSeconds(30), () -> {
            for (String caseId : caseIds) {
                CaseView view = query(new FindCaseQuery(caseId), CaseView.class);
                assertThat(view).isNotNull();
                assertThat(view.status()).isEqualTo(RegistrationStatus.ACTIVE);
            }
            CaseHistoryView history = query(new FindCaseHistoryQuery(caseIds.get(0)), CaseHistoryView.class);
            assertThat(history.entries()).hasSize(3);
            assertThat(query(new FindCasesByNameQuery("同名"), CaseSearchResult.class).cases()).hasSize(30);
            TrackingLedgerView ledger = query(new FindTrackingLedgerQuery(STREET_AGENCY, YearMonth.of(2026, 11)),
                                              TrackingLedgerView.class);
            assertThat(ledger.rows()).hasSize(15);
            UncontactedCasesView uncontacted = query(new FindUncontactedCasesQuery(STREET_AGENCY, YearMonth.of(2026, 11)),
                                                     UncontactedCasesView.class);
            assertThat(uncontacted.activeCases()).isEqualTo(30);
            assertThat(uncontacted.cases()).hasSize(15);
            FlowFigures october = query(new FindFlowFiguresQuery(List.of(STREET_AGENCY), YearMonth.of(2026, 10)),
                                        FlowFigures.class);
            assertThat(october.newRegistrations()).isEqualTo(30);
            AreaStatistics area = query(new FindAreaStatisticsQuery(List.of(STREET_AGENCY), YearMonth.of(2026, 10),
                                                                    YearMonth.of(2026, 11), null), AreaStatistics.class);
            assertThat(area.months().get(0).newRegistrations()).isEqualTo(30);
            assertThat(area.months().get(1).registeredAtMonthEnd()).isEqualTo(30);
            assertThat(area.months().get(1).contactedInMonth()).isEqualTo(15);
            // Every event of the stream is an action of the officer who recorded it.
            RecordedActionsView actions = query(new FindOfficerActionsQuery(CaseEvents.OFFICER, LocalDate.of(2026, 11, 2),
                                                                            LocalDate.of(2026, 11, 2)), RecordedActionsView.class);
            assertThat(actions.actions()).hasSize(75);
        });

        // Each group keeps its own tokens, one per segment, in the read-model database.
        for (String group : ProjectionProcessingConfiguration.PROCESSING_GROUPS) {
            assertThat(fixture.database().getCollection(ProjectionProcessorsModule.TOKEN_COLLECTION)
                              .countDocuments(Filters.eq("processorName", group))).isEqualTo(2);
        }
    }

    /** The subsidy read models answer through the query bus once their processing groups have caught up. */
    @Test
    void theSubsidyReadModelsFollowTheEventStream() throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CaseEvents events = CaseEvents.newCase();
            caseIds.add(events.caseId());
            messages.add(events.next(events.openedWithKey(CaseEvents.person(String.format("1101051990%08d", i), "补贴"))));
            messages.add(events.next(events.certificateSubmitted("s-" + i, STREET_AGENCY, LocalDate.of(2026, 10, 12),
                                                                 LocalDate.of(2026, 11, 2))));
            if (i % 2 == 0) {
                messages.add(events.next(events.reviewDeadlineMissed("s-" + i, STREET_AGENCY, LocalDate.of(2026, 11, 2))));
                messages.add(events.next(events.subsidyApproved("s-" + i, LocalDate.of(2026, 11, 4), "500", true,
                                                                LocalDate.of(2026, 11, 11))));
                messages.add(events.next(events.publicityEnded("s-" + i, LocalDate.of(2026, 11, 11), LocalDate.of(2027, 2, 9))));
                messages.add(events.next(events.subsidyPaid("s-" + i, STREET_AGENCY, "1500", "500", LocalDate.of(2026, 11, 20), false)));
            }
        }
        axon.eventStore().publish(messages);

        eventually(Duration.ofSeconds(30), () -> {
            SubsidyPipelineView pipeline = query(new FindSubsidyPipelineQuery(STREET_AGENCY, null, LocalDate.of(2026, 11, 27)),
                                                 SubsidyPipelineView.class);
            assertThat(pipeline.applications()).extracting(SubsidyApplicationLine::stage)
                                               .containsExactly(SubsidyStage.RECEIVED, SubsidyStage.RECEIVED, SubsidyStage.RECEIVED,
                                                                SubsidyStage.PAID, SubsidyStage.PAID, SubsidyStage.PAID);
            assertThat(pipeline.applications()).allSatisfy(line -> assertThat(line.person().name()).isEqualTo("补贴"));
            assertThat(query(new FindCaseSubsidiesQuery(caseIds.get(0), null), CaseSubsidiesView.class).applications())
                    .singleElement().satisfies(line -> assertThat(line.stage()).isEqualTo(SubsidyStage.PAID));
            assertThat(query(new FindMissedSubsidyDeadlinesQuery(List.of(STREET_AGENCY)), MissedSubsidyDeadlinesView.class)
                               .deadlines()).hasSize(3).allSatisfy(missed -> assertThat(missed.completedOn())
                                                                             .isEqualTo(LocalDate.of(2026, 11, 4)));
            SubsidyTotals totals = query(new FindSubsidyTotalsQuery(List.of(STREET_AGENCY), YearMonth.of(2026, 11)),
                                         SubsidyTotals.class);
            assertThat(totals).isEqualTo(new SubsidyTotals(3, new BigDecimal("4500"), 3, new BigDecimal("1500")));
        });
    }

    /** The comparison read models answer through the query bus once their processing groups have caught up. */
    @Test
    void theComparisonReadModelsFollowTheEventStream() throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CaseEvents events = CaseEvents.newCase();
            messages.add(events.next(events.openedWithKey(CaseEvents.person(String.format("1101051990%08d", i), "比对"))));
            messages.add(events.next(events.registered(1, LocalDate.of(2026, 10, 8), STREET_AGENCY)));
            messages.add(events.next(new StatusChangeProposed(events.caseId(), 1, "sp-" + i, ProposalSource.DATA_MATCH, null,
                    CancellationGround.ENLISTED, new Evidence(Evidence.EvidenceSource.DATA_MATCH, "batch-p:" + i, null),
                    new ExternalRecord("batch-p", i + 2, ExternalRecordKind.ENLISTMENT, "市征兵办", LocalDate.of(2026, 11, 9),
                                       LocalDate.of(2026, 11, 1), null), null, LocalDate.of(2026, 11, 10), STREET_AGENCY)));
            if (i % 2 == 0) {
                messages.add(events.next(new StatusChangeProposalDismissed(events.caseId(), "sp-" + i, "非本人",
                                                                            LocalDate.of(2026, 11, 12))));
            }
        }
        messages.add(new GenericDomainEventMessage<>("ComparisonBatch", "batch-p", 0, new ComparisonBatchImported(
                "batch-p", ExternalRecordKind.ENLISTMENT, "市征兵办", LocalDate.of(2026, 11, 9), "p.csv", RecordFileFormat.CSV,
                4, 4, 0, List.of(), "officer-7", STREET_AGENCY, LocalDate.of(2026, 11, 10))));
        messages.add(new GenericDomainEventMessage<>("ComparisonBatch", "batch-p", 1, new ComparisonBatchCompleted(
                "batch-p", new MatchCounts(4, 4, 0, 0, 0, 0), LocalDate.of(2026, 11, 10))));
        axon.eventStore().publish(messages);

        eventually(Duration.ofSeconds(30), () -> {
            StatusChangeProposalsView open = query(new FindStatusChangeProposalsQuery("990101", null), StatusChangeProposalsView.class);
            assertThat(open.lines()).extracting(StatusChangeProposalLine::proposalId).containsExactly("sp-1", "sp-3");
            assertThat(open.lines()).allSatisfy(line -> assertThat(line.person().name()).isEqualTo("比对"));
            assertThat(query(new FindStatusChangeProposalsQuery(STREET_AGENCY, ProposalState.DISMISSED),
                             StatusChangeProposalsView.class).lines()).hasSize(2);
            ComparisonBatchView batch = query(new FindComparisonBatchQuery("batch-p"), ComparisonBatchView.class);
            assertThat(batch.status()).isEqualTo(ComparisonBatchStatus.COMPLETED);
            assertThat(batch.processed().proposed()).isEqualTo(4);
            assertThat(query(new FindComparisonBatchesQuery("9901"), ComparisonBatchesView.class).batches())
                    .extracting(ComparisonBatchView::batchId).containsExactly("batch-p");
        });
    }

    @Test
    void afterARestartTheProcessorsContinueFromTheirTokens() throws Exception {
        List<String> first = publishCases(5, "重启前");
        eventually(Duration.ofSeconds(30), () -> assertThat(
                query(new FindCasesByNameQuery("重启前"), CaseSearchResult.class).cases()).hasSize(5));
        eventually(Duration.ofSeconds(30), () -> assertThat(
                query(new FindCaseHistoryQuery(first.get(4)), CaseHistoryView.class).entries()).hasSize(3));
        axon.shutdown();

        axon = startAxon();
        List<String> second = publishCases(5, "重启后");

        eventually(Duration.ofSeconds(30), () -> {
            assertThat(query(new FindCasesByNameQuery("重启后"), CaseSearchResult.class).cases()).hasSize(5);
            assertThat(query(new FindCaseHistoryQuery(second.get(4)), CaseHistoryView.class).entries()).hasSize(3);
        });
        assertThat(query(new FindCaseHistoryQuery(first.get(0)), CaseHistoryView.class).entries()).hasSize(3);
    }

    /** Per-person keys in an in-memory database, as the platform keeps them in the event store's. */
    private static PersonalDataKeyStore keys() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:pipeline-keys-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        PersonalDataKeySchema.create(dataSource);
        return new PersonalDataKeyStore(new JdbcTemplate(dataSource), null, Clock.systemUTC());
    }
}
