package cn.pes.casework.query.casesummary;

import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.casefile.LastContact;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.casefile.SpellView;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
public class CaseSummaryQueries {

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;

    public CaseSummaryQueries(ReadModelStore store, PersonalDataDocs personalData) {
        this.store = store;
        this.personalData = personalData;
    }

    /** The case, or null when no such case has been projected (yet). */
    @QueryHandler
    public CaseView handle(FindCaseQuery query) {
        if (query.caseId() == null) {
            return null;
        }
        Document doc = store.collection(CaseSummaryProjection.COLLECTION).find(Filters.eq("_id", query.caseId())).first();
        return doc == null ? null : toView(doc);
    }

    /** The case as its stored summary document shows it (also as-of answers, from a document folded in memory). */
    public CaseView toView(Document doc) {
        List<Document> spells = doc.getList("spells", Document.class, List.of());
        return new CaseView(doc.getString("_id"),
                            personalData.read(doc, "person"),
                            doc.getInteger("birthYear"),
                            Docs.enumValue(doc, "sex", Sex.class),
                            Docs.enumValue(doc, "status", RegistrationStatus.class),
                            Docs.enumSet(doc, "categories", PersonCategory.class),
                            doc.getString("agencyId"),
                            spells.stream().map(CaseSummaryQueries::toSpell).toList(),
                            toLastContact(Docs.subDocument(doc, "lastContact")),
                            Docs.longValue(doc, GuardedUpsert.LAST_SEQUENCE, -1),
                            Docs.instant(doc, "updatedAt"));
    }

    private static SpellView toSpell(Document spell) {
        return new SpellView(Docs.intValue(spell, "spell", 0),
                             Docs.enumValue(spell, "status", RegistrationStatus.class),
                             Docs.enumValue(spell, "channel", Channel.class),
                             spell.getString("agencyId"),
                             Docs.date(spell, "appliedOn"),
                             Docs.date(spell, "decisionDueOn"),
                             Docs.date(spell, "registeredOn"),
                             spell.getString("reason"),
                             Docs.date(spell, "endedOn"),
                             Docs.enumValue(spell, "endedBy", RegistrationStatus.class),
                             spell.getString("endNote"));
    }

    private static LastContact toLastContact(Document contact) {
        if (contact == null) {
            return null;
        }
        return new LastContact(contact.getString("contactId"),
                               Docs.date(contact, "contactDate"),
                               Docs.enumValue(contact, "method", ContactMethod.class),
                               Docs.bool(contact, "reached"),
                               Docs.enumValue(contact, "statusFound", EmploymentStatus.class));
    }
}
