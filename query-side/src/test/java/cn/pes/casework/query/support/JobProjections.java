package cn.pes.casework.query.support;

import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.employerguidance.EmployerGuidanceProjection;
import cn.pes.casework.query.employerguidance.EmployerGuidanceQueries;
import cn.pes.casework.query.fairs.RecruitmentFairsProjection;
import cn.pes.casework.query.fairs.RecruitmentFairsQueries;
import cn.pes.casework.query.jobfigures.JobFiguresProjection;
import cn.pes.casework.query.jobfigures.JobFiguresQueries;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job introduction read models (fairs, monthly job figures, employer guidance) fed as
 * {@link ProjectionHarness} feeds the others: one event at a time outside a unit of work, or as one
 * batch per processing group with the writer's flush interceptor.
 */
public final class JobProjections {

    private final ProjectionWriter writer;
    private final Map<String, AnnotationEventHandlerAdapter> groups = new LinkedHashMap<>();

    public final RecruitmentFairsQueries fairs;
    public final JobFiguresQueries jobFigures;
    public final EmployerGuidanceQueries employerGuidance;

    public JobProjections(ReadModelStore store, PersonalDataDocs personalData) {
        this.writer = new ProjectionWriter(store);
        groups.put(RecruitmentFairsProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new RecruitmentFairsProjection(writer, personalData)));
        groups.put(JobFiguresProjection.PROCESSING_GROUP, new AnnotationEventHandlerAdapter(new JobFiguresProjection(writer)));
        groups.put(EmployerGuidanceProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new EmployerGuidanceProjection(writer)));
        fairs = new RecruitmentFairsQueries(store, personalData, ProjectionHarness.AGENCIES);
        jobFigures = new JobFiguresQueries(store);
        employerGuidance = new EmployerGuidanceQueries(store);
    }

    public ProjectionWriter writer() {
        return writer;
    }

    public void deliver(List<? extends EventMessage<?>> messages) {
        new ProjectionGroups(writer, groups.values()).deliver(messages);
    }

    public void deliver(EventMessage<?>... messages) {
        deliver(List.of(messages));
    }

    public void deliverBatch(List<? extends EventMessage<?>> messages) {
        new ProjectionGroups(writer, groups.values()).deliverBatch(messages);
    }
}
