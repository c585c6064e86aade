package cn.pes.casework.query.support;

import cn.pes.casework.query.vacancies.VacanciesProjection;
import cn.pes.casework.query.vacancies.VacanciesQueries;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.query.agencycaseload.AgencyCaseloadProjection;
import cn.pes.casework.query.agencycaseload.AgencyCaseloadQueries;
import cn.pes.casework.query.casehistory.CaseHistoryProjection;
import cn.pes.casework.query.casehistory.CaseHistoryQueries;
import cn.pes.casework.query.caselookup.CaseLookupProjection;
import cn.pes.casework.query.caselookup.CaseLookupQueries;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.casesummary.CaseSummaryQueries;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.registrationflows.RegistrationFlowsProjection;
import cn.pes.casework.query.registrationflows.RegistrationFlowsQueries;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineProjection;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineQueries;
import cn.pes.casework.query.subsidytotals.SubsidyTotalsProjection;
import cn.pes.casework.query.subsidytotals.SubsidyTotalsQueries;
import cn.pes.casework.query.trackingledger.TrackingLedgerProjection;
import cn.pes.casework.query.trackingledger.TrackingLedgerQueries;
import cn.pes.casework.security.protection.BlindIndex;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projections behind Axon's annotation adapters, fed either one event at a time without a
 * unit of work (each change written at once) or as a batch the way a pooled streaming processor runs
 * it: one {@link BatchingUnitOfWork} per processing group with the writer's flush interceptor.
 */
public final class ProjectionHarness {

    /** The blind index key of the tests' lookups. */
    public static final BlindIndex BLIND_INDEX = new BlindIndex("projection-harness-blind-index-key");

    private final ProjectionWriter writer;
    private final Map<String, AnnotationEventHandlerAdapter> groups = new LinkedHashMap<>();

    public final CaseSummaryQueries caseSummary;
    public final CaseHistoryQueries caseHistory;
    public final CaseLookupQueries caseLookup;
    public final TrackingLedgerQueries trackingLedger;
    public final AgencyCaseloadQueries agencyCaseload;
    public final RegistrationFlowsQueries registrationFlows;
    public final SubsidyPipelineQueries subsidyPipeline;
    public final SubsidyTotalsQueries subsidyTotals;
    public final VacanciesQueries vacancies;

    /** The agencies of the tests' events: a city, two counties, a street in each and a second in the first. */
    public static final AgencyDirectory AGENCIES = new AgencyDirectory(List.of(
            new Agency("9901", "市就业局", Agency.Level.CITY, null),
            new Agency("990101", "东湖区", Agency.Level.COUNTY, null),
            new Agency(CaseEvents.STREET_AGENCY, "东湖街道", Agency.Level.STREET, "990101"),
            new Agency("990101002", "西湖街道", Agency.Level.STREET, "990101"),
            new Agency("990102", "南山区", Agency.Level.COUNTY, null),
            new Agency(CaseEvents.OTHER_STREET_AGENCY, "南山街道", Agency.Level.STREET, "990102")));

    public ProjectionHarness(ReadModelStore store, Clock clock, PersonalDataDocs personalData) {
        this.writer = new ProjectionWriter(store);
        groups.put(CaseSummaryProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new CaseSummaryProjection(writer, personalData)));
        groups.put(CaseHistoryProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new CaseHistoryProjection(writer)));
        groups.put(CaseLookupProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new CaseLookupProjection(writer, BLIND_INDEX, personalData)));
        groups.put(TrackingLedgerProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new TrackingLedgerProjection(writer, personalData)));
        groups.put(AgencyCaseloadProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new AgencyCaseloadProjection(writer, personalData)));
        groups.put(RegistrationFlowsProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new RegistrationFlowsProjection(writer)));
        groups.put(SubsidyPipelineProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new SubsidyPipelineProjection(writer, personalData)));
        groups.put(SubsidyTotalsProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new SubsidyTotalsProjection(writer)));
        groups.put(VacanciesProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new VacanciesProjection(writer, personalData)));
        caseSummary = new CaseSummaryQueries(store, personalData);
        caseHistory = new CaseHistoryQueries(store);
        caseLookup = new CaseLookupQueries(store, BLIND_INDEX, personalData);
        trackingLedger = new TrackingLedgerQueries(store, personalData);
        agencyCaseload = new AgencyCaseloadQueries(store, clock, personalData);
        registrationFlows = new RegistrationFlowsQueries(store);
        subsidyPipeline = new SubsidyPipelineQueries(store, clock, personalData);
        subsidyTotals = new SubsidyTotalsQueries(store);
        vacancies = new VacanciesQueries(store, personalData, AGENCIES);
    }

    public ProjectionWriter writer() {
        return writer;
    }

    /** Each event to every group, one at a time, outside any unit of work. */
    public void deliver(EventMessage<?>... messages) {
        new ProjectionGroups(writer, groups.values()).deliver(List.of(messages));
    }

    /** The events as one batch per group, as a pooled streaming processor's work package runs it. */
    public void deliverBatch(EventMessage<?>... messages) {
        deliverBatch(Arrays.asList(messages));
    }

    public void deliverBatch(List<? extends EventMessage<?>> messages) {
        new ProjectionGroups(writer, groups.values()).deliverBatch(messages);
    }
}
