package cn.pes.casework.query.employerguidance;

import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.RecruitmentGuidanceGiven;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Recruitment guidance given to employers (用人单位招聘指导, JOB-1):
 * {@value #EMPLOYERS}: {@code {_id: employerId, registered, sessions: [{sessionId, topic, notes, followUp,
 * heldOn, agencyId}], lastSequence}} — the employer page's guidance, by {@code _id}. The registration
 * only tells that the employer exists (an employer without sessions answers an empty list, an unknown
 * one nothing); the employer's name and contact stay in the vacancies read model. No personal data.
 */
@Component
@ProcessingGroup(EmployerGuidanceProjection.PROCESSING_GROUP)
public class EmployerGuidanceProjection {

    public static final String PROCESSING_GROUP = "employer-guidance";
    public static final String EMPLOYERS = "employer_guidance";

    static final String SESSIONS = "sessions";

    private final ProjectionWriter writer;

    public EmployerGuidanceProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @ResetHandler
    void reset() {
        writer.drop(EMPLOYERS);
    }

    @EventHandler
    void on(EmployerRegistered event, @SequenceNumber long sequence) {
        writer.updateDocument(EMPLOYERS, event.employerId(), sequence, doc -> doc.put("registered", true));
    }

    /** A session recorded once, whatever the redelivery. */
    @EventHandler
    void on(RecruitmentGuidanceGiven event, @SequenceNumber long sequence) {
        writer.updateDocument(EMPLOYERS, event.employerId(), sequence, doc -> {
            List<Document> sessions = doc.getList(SESSIONS, Document.class);
            if (sessions == null) {
                sessions = new ArrayList<>();
                doc.put(SESSIONS, sessions);
            }
            if (sessions.stream().anyMatch(s -> s.getString("sessionId").equals(event.sessionId()))) {
                return;
            }
            sessions.add(new Document("sessionId", event.sessionId())
                    .append("topic", Docs.name(event.topic()))
                    .append("notes", event.notes())
                    .append("followUp", event.followUp())
                    .append("heldOn", Docs.date(event.heldOn()))
                    .append("agencyId", event.agencyId()));
        });
    }
}
