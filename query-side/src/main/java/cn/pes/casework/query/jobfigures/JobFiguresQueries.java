package cn.pes.casework.query.jobfigures;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.statistics.FindJobFiguresQuery;
import cn.pes.casework.events.statistics.JobFigures;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@Component
public class JobFiguresQueries {

    private static final JobFigures NONE = new JobFigures(0, 0, 0, 0, 0, 0, 0, 0);

    private final ReadModelStore store;

    public JobFiguresQueries(ReadModelStore store) {
        this.store = store;
    }

    /** Sums the parts of the agencies' month; an agency named twice is read once. */
    @QueryHandler
    public JobFigures handle(FindJobFiguresQuery query) {
        if (query.month() == null) {
            return NONE;
        }
        List<String> ids = new ArrayList<>();
        query.agencyIds().stream().filter(Objects::nonNull).distinct()
             .forEach(agencyId -> ids.addAll(JobFiguresProjection.figuresIds(agencyId, query.month())));
        if (ids.isEmpty()) {
            return NONE;
        }
        int reviewed = 0;
        int onTime = 0;
        int referrals = 0;
        int hires = 0;
        int fairs = 0;
        int attendees = 0;
        int fairReferrals = 0;
        int guidance = 0;
        for (Document doc : SharedDocuments.find(store.collection(JobFiguresProjection.FIGURES), ids)) {
            Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
            if (parts == null) {
                continue;
            }
            for (Object value : parts.values()) {
                Document part = (Document) value;
                reviewed += size(part, JobFiguresProjection.REVIEWED);
                onTime += size(part, JobFiguresProjection.ON_TIME);
                referrals += size(part, JobFiguresProjection.REFERRALS);
                hires += size(part, JobFiguresProjection.HIRES);
                fairs += size(part, JobFiguresProjection.HELD_FAIRS);
                attendees += Docs.intValue(part, JobFiguresProjection.ATTENDED, 0);
                fairReferrals += size(part, JobFiguresProjection.FAIR_REFERRALS);
                guidance += size(part, JobFiguresProjection.GUIDANCE);
            }
        }
        return new JobFigures(reviewed, onTime, referrals, hires, fairs, attendees, fairReferrals, guidance);
    }

    private static int size(Document part, String key) {
        return part.getList(key, String.class, List.of()).size();
    }
}
