package cn.pes.casework.query.replay;

import cn.pes.casework.events.replay.ReplayTarget;
import cn.pes.casework.query.areastatistics.AreaStatisticsProjection;
import cn.pes.casework.query.audittrail.OfficerActionsProjection;
import cn.pes.casework.query.agencycaseload.AgencyCaseloadProjection;
import cn.pes.casework.query.casehistory.CaseHistoryProjection;
import cn.pes.casework.query.caselookup.CaseLookupProjection;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.employerguidance.EmployerGuidanceProjection;
import cn.pes.casework.query.fairs.RecruitmentFairsProjection;
import cn.pes.casework.query.jobfigures.JobFiguresProjection;
import cn.pes.casework.query.jobseekers.JobSeekersProjection;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.registrationflows.RegistrationFlowsProjection;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineProjection;
import cn.pes.casework.query.subsidytotals.SubsidyTotalsProjection;
import cn.pes.casework.query.trackingledger.TrackingLedgerProjection;
import cn.pes.casework.query.vacancies.VacanciesProjection;
import cn.pes.casework.security.protection.BlindIndex;
import cn.pes.casework.query.comparison.ComparisonBatchesProjection;
import cn.pes.casework.query.comparison.StatusChangeProposalsProjection;
import cn.pes.casework.query.entrepreneurship.CaseEntrepreneurshipProjection;
import cn.pes.casework.query.entrepreneurship.EntrepreneurshipFiguresProjection;
import cn.pes.casework.query.entrepreneurship.LoanPipelineProjection;
import cn.pes.casework.query.entrepreneurship.TrainingRollsProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a replay can build: every live projection, by its processing group, and statistics projections
 * that exist only for replays. Each is made afresh for every replay from a {@link ProjectionWriter} on
 * the replay's own database, so a replay never shares an instance, a buffer or a collection with the
 * live processors.
 *
 * <p>Registering a projection is one line in the constructor ({@link #live} or {@link #replayOnly});
 * the collections it writes are found by calling its {@code @ResetHandler} against a writer that only
 * notes the names, so they need not be listed twice.
 */
@Component
public class ReplayTargets {

    /**
     * A projection a replay can build; {@code announcing}, if not null, builds the instance that keeps the
     * live read model, which also announces its changes to subscribers (a replay's must not).
     */
    public record Definition(String name, boolean live, Function<ProjectionWriter, Object> factory,
                             BiFunction<ProjectionWriter, QueryUpdateEmitter, Object> announcing) {

        /** The instance that keeps the live read model: announcing through {@code emitter} where it can. */
        public Object forLiveReadModel(ProjectionWriter writer, QueryUpdateEmitter emitter) {
            return announcing != null && emitter != null ? announcing.apply(writer, emitter) : factory.apply(writer);
        }
    }

    private final Map<String, Definition> definitions = new TreeMap<>();

    public ReplayTargets(PersonalDataDocs personalData, BlindIndex blindIndex) {
        live(CaseSummaryProjection.PROCESSING_GROUP, writer -> new CaseSummaryProjection(writer, personalData));
        live(CaseHistoryProjection.PROCESSING_GROUP, CaseHistoryProjection::new);
        live(CaseLookupProjection.PROCESSING_GROUP, writer -> new CaseLookupProjection(writer, blindIndex, personalData));
        live(TrackingLedgerProjection.PROCESSING_GROUP, writer -> new TrackingLedgerProjection(writer, personalData));
        live(AgencyCaseloadProjection.PROCESSING_GROUP, writer -> new AgencyCaseloadProjection(writer, personalData));
        live(RegistrationFlowsProjection.PROCESSING_GROUP, RegistrationFlowsProjection::new);
        live(SubsidyPipelineProjection.PROCESSING_GROUP, writer -> new SubsidyPipelineProjection(writer, personalData));
        live(SubsidyTotalsProjection.PROCESSING_GROUP, SubsidyTotalsProjection::new);
        live(VacanciesProjection.PROCESSING_GROUP, writer -> new VacanciesProjection(writer, personalData));
        live(RecruitmentFairsProjection.PROCESSING_GROUP, writer -> new RecruitmentFairsProjection(writer, personalData));
        live(JobFiguresProjection.PROCESSING_GROUP, JobFiguresProjection::new);
        live(EmployerGuidanceProjection.PROCESSING_GROUP, EmployerGuidanceProjection::new);
        live(JobSeekersProjection.PROCESSING_GROUP, writer -> new JobSeekersProjection(writer, personalData));
        // Built with the writer alone, the statistics projection announces nothing to live dashboards.
        live(AreaStatisticsProjection.PROCESSING_GROUP, AreaStatisticsProjection::new, AreaStatisticsProjection::new);
        live(OfficerActionsProjection.PROCESSING_GROUP, OfficerActionsProjection::new);
        live(CaseEntrepreneurshipProjection.PROCESSING_GROUP, CaseEntrepreneurshipProjection::new);
        live(LoanPipelineProjection.PROCESSING_GROUP, writer -> new LoanPipelineProjection(writer, personalData));
        live(TrainingRollsProjection.PROCESSING_GROUP, writer -> new TrainingRollsProjection(writer, personalData));
        live(EntrepreneurshipFiguresProjection.PROCESSING_GROUP, EntrepreneurshipFiguresProjection::new);
        live(ComparisonBatchesProjection.PROCESSING_GROUP, ComparisonBatchesProjection::new);
        live(StatusChangeProposalsProjection.PROCESSING_GROUP, writer -> new StatusChangeProposalsProjection(writer, personalData));
        // Replay-only statistics projections (built only on an analyst's demand) go in with replayOnly(...).
    }

    /** A projection the platform keeps live under this processing group: a replay is compared with it. */
    public final void live(String processingGroup, Function<ProjectionWriter, Object> factory) {
        register(new Definition(processingGroup, true, factory, null));
    }

    /** As {@link #live(String, Function)}, for a projection that announces changes to live subscribers. */
    public final void live(String processingGroup, Function<ProjectionWriter, Object> factory,
                           BiFunction<ProjectionWriter, QueryUpdateEmitter, Object> announcing) {
        register(new Definition(processingGroup, true, factory, announcing));
    }

    /** A projection built only by replays (new statistics): nothing live to compare with. */
    public final void replayOnly(String name, Function<ProjectionWriter, Object> factory) {
        register(new Definition(name, false, factory, null));
    }

    private void register(Definition definition) {
        if (definitions.putIfAbsent(definition.name(), definition) != null) {
            throw new IllegalStateException("two replay targets named " + definition.name());
        }
    }

    public Optional<Definition> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(definitions.get(name));
    }

    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    public List<ReplayTarget> all() {
        List<ReplayTarget> targets = new ArrayList<>();
        definitions.values().forEach(definition -> targets.add(
                new ReplayTarget(definition.name(), definition.live(), collectionsOf(definition))));
        return targets;
    }

    /** The collections the target's projection drops on a reset, i.e. the ones it owns. */
    public static List<String> collectionsOf(Definition definition) {
        NamesOnly writer = new NamesOnly();
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(definition.factory().apply(writer));
        if (adapter.supportsReset()) {
            adapter.prepareReset();
        }
        return List.copyOf(writer.dropped);
    }

    /** Writes nothing: notes which collections a reset would drop. */
    private static final class NamesOnly extends ProjectionWriter {

        private final Set<String> dropped = Collections.synchronizedSet(new LinkedHashSet<>());

        NamesOnly() {
            super((ReadModelStore) null);
        }

        @Override
        public void drop(String... collections) {
            dropped.addAll(List.of(collections));
        }
    }
}
