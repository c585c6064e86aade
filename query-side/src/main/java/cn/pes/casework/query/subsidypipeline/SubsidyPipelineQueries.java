package cn.pes.casework.query.subsidypipeline;

import cn.pes.casework.query.projection.SharedDocuments;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.subsidy.CaseSubsidiesView;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.FindCaseSubsidiesQuery;
import cn.pes.casework.events.subsidy.FindMissedSubsidyDeadlinesQuery;
import cn.pes.casework.events.subsidy.FindSubsidyPipelineQuery;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadline;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadlinesView;
import cn.pes.casework.events.subsidy.SubsidyApplicationLine;
import cn.pes.casework.events.subsidy.SubsidyPipelineView;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.GuardedUpsert;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Answers with personal data as stored (opened with the person's key); the web layer masks it on the
 * way out, as for every other view.
 */
@Component
public class SubsidyPipelineQueries {

    private static final Comparator<SubsidyApplicationLine> EARLIEST_DUE_FIRST =
            Comparator.comparing(SubsidyApplicationLine::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(SubsidyApplicationLine::receivedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(SubsidyApplicationLine::caseId)
                      .thenComparing(SubsidyApplicationLine::applicationId);

    private static final Comparator<SubsidyApplicationLine> NEWEST_FIRST =
            Comparator.comparing(SubsidyApplicationLine::receivedOn, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(SubsidyApplicationLine::applicationId, Comparator.reverseOrder());

    private final ReadModelStore store;
    private final PersonalDataDocs personalData;
    private final Clock clock;

    public SubsidyPipelineQueries(ReadModelStore store, Clock clock, PersonalDataDocs personalData) {
        this.store = store;
        this.clock = clock;
        this.personalData = personalData;
    }

    @QueryHandler
    public SubsidyPipelineView handle(FindSubsidyPipelineQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<SubsidyApplicationLine> lines = new ArrayList<>();
        if (query.departmentId() != null) {
            List<Map.Entry<Document, List<Document>>> listed = new ArrayList<>();
            forEachPart(List.of(query.departmentId()), part -> {
                List<Document> applications = part.getList(SubsidyPipelineProjection.APPLICATIONS, Document.class, List.of())
                                                  .stream()
                                                  .filter(a -> query.stage() == null
                                                          || query.stage().name().equals(a.getString("stage")))
                                                  .toList();
                if (!applications.isEmpty()) {
                    listed.add(Map.entry(part, applications));
                }
            });
            // Opened only for parts that are listed: every opening is a decryption.
            personalData.prefetch(listed.stream().map(Map.Entry::getKey).toList(), "person");
            listed.forEach(entry -> {
                PersonalData person = personalData.read(entry.getKey(), "person");
                entry.getValue().forEach(a -> lines.add(line(entry.getKey().getString("caseId"), person, a, asOf)));
            });
        }
        lines.sort(EARLIEST_DUE_FIRST);
        return new SubsidyPipelineView(query.departmentId(), asOf, lines);
    }

    /** The case's applications, or null when the case is not (yet) known to this read model. */
    @QueryHandler
    public CaseSubsidiesView handle(FindCaseSubsidiesQuery query) {
        if (query.caseId() == null) {
            return null;
        }
        Document doc = store.collection(SubsidyPipelineProjection.CASES).find(Filters.eq("_id", query.caseId())).first();
        if (doc == null) {
            return null;
        }
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<Document> applications = doc.getList(SubsidyPipelineProjection.APPLICATIONS, Document.class, List.of());
        PersonalData person = applications.isEmpty() ? null : personalData.read(doc, "person");
        List<SubsidyApplicationLine> lines = new ArrayList<>();
        applications.forEach(a -> lines.add(line(query.caseId(), person, a, asOf)));
        lines.sort(NEWEST_FIRST);
        return new CaseSubsidiesView(query.caseId(), lines);
    }

    /**
     * Reads no personal data. A deadline counts as completed when the review was decided (approval or
     * rejection) or the payment made, however late.
     */
    @QueryHandler
    public MissedSubsidyDeadlinesView handle(FindMissedSubsidyDeadlinesQuery query) {
        List<MissedSubsidyDeadline> deadlines = new ArrayList<>();
        forEachPart(query.departmentIds(), part -> {
            for (Document application : part.getList(SubsidyPipelineProjection.APPLICATIONS, Document.class, List.of())) {
                for (Document missed : application.getList(SubsidyPipelineProjection.MISSED, Document.class, List.of())) {
                    MissedSubsidyDeadline.Kind kind = Docs.enumValue(missed, "kind", MissedSubsidyDeadline.Kind.class);
                    LocalDate completedOn = Docs.date(application,
                                                      kind == MissedSubsidyDeadline.Kind.REVIEW ? "reviewDecidedOn" : "paidOn");
                    deadlines.add(new MissedSubsidyDeadline(part.getString("caseId"), application.getString("applicationId"),
                                                            application.getString("departmentId"), kind,
                                                            Docs.date(missed, "dueOn"), completedOn));
                }
            }
        });
        deadlines.sort(Comparator.comparing(MissedSubsidyDeadline::dueOn, Comparator.nullsLast(Comparator.reverseOrder()))
                                 .thenComparing(MissedSubsidyDeadline::caseId)
                                 .thenComparing(MissedSubsidyDeadline::applicationId)
                                 .thenComparing(MissedSubsidyDeadline::kind));
        return new MissedSubsidyDeadlinesView(deadlines);
    }

    private void forEachPart(List<String> departmentIds, Consumer<Document> action) {
        List<String> ids = new ArrayList<>();
        departmentIds.stream().filter(Objects::nonNull).distinct()
                     .forEach(departmentId -> ids.addAll(SubsidyPipelineProjection.pipelineIds(departmentId)));
        if (ids.isEmpty()) {
            return;
        }
        SharedDocuments.find(store.collection(SubsidyPipelineProjection.PIPELINES), ids)
             .forEach(doc -> {
                 Document cases = Docs.subDocument(doc, GuardedUpsert.CASES);
                 if (cases != null) {
                     cases.values().forEach(part -> action.accept((Document) part));
                 }
             });
    }

    private static SubsidyApplicationLine line(String caseId, PersonalData person, Document application, LocalDate asOf) {
        LocalDate dueOn = Docs.date(application, "dueOn");
        Integer daysLeft = dueOn == null ? null : Math.toIntExact(ChronoUnit.DAYS.between(asOf, dueOn));
        return new SubsidyApplicationLine(caseId, application.getString("applicationId"),
                                          application.getString("departmentId"), person,
                                          application.getString("occupation"),
                                          Docs.enumValue(application, "level", CertificateLevel.class),
                                          Docs.date(application, "receivedOn"),
                                          Docs.enumValue(application, "stage", SubsidyStage.class),
                                          dueOn, daysLeft,
                                          !application.getList(SubsidyPipelineProjection.MISSED, Document.class, List.of())
                                                      .isEmpty(),
                                          Docs.amount(application, "subsidyAmount"),
                                          Docs.amount(application, "allowanceAmount"),
                                          Docs.date(application, "paidOn"),
                                          application.getList("openObjections", String.class, List.of()).stream()
                                                     .findFirst().orElse(null));
    }
}
