package cn.pes.casework.query.registrationflows;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.statistics.FindFlowFiguresQuery;
import cn.pes.casework.events.statistics.FlowFigures;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@Component
public class RegistrationFlowsQueries {

    private final ReadModelStore store;

    public RegistrationFlowsQueries(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Sums the parts of the agencies' month. An agency named twice is read once, so each case's part
     * counts once per agency; movements of one case at two of the agencies (registered at one,
     * cancelled at the other) are two movements and count at each.
     */
    @QueryHandler
    public FlowFigures handle(FindFlowFiguresQuery query) {
        if (query.month() == null) {
            return new FlowFigures(0, 0, Map.of());
        }
        List<String> ids = new ArrayList<>();
        query.agencyIds().stream().filter(Objects::nonNull).distinct()
             .forEach(agencyId -> ids.addAll(RegistrationFlowsProjection.flowsIds(agencyId, query.month())));
        if (ids.isEmpty()) {
            return new FlowFigures(0, 0, Map.of());
        }
        int registered = 0;
        int employed = 0;
        Map<CancellationGround, Integer> cancelled = new EnumMap<>(CancellationGround.class);
        for (Document doc : SharedDocuments.find(store.collection(RegistrationFlowsProjection.FLOWS), ids)) {
            Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
            if (cases == null) {
                continue;
            }
            for (Object value : cases.values()) {
                Document part = (Document) value;
                registered += part.getList(RegistrationFlowsProjection.REGISTERED, Integer.class, List.of()).size();
                employed += part.getList(RegistrationFlowsProjection.EMPLOYED, Integer.class, List.of()).size();
                Document grounds = Docs.subDocument(part, RegistrationFlowsProjection.CANCELLED);
                if (grounds != null) {
                    grounds.values().forEach(ground -> cancelled.merge(CancellationGround.valueOf((String) ground), 1,
                                                                       Integer::sum));
                }
            }
        }
        return new FlowFigures(registered, employed, cancelled);
    }
}
