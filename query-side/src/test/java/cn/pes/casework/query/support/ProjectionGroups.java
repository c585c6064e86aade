package cn.pes.casework.query.support;

import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;

import java.util.Collection;
import java.util.List;

/**
 * Projections behind Axon's annotation adapters, each its own group, fed the two ways a processor
 * feeds them: one event at a time, or a batch per group in a unit of work with the writer's flush at
 * its end, as a pooled streaming processor's work package runs it. The harnesses of the tests share it.
 */
public final class ProjectionGroups {

    private final ProjectionWriter writer;
    private final Collection<AnnotationEventHandlerAdapter> groups;

    public ProjectionGroups(ProjectionWriter writer, Collection<AnnotationEventHandlerAdapter> groups) {
        this.writer = writer;
        this.groups = groups;
    }

    /** Each event to every group, one at a time, outside any unit of work. */
    public void deliver(List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> message : messages) {
            for (AnnotationEventHandlerAdapter adapter : groups) {
                try {
                    if (adapter.canHandle(message)) {
                        adapter.handle(message);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The events as one batch per group. */
    public void deliverBatch(List<? extends EventMessage<?>> messages) {
        for (AnnotationEventHandlerAdapter adapter : groups) {
            writer.deliverBatch(adapter, messages);
        }
    }
}
