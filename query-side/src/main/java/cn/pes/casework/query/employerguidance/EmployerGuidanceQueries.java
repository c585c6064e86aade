package cn.pes.casework.query.employerguidance;

import cn.pes.casework.events.employer.EmployerGuidanceSession;
import cn.pes.casework.events.employer.EmployerGuidanceView;
import cn.pes.casework.events.employer.FindEmployerGuidanceQuery;
import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Component
public class EmployerGuidanceQueries {

    private final ReadModelStore store;

    public EmployerGuidanceQueries(ReadModelStore store) {
        this.store = store;
    }

    /** The sessions, latest held first; null when the employer is not (yet) known to this read model. */
    @QueryHandler
    public EmployerGuidanceView handle(FindEmployerGuidanceQuery query) {
        if (query.employerId() == null) {
            return null;
        }
        Document doc = store.collection(EmployerGuidanceProjection.EMPLOYERS).find(Filters.eq("_id", query.employerId()))
                            .first();
        if (doc == null) {
            return null;
        }
        List<EmployerGuidanceSession> sessions = new ArrayList<>();
        for (Document s : doc.getList(EmployerGuidanceProjection.SESSIONS, Document.class, List.of())) {
            sessions.add(new EmployerGuidanceSession(s.getString("sessionId"),
                    Docs.enumValue(s, "topic", RecruitmentGuidanceTopic.class), s.getString("notes"),
                    s.getString("followUp"), Docs.date(s, "heldOn"), s.getString("agencyId")));
        }
        sessions.sort(Comparator.comparing(EmployerGuidanceSession::heldOn, Comparator.nullsLast(Comparator.reverseOrder()))
                                .thenComparing(EmployerGuidanceSession::sessionId, Comparator.reverseOrder()));
        return new EmployerGuidanceView(query.employerId(), sessions);
    }
}
