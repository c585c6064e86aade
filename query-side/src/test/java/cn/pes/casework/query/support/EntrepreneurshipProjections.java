package cn.pes.casework.query.support;

import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.entrepreneurship.CaseEntrepreneurshipProjection;
import cn.pes.casework.query.entrepreneurship.CaseEntrepreneurshipQueries;
import cn.pes.casework.query.entrepreneurship.EntrepreneurshipFiguresProjection;
import cn.pes.casework.query.entrepreneurship.EntrepreneurshipFiguresQueries;
import cn.pes.casework.query.entrepreneurship.LoanPipelineProjection;
import cn.pes.casework.query.entrepreneurship.LoanPipelineQueries;
import cn.pes.casework.query.entrepreneurship.TrainingRollQueries;
import cn.pes.casework.query.entrepreneurship.TrainingRollsProjection;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entrepreneurship read models (case trainings and loans, loan pipeline, training rolls, monthly
 * figures) fed as {@link ProjectionHarness} feeds the others.
 */
public final class EntrepreneurshipProjections {

    private final ProjectionWriter writer;
    private final Map<String, AnnotationEventHandlerAdapter> groups = new LinkedHashMap<>();

    public final CaseEntrepreneurshipQueries caseEntrepreneurship;
    public final LoanPipelineQueries loanPipeline;
    public final TrainingRollQueries trainingRolls;
    public final EntrepreneurshipFiguresQueries figures;

    public EntrepreneurshipProjections(ReadModelStore store, Clock clock, PersonalDataDocs personalData) {
        this.writer = new ProjectionWriter(store);
        groups.put(CaseEntrepreneurshipProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new CaseEntrepreneurshipProjection(writer)));
        groups.put(LoanPipelineProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new LoanPipelineProjection(writer, personalData)));
        groups.put(TrainingRollsProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new TrainingRollsProjection(writer, personalData)));
        groups.put(EntrepreneurshipFiguresProjection.PROCESSING_GROUP,
                   new AnnotationEventHandlerAdapter(new EntrepreneurshipFiguresProjection(writer)));
        caseEntrepreneurship = new CaseEntrepreneurshipQueries(store);
        loanPipeline = new LoanPipelineQueries(store, clock, personalData, ProjectionHarness.AGENCIES);
        trainingRolls = new TrainingRollQueries(store, personalData, ProjectionHarness.AGENCIES);
        figures = new EntrepreneurshipFiguresQueries(store);
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
