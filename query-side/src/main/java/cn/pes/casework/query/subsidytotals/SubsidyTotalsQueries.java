package cn.pes.casework.query.subsidytotals;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.subsidy.FindSubsidyTotalsQuery;
import cn.pes.casework.events.subsidy.SubsidyTotals;
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

@Component
public class SubsidyTotalsQueries {

    private final ReadModelStore store;

    public SubsidyTotalsQueries(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Sums the payments of the departments' month. A department named twice is read once. A living
     * allowance counts where one was paid (amount above 0): most payments carry none.
     */
    @QueryHandler
    public SubsidyTotals handle(FindSubsidyTotalsQuery query) {
        if (query.month() == null) {
            return new SubsidyTotals(0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
        }
        List<String> ids = new ArrayList<>();
        query.departmentIds().stream().filter(Objects::nonNull).distinct()
             .forEach(departmentId -> ids.addAll(SubsidyTotalsProjection.paymentsIds(departmentId, query.month())));
        int subsidies = 0;
        BigDecimal subsidyAmount = BigDecimal.ZERO;
        int allowances = 0;
        BigDecimal allowanceAmount = BigDecimal.ZERO;
        if (ids.isEmpty()) {
            return new SubsidyTotals(subsidies, subsidyAmount, allowances, allowanceAmount);
        }
        for (Document doc : SharedDocuments.find(store.collection(SubsidyTotalsProjection.PAYMENTS), ids)) {
            Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
            if (cases == null) {
                continue;
            }
            for (Object value : cases.values()) {
                for (Document payment : ((Document) value).getList(SubsidyTotalsProjection.PAYMENT_LIST, Document.class,
                                                                   List.of())) {
                    BigDecimal subsidy = Docs.amount(payment, "subsidyAmount");
                    if (subsidy != null && subsidy.signum() > 0) {
                        subsidies++;
                        subsidyAmount = subsidyAmount.add(subsidy);
                    }
                    BigDecimal allowance = Docs.amount(payment, "allowanceAmount");
                    if (allowance != null && allowance.signum() > 0) {
                        allowances++;
                        allowanceAmount = allowanceAmount.add(allowance);
                    }
                }
            }
        }
        return new SubsidyTotals(subsidies, subsidyAmount, allowances, allowanceAmount);
    }
}
