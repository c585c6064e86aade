package cn.pes.casework.query.jobseekers;

import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.matching.MatchingQueries;
import cn.pes.casework.query.matching.MatchingWeights;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.support.ProjectionGroups;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.vacancies.OpenVacancyLines;
import cn.pes.casework.query.vacancies.VacanciesProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The job-seekers and vacancies projections behind Axon's annotation adapters, fed one event at a
 * time or as one batch per group the way a pooled streaming processor runs it (see ProjectionHarness).
 */
public final class JobSeekingHarness {

    private final ProjectionWriter writer;
    private final List<AnnotationEventHandlerAdapter> groups;

    public final JobSeekersQueries jobSeekers;
    public final MatchingQueries matching;

    public JobSeekingHarness(ReadModelStore store, Clock clock, PersonalDataDocs personalData, MatchingWeights weights) {
        this.writer = new ProjectionWriter(store);
        this.groups = List.of(new AnnotationEventHandlerAdapter(new JobSeekersProjection(writer, personalData)),
                new AnnotationEventHandlerAdapter(new VacanciesProjection(writer, personalData)));
        this.jobSeekers = new JobSeekersQueries(store, personalData, ProjectionHarness.AGENCIES, clock);
        this.matching = new MatchingQueries(jobSeekers, new OpenVacancyLines(store, ProjectionHarness.AGENCIES), weights,
                ProjectionHarness.AGENCIES);
    }

    public ProjectionWriter writer() {
        return writer;
    }

    public void deliver(EventMessage<?>... messages) {
        new ProjectionGroups(writer, groups).deliver(List.of(messages));
    }

    public void deliverBatch(EventMessage<?>... messages) {
        deliverBatch(Arrays.asList(messages));
    }

    public void deliverBatch(List<? extends EventMessage<?>> messages) {
        new ProjectionGroups(writer, groups).deliverBatch(messages);
    }
}
