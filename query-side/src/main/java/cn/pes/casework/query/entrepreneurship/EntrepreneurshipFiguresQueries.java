package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipFigures;
import cn.pes.casework.events.entrepreneurship.FindEntrepreneurshipFiguresQuery;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static cn.pes.casework.query.entrepreneurship.EntrepreneurshipFiguresProjection.*;

@Component
public class EntrepreneurshipFiguresQueries {

    static final EntrepreneurshipFigures NONE = new EntrepreneurshipFigures(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0,
                                                                            BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);

    private final ReadModelStore store;

    public EntrepreneurshipFiguresQueries(ReadModelStore store) {
        this.store = store;
    }

    /** Sums the parts of the agencies' month; an agency named twice is read once. */
    @QueryHandler
    public EntrepreneurshipFigures handle(FindEntrepreneurshipFiguresQuery query) {
        if (query.month() == null) {
            return NONE;
        }
        List<String> ids = new ArrayList<>();
        query.agencyIds().stream().filter(Objects::nonNull).distinct()
             .forEach(agencyId -> ids.addAll(figuresIds(agencyId, query.month())));
        if (ids.isEmpty()) {
            return NONE;
        }
        int[] counts = new int[10];
        BigDecimal[] amounts = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Document doc : SharedDocuments.find(store.collection(FIGURES), ids)) {
            Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
            if (parts == null) {
                continue;
            }
            for (Object value : parts.values()) {
                Document part = (Document) value;
                counts[0] += size(part, TRAINEES);
                counts[1] += size(part, COMPLETED);
                counts[2] += size(part, DROPPED_OUT);
                counts[3] += size(part, APPLIED);
                counts[4] += size(part, REFUSED);
                counts[5] += part.getList(APPROVED, Document.class, List.of()).size();
                amounts[0] = amounts[0].add(sum(part, APPROVED));
                counts[6] += part.getList(DISBURSED, Document.class, List.of()).size();
                amounts[1] = amounts[1].add(sum(part, DISBURSED));
                counts[7] += size(part, REPAID);
                counts[8] += size(part, OVERDUE);
                amounts[2] = amounts[2].add(sum(part, SUBSIDIES));
            }
        }
        return new EntrepreneurshipFigures(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], amounts[0],
                                           counts[6], amounts[1], counts[7], counts[8], amounts[2]);
    }

    private static int size(Document part, String key) {
        return part.getList(key, String.class, List.of()).size();
    }

    private static BigDecimal sum(Document part, String key) {
        BigDecimal total = BigDecimal.ZERO;
        for (Document item : part.getList(key, Document.class, List.of())) {
            BigDecimal amount = Docs.amount(item, "amount");
            total = amount == null ? total : total.add(amount);
        }
        return total;
    }
}
