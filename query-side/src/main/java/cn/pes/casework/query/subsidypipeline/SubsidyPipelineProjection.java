package cn.pes.casework.query.subsidypipeline;

import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadline;
import cn.pes.casework.events.subsidy.SubsidyApproved;
import cn.pes.casework.events.subsidy.SubsidyObjectionDismissed;
import cn.pes.casework.events.subsidy.SubsidyObjectionRaised;
import cn.pes.casework.events.subsidy.SubsidyObjectionUpheld;
import cn.pes.casework.events.subsidy.SubsidyPaid;
import cn.pes.casework.events.subsidy.SubsidyPaymentDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyPublicityEnded;
import cn.pes.casework.events.subsidy.SubsidyRejected;
import cn.pes.casework.events.subsidy.SubsidyReviewDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyReviewStarted;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Skills subsidy applications (SUB-1..SUB-7) as the reviewing departments and the case page follow them:
 * <ul>
 * <li>{@value #CASES}: {@code {_id: caseId, person, applications: [application], lastSequence}} — the
 * case's applications in the order received, and the person for the pipeline parts. Answers the case
 * page by {@code _id}, and tells which department an application belongs to, since only the
 * submission names it.</li>
 * <li>{@value #PIPELINES}: {@code {_id: "departmentId|NN", departmentId, cases: {<caseKey>: part},
 * seq: {<caseKey>: n}}}, part = {@code {caseId, person, applications: [application]}} — the case's
 * applications to that department.</li>
 * </ul>
 * application = {@code {applicationId, departmentId, occupation, level, certificateNumber, receivedOn,
 * stage, dueOn, reviewDueOn, reviewDecidedOn, publicityEndsOn, openObjections: [objectionId],
 * paymentDueOn, subsidyAmount, allowanceAmount, paidOn, missed: [{kind, dueOn}]}}; {@code dueOn} is the
 * date the application's current stage runs to (review due, publicity's last day, payment due), null
 * while an objection holds it and once it has ended. Amounts are decimal strings.
 * <p>
 * Finished applications stay in the pipeline: the department lists what it paid and rejected too,
 * and the missed-deadline list (超期未办) reads the same documents, completed deadlines included.
 * A department's applications are spread over {@value #BUCKETS} documents by case ID, as the agency
 * caseload is. Dates are the events' own; nothing here reads the clock.
 */
@Component
@ProcessingGroup(SubsidyPipelineProjection.PROCESSING_GROUP)
public class SubsidyPipelineProjection {

    public static final String PROCESSING_GROUP = "subsidy-pipeline";
    public static final String PIPELINES = "subsidy_pipelines";
    public static final String CASES = "subsidy_cases";
    /** Fixed: changing it needs a rebuild of the read model (reset the group's tokens). */
    public static final int BUCKETS = 16;

    static final String APPLICATIONS = "applications";
    static final String MISSED = "missed";

    private final ProjectionWriter writer;
    private final PersonalDataDocs personalData;

    public SubsidyPipelineProjection(ProjectionWriter writer, PersonalDataDocs personalData) {
        this.writer = writer;
        this.personalData = personalData;
    }

    static String pipelineId(String departmentId, String caseId) {
        return Buckets.of(departmentId, caseId, BUCKETS);
    }

    static List<String> pipelineIds(String departmentId) {
        return Buckets.all(departmentId, BUCKETS);
    }

    @ResetHandler
    void reset() {
        writer.drop(PIPELINES, CASES);
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        Document person = personalData.write(event.caseId(), event.person());
        writer.updateDocument(CASES, event.caseId(), sequence, doc -> doc.put("person", person));
    }

    /** The new details replace the old in every department the person applied to. */
    @EventHandler
    void on(PersonalDetailsUpdated event, @SequenceNumber long sequence) {
        Document person = personalData.write(event.caseId(), event.person());
        if (writer.updateDocument(CASES, event.caseId(), sequence, doc -> doc.put("person", person))) {
            writeParts(event.caseId(), sequence, departmentsOf(writer.findDocument(CASES, event.caseId())));
        }
    }

    @EventHandler
    void on(CertificateSubmitted event, @SequenceNumber long sequence) {
        String caseId = event.caseId();
        boolean applied = writer.updateDocument(CASES, caseId, sequence, doc -> {
            List<Document> applications = applicationsForUpdate(doc);
            if (find(applications, event.applicationId()) != null) {
                return;
            }
            Document application = new Document("applicationId", event.applicationId())
                    .append("departmentId", event.departmentId())
                    .append("occupation", event.certificate() == null ? null : event.certificate().occupation())
                    .append("level", event.certificate() == null ? null : Docs.name(event.certificate().level()))
                    .append("certificateNumber", event.certificate() == null ? null
                            : event.certificate().certificateNumber())
                    .append("receivedOn", Docs.date(event.receivedOn()))
                    .append("reviewDueOn", Docs.date(event.reviewDueOn()))
                    .append("openObjections", new ArrayList<String>())
                    .append(MISSED, new ArrayList<Document>());
            stage(application, SubsidyStage.RECEIVED);
            applications.add(application);
        });
        if (applied && event.departmentId() != null) {
            writeParts(caseId, sequence, Set.of(event.departmentId()));
        }
    }

    @EventHandler
    void on(SubsidyReviewStarted event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> stage(application, SubsidyStage.IN_REVIEW));
    }

    @EventHandler
    void on(SubsidyApproved event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> {
            application.put("subsidyAmount", Docs.amount(event.subsidyAmount()));
            application.put("allowanceAmount", Docs.amount(event.allowanceAmount()));
            application.put("reviewDecidedOn", Docs.date(event.decidedOn()));
            application.put("publicityEndsOn", Docs.date(event.publicityEndsOn()));
            if (event.late()) {
                // The decision itself says it was late, whether or not the deadline was recorded as missed.
                missed(application, MissedSubsidyDeadline.Kind.REVIEW, application.getString("reviewDueOn"));
            }
            stage(application, SubsidyStage.IN_PUBLICITY);
        });
    }

    @EventHandler
    void on(SubsidyRejected event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> {
            // Rejected on an upheld objection, the review was decided earlier, with the approval.
            if (application.getString("reviewDecidedOn") == null) {
                application.put("reviewDecidedOn", Docs.date(event.decidedOn()));
                if (event.late()) {
                    missed(application, MissedSubsidyDeadline.Kind.REVIEW, application.getString("reviewDueOn"));
                }
            }
            application.put("openObjections", new ArrayList<String>());
            stage(application, SubsidyStage.REJECTED);
        });
    }

    @EventHandler
    void on(SubsidyObjectionRaised event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> {
            List<String> open = openObjections(application);
            if (!open.contains(event.objectionId())) {
                open.add(event.objectionId());
            }
            application.put("openObjections", open);
            stage(application, SubsidyStage.OBJECTED);
        });
    }

    /**
     * Without a payment due date publicity is still running (the payment clock starts when it ends);
     * another objection still open keeps the application held.
     */
    @EventHandler
    void on(SubsidyObjectionDismissed event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> {
            List<String> open = openObjections(application);
            open.remove(event.objectionId());
            application.put("openObjections", open);
            if (event.paymentDueOn() != null) {
                application.put("paymentDueOn", Docs.date(event.paymentDueOn()));
            }
            if (!open.isEmpty()) {
                stage(application, SubsidyStage.OBJECTED);
            } else if (event.paymentDueOn() != null) {
                stage(application, SubsidyStage.AWAITING_PAYMENT);
            } else {
                stage(application, SubsidyStage.IN_PUBLICITY);
            }
        });
    }

    /** The application stays held until the SubsidyRejected that follows an upheld objection. */
    @EventHandler
    void on(SubsidyObjectionUpheld event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> {
            List<String> open = openObjections(application);
            open.remove(event.objectionId());
            application.put("openObjections", open);
        });
    }

    @EventHandler
    void on(SubsidyPublicityEnded event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> {
            if (event.heldByObjection()) {
                stage(application, SubsidyStage.OBJECTED);
            } else {
                application.put("paymentDueOn", Docs.date(event.paymentDueOn()));
                stage(application, SubsidyStage.AWAITING_PAYMENT);
            }
        });
    }

    @EventHandler
    void on(SubsidyReviewDeadlineMissed event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence,
               application -> missed(application, MissedSubsidyDeadline.Kind.REVIEW, Docs.date(event.dueOn())));
    }

    @EventHandler
    void on(SubsidyPaymentDeadlineMissed event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence,
               application -> missed(application, MissedSubsidyDeadline.Kind.PAYMENT, Docs.date(event.dueOn())));
    }

    /** The amounts paid are the ones that count, should they differ from the approved ones. */
    @EventHandler
    void on(SubsidyPaid event, @SequenceNumber long sequence) {
        change(event.caseId(), event.applicationId(), sequence, application -> {
            application.put("subsidyAmount", Docs.amount(event.subsidyAmount()));
            application.put("allowanceAmount", Docs.amount(event.allowanceAmount()));
            application.put("paidOn", Docs.date(event.paidOn()));
            if (event.late()) {
                missed(application, MissedSubsidyDeadline.Kind.PAYMENT, application.getString("paymentDueOn"));
            }
            stage(application, SubsidyStage.PAID);
        });
    }

    /**
     * Changes one application of the case and rewrites the case's part in its department. An event
     * about an application never submitted (a broken stream) changes nothing.
     */
    private void change(String caseId, String applicationId, long sequence, Consumer<Document> change) {
        String[] departmentId = new String[1];
        boolean applied = writer.updateDocument(CASES, caseId, sequence, doc -> {
            Document application = find(applicationsForUpdate(doc), applicationId);
            if (application != null) {
                change.accept(application);
                departmentId[0] = application.getString("departmentId");
            }
        });
        if (applied && departmentId[0] != null) {
            writeParts(caseId, sequence, Set.of(departmentId[0]));
        }
    }

    /**
     * The case's part in each department, copied from the case document as it now stands, so that
     * the pipeline can never drift from the case page.
     */
    private void writeParts(String caseId, long sequence, Set<String> departmentIds) {
        Document caseDoc = writer.findDocument(CASES, caseId);
        if (caseDoc == null) {
            return;
        }
        Document person = Docs.subDocument(caseDoc, "person");
        for (String departmentId : departmentIds) {
            List<Document> applications = new ArrayList<>();
            for (Document application : caseDoc.getList(APPLICATIONS, Document.class, List.of())) {
                if (departmentId.equals(application.getString("departmentId"))) {
                    applications.add(copy(application));
                }
            }
            Document part = new Document("caseId", caseId).append("person", person == null ? null : copy(person))
                                                          .append(APPLICATIONS, applications);
            writer.updatePart(PIPELINES, pipelineId(departmentId, caseId), new Document("departmentId", departmentId),
                              caseId, sequence, current -> part);
        }
    }

    private static Set<String> departmentsOf(Document caseDoc) {
        Set<String> departments = new LinkedHashSet<>();
        if (caseDoc != null) {
            for (Document application : caseDoc.getList(APPLICATIONS, Document.class, List.of())) {
                if (application.getString("departmentId") != null) {
                    departments.add(application.getString("departmentId"));
                }
            }
        }
        return departments;
    }

    /** The stage and the date it runs to: the due date follows the clock that is running now. */
    private static void stage(Document application, SubsidyStage stage) {
        application.put("stage", stage.name());
        application.put("dueOn", switch (stage) {
            case RECEIVED, IN_REVIEW -> application.getString("reviewDueOn");
            case IN_PUBLICITY -> application.getString("publicityEndsOn");
            case AWAITING_PAYMENT -> application.getString("paymentDueOn");
            case OBJECTED, PAID, REJECTED -> null;
        });
    }

    /** Once per kind: the deadline event and a late decision may both report the same miss. */
    private static void missed(Document application, MissedSubsidyDeadline.Kind kind, String dueOn) {
        List<Document> missed = new ArrayList<>(application.getList(MISSED, Document.class, List.of()));
        if (missed.stream().noneMatch(entry -> kind.name().equals(entry.getString("kind")))) {
            missed.add(new Document("kind", kind.name()).append("dueOn", dueOn));
            missed.sort(Comparator.comparing(entry -> entry.getString("kind")));
        }
        application.put(MISSED, missed);
    }

    private static List<String> openObjections(Document application) {
        return new ArrayList<>(application.getList("openObjections", String.class, List.of()));
    }

    private static List<Document> applicationsForUpdate(Document doc) {
        List<Document> applications = doc.getList(APPLICATIONS, Document.class);
        if (applications == null) {
            applications = new ArrayList<>();
            doc.put(APPLICATIONS, applications);
        }
        return applications;
    }

    private static Document find(List<Document> applications, String applicationId) {
        for (Document application : applications) {
            if (application.getString("applicationId").equals(applicationId)) {
                return application;
            }
        }
        return null;
    }

    /** Parts are kept in the batch beside the case document: they must not share its mutable state. */
    private static Document copy(Document document) {
        return Document.parse(document.toJson());
    }
}
