package cn.pes.casework.query.vacancies;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyLine;
import cn.pes.casework.events.employer.VacancyStatus;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only access to the open vacancies of this read model for other read models' queries (人岗匹配):
 * every open vacancy city-wide, and one vacancy if it is open. Reads by {@code _id} only.
 */
@Component
public class OpenVacancyLines {

    private final ReadModelStore store;
    private final AgencyDirectory agencies;

    public OpenVacancyLines(ReadModelStore store, AgencyDirectory agencies) {
        this.store = store;
        this.agencies = agencies;
    }

    /** Every published, not closed vacancy of every area of the city, in no particular order. */
    public List<VacancyLine> cityWide() {
        List<String> ids = new ArrayList<>();
        for (Agency agency : agencies.all()) {
            ids.addAll(VacanciesProjection.areaDocumentIds(agency.id()));
        }
        List<VacancyLine> lines = new ArrayList<>();
        if (ids.isEmpty()) {
            return lines;
        }
        SharedDocuments.find(store.collection(VacanciesProjection.AREAS), ids)
             .forEach(doc -> {
                 Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
                 if (parts == null) {
                     return;
                 }
                 for (Object value : parts.values()) {
                     Document part = (Document) value;
                     for (Document vacancy : part.getList(VacanciesProjection.VACANCIES, Document.class, List.of())) {
                         lines.add(line(part.getString("employerId"), part.getString("employerName"), vacancy));
                     }
                 }
             });
        return lines;
    }

    /** The vacancy if it is published and not closed; null otherwise (unknown, pending, rejected, closed). */
    public VacancyLine openVacancy(String employerId, String vacancyId) {
        if (employerId == null || vacancyId == null) {
            return null;
        }
        Document employer = store.collection(VacanciesProjection.EMPLOYERS).find(Filters.eq("_id", employerId)).first();
        if (employer == null) {
            return null;
        }
        for (Document vacancy : employer.getList(VacanciesProjection.VACANCIES, Document.class, List.of())) {
            if (vacancyId.equals(vacancy.getString("vacancyId"))
                    && VacancyStatus.PUBLISHED.name().equals(vacancy.getString("status"))) {
                return line(employerId, employer.getString("name"), vacancy);
            }
        }
        return null;
    }

    private static VacancyLine line(String employerId, String employerName, Document v) {
        WageRange wage = v.get("wageMin") == null ? null
                : new WageRange(Docs.intValue(v, "wageMin", 0), Docs.intValue(v, "wageMax", 0));
        return new VacancyLine(employerId, employerName, v.getString("vacancyId"), v.getString("occupation"),
                Docs.intValue(v, "headcount", 0), wage, v.getString("areaAgencyId"),
                Docs.enumValue(v, "form", EmploymentForm.class), v.getString("requirements"),
                Docs.date(v, "reviewedOn"));
    }
}
