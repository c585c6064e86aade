package cn.pes.casework.query.vacancies;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.employer.EmployerView;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.FindEmployerQuery;
import cn.pes.casework.events.employer.FindOpenVacanciesQuery;
import cn.pes.casework.events.employer.OpenVacanciesView;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyLine;
import cn.pes.casework.events.employer.VacancyStatus;
import cn.pes.casework.events.employer.VacancyView;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The open-vacancy search and the employer page. The search filters in memory over the buckets of the
 * areas asked for: every bucket is read by {@code _id}, and a bucket holds only open vacancies.
 */
@Component
public class VacanciesQueries {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private static final Comparator<VacancyLine> NEWEST_PUBLISHED_FIRST =
            Comparator.comparing(VacancyLine::publishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(VacancyLine::vacancyId);

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final AgencyDirectory agencies;

    public VacanciesQueries(ReadModelStore store, PersonalDataDocs personalData, AgencyDirectory agencies) {
        this.store = store;
        this.personalData = personalData;
        this.agencies = agencies;
    }

    /** No personal data: the contact person stays on the employer page. An unknown area matches nothing. */
    @QueryHandler
    public OpenVacanciesView handle(FindOpenVacanciesQuery query) {
        List<String> areas = (query.areaAgencyId() == null ? agencies.all() : agencies.coveredBy(query.areaAgencyId()))
                .stream().map(Agency::id).toList();
        List<String> ids = new ArrayList<>();
        areas.forEach(area -> ids.addAll(VacanciesProjection.areaDocumentIds(area)));
        List<VacancyLine> lines = new ArrayList<>();
        if (!ids.isEmpty()) {
            String occupation = query.occupation() == null || query.occupation().isBlank() ? null
                    : query.occupation().strip().toLowerCase(Locale.ROOT);
            SharedDocuments.find(store.collection(VacanciesProjection.AREAS), ids)
                 .forEach(doc -> {
                     Document parts = Docs.subDocument(doc, GuardedUpsert.CASES);
                     if (parts == null) {
                         return;
                     }
                     for (Object value : parts.values()) {
                         Document part = (Document) value;
                         for (Document vacancy : part.getList(VacanciesProjection.VACANCIES, Document.class, List.of())) {
                             VacancyLine line = line(part, vacancy);
                             if (matches(line, occupation, query.minimumWage(), query.form())) {
                                 lines.add(line);
                             }
                         }
                     }
                 });
        }
        lines.sort(NEWEST_PUBLISHED_FIRST);
        int limit = query.limit() <= 0 ? DEFAULT_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        return new OpenVacanciesView(List.copyOf(lines.subList(0, Math.min(limit, lines.size()))), lines.size() > limit);
    }

    /** The employer with every vacancy, newest posted first; null when not (yet) known to this read model. */
    @QueryHandler
    public EmployerView handle(FindEmployerQuery query) {
        if (query.employerId() == null) {
            return null;
        }
        Document doc = store.collection(VacanciesProjection.EMPLOYERS).find(Filters.eq("_id", query.employerId())).first();
        if (doc == null || doc.getString("name") == null) {
            return null;
        }
        List<VacancyView> vacancies = new ArrayList<>();
        for (Document v : doc.getList(VacanciesProjection.VACANCIES, Document.class, List.of())) {
            vacancies.add(new VacancyView(v.getString("vacancyId"), v.getString("occupation"),
                    Docs.intValue(v, "headcount", 0), wage(v), v.getString("areaAgencyId"),
                    Docs.enumValue(v, "form", EmploymentForm.class), v.getString("requirements"),
                    Docs.enumValue(v, "status", VacancyStatus.class), Docs.date(v, "postedOn"),
                    Docs.date(v, "reviewedOn"), v.getString("rejectionReason"),
                    Docs.enumValue(v, "closeReason", VacancyCloseReason.class), Docs.date(v, "closedOn")));
        }
        vacancies.sort(Comparator.comparing(VacancyView::postedOn, Comparator.nullsLast(Comparator.reverseOrder()))
                                 .thenComparing(VacancyView::vacancyId, Comparator.reverseOrder()));
        return new EmployerView(query.employerId(), doc.getString("creditCode"), doc.getString("name"),
                doc.getString("registeredAddress"), doc.getString("areaAgencyId"), personalData.read(doc, "contact"),
                Docs.date(doc, "registeredOn"), vacancies);
    }

    private static boolean matches(VacancyLine line, String occupation, Integer minimumWage, EmploymentForm form) {
        return (occupation == null || (line.occupation() != null
                && line.occupation().toLowerCase(Locale.ROOT).contains(occupation)))
                && (minimumWage == null || (line.wage() != null && line.wage().maxYuan() >= minimumWage))
                && (form == null || form == line.form());
    }

    private static VacancyLine line(Document part, Document v) {
        return new VacancyLine(part.getString("employerId"), part.getString("employerName"), v.getString("vacancyId"),
                v.getString("occupation"), Docs.intValue(v, "headcount", 0), wage(v), v.getString("areaAgencyId"),
                Docs.enumValue(v, "form", EmploymentForm.class), v.getString("requirements"),
                Docs.date(v, "reviewedOn"));
    }

    private static WageRange wage(Document v) {
        return v.get("wageMin") == null ? null
                : new WageRange(Docs.intValue(v, "wageMin", 0), Docs.intValue(v, "wageMax", 0));
    }
}
