package cn.pes.casework.query.support;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationRefused;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.CertificateRefused;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
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
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The event stream of one case as the command side writes it: domain event messages with the case
 * ID as aggregate ID, consecutive sequence numbers from 0, and the metadata keys of every event.
 */
public final class CaseEvents {

    public static final String AGGREGATE_TYPE = "ClientCase";
    /** A street agency and a county agency of the demonstration city. */
    public static final String STREET_AGENCY = "990101001";
    public static final String OTHER_STREET_AGENCY = "990102001";
    public static final String OFFICER = "officer-7";
    public static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private final String caseId;
    private long nextSequence;
    private String officerId = OFFICER;
    private String agencyId = STREET_AGENCY;
    private Channel channel = Channel.WINDOW;

    private CaseEvents(String caseId) {
        this.caseId = caseId;
    }

    public static CaseEvents newCase() {
        return forCase(UUID.randomUUID().toString());
    }

    public static CaseEvents forCase(String caseId) {
        return new CaseEvents(caseId);
    }

    public String caseId() {
        return caseId;
    }

    /** Metadata of the following events: who acted, where, through which channel. */
    public CaseEvents actedBy(String officerId, String agencyId, Channel channel) {
        this.officerId = officerId;
        this.agencyId = agencyId;
        this.channel = channel;
        return this;
    }

    /** The next event of the stream. */
    public DomainEventMessage<?> next(Object payload) {
        return at(nextSequence++, payload);
    }

    /** An event at a given sequence, e.g. to redeliver or deliver out of order. */
    public DomainEventMessage<?> at(long sequence, Object payload) {
        return at(sequence, payload, T0.plusSeconds(60 * sequence));
    }

    /** The next event of the stream, recorded at a given time (e.g. in a later month than it took effect). */
    public DomainEventMessage<?> nextRecordedAt(Instant recordedAt, Object payload) {
        return at(nextSequence++, payload, recordedAt);
    }

    private DomainEventMessage<?> at(long sequence, Object payload, Instant recordedAt) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(CaseMetadata.OFFICER, officerId);
        metaData.put(CaseMetadata.AGENCY, agencyId);
        metaData.put(CaseMetadata.CHANNEL, channel.name());
        metaData.put(CaseMetadata.CORRELATION_ID, "corr-" + caseId + "-" + sequence);
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, caseId, sequence, payload, metaData,
                                               caseId + "#" + sequence, recordedAt);
    }

    // Payloads with the defaults of a typical case; tests override what they look at.

    public static PersonalData person(String idNumber, String name) {
        return new PersonalData(idNumber, name, "13812345678");
    }

    /** As given: without a data subject it is personal data stored before encryption (stays plain). */
    public CaseOpened opened(PersonalData person) {
        return new CaseOpened(caseId, person, LocalDate.of(1990, 1, 1), Sex.MALE, STREET_AGENCY);
    }

    /** As the command side writes it today: bound to this case's key, so read models store it sealed. */
    public CaseOpened openedWithKey(PersonalData person) {
        return opened(person.withDataSubject(caseId));
    }

    public PersonalDetailsUpdated detailsUpdated(PersonalData person) {
        return new PersonalDetailsUpdated(caseId, person.withDataSubject(caseId));
    }

    public PersonalDataErased erased(LocalDate erasedOn) {
        return new PersonalDataErased(caseId, erasedOn, "RETENTION-DEFAULT");
    }

    public RegistrationRefused refused(LocalDate appliedOn) {
        return new RegistrationRefused(caseId, appliedOn, Channel.WINDOW, STREET_AGENCY,
                                       List.of(new RefusalReason("REG-1", "EMPLOYED", "declaration.employed")),
                                       "2025.1");
    }

    public UnemploymentRegistered registered(int spell, LocalDate registeredOn, String agencyId) {
        return new UnemploymentRegistered(caseId, spell, registeredOn, Channel.WINDOW, PresentedDocument.RESIDENT_ID_CARD,
                                          UnemploymentReason.LOST_JOB, EnumSet.of(PersonCategory.EMPLOYMENT_DIFFICULTY),
                                          agencyId, "2025.1");
    }

    public UnemploymentRegistered registeredOnline(int spell, LocalDate registeredOn, String agencyId) {
        return new UnemploymentRegistered(caseId, spell, registeredOn, Channel.CITY_PES_CLOUD, null,
                                          UnemploymentReason.GRADUATE, Set.of(PersonCategory.GRADUATE), agencyId, "2025.1");
    }

    public RegistrationApplied applied(int spell, LocalDate appliedOn, LocalDate decisionDueOn, String agencyId) {
        return new RegistrationApplied(caseId, spell, appliedOn, Channel.CITY_PES_CLOUD, UnemploymentReason.GRADUATE,
                                       Set.of(PersonCategory.GRADUATE), agencyId, decisionDueOn, false, "2025.1");
    }

    public RegistrationApproved approved(int spell, LocalDate decidedOn) {
        return new RegistrationApproved(caseId, spell, decidedOn, false);
    }

    public RegistrationRejected rejected(int spell, LocalDate decidedOn, String reason) {
        return new RegistrationRejected(caseId, spell, decidedOn, reason, false);
    }

    public TrackingContactRecorded phoneContact(int spell, String contactId, LocalDate contactDate,
                                                EmploymentStatus statusFound, String responsibleAgencyId) {
        return new TrackingContactRecorded(caseId, spell, contactId, contactDate, ContactMethod.PHONE, null, true,
                                           statusFound, EnumSet.of(ServiceGiven.POLICY_INFORMATION, ServiceGiven.CAREER_GUIDANCE),
                                           "下月再次电话联系", null, null, responsibleAgencyId);
    }

    public Employed employed(int spell, LocalDate startDate, String contactId, String responsibleAgencyId) {
        return new Employed(caseId, spell, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某机械有限公司", startDate),
                            null, contactId, responsibleAgencyId);
    }

    public RegistrationCancelled cancelled(int spell, LocalDate effectiveDate, String responsibleAgencyId) {
        return cancelled(spell, CancellationGround.ENLISTED, effectiveDate, responsibleAgencyId);
    }

    public RegistrationCancelled cancelled(int spell, CancellationGround ground, LocalDate effectiveDate,
                                           String responsibleAgencyId) {
        return new RegistrationCancelled(caseId, spell, ground,
                                         new Evidence(Evidence.EvidenceSource.DOCUMENT, "入伍通知书2026-118", null),
                                         effectiveDate, new Notification(Notification.NotificationMethod.PHONE, effectiveDate),
                                         responsibleAgencyId);
    }
    // Skills subsidy (SUB-1..SUB-7): an electrician's level-4 certificate issued in March 2026.

    public static Certificate certificate(String certificateNumber) {
        return new Certificate("电工", CertificateLevel.LEVEL_4, certificateNumber, "XX市职业技能鉴定指导中心",
                               LocalDate.of(2026, 3, 20));
    }

    public CertificateSubmitted certificateSubmitted(String applicationId, String departmentId, LocalDate receivedOn,
                                                     LocalDate reviewDueOn) {
        return new CertificateSubmitted(caseId, applicationId, certificate("S0000440100012630" + applicationId),
                                        ApplicationPlace.INSURED, departmentId, null, receivedOn, reviewDueOn, false,
                                        "SUB-2026-01");
    }

    public CertificateRefused certificateRefused(String applicationId, String departmentId, LocalDate receivedOn) {
        return new CertificateRefused(caseId, applicationId, certificate("S0000440100012630" + applicationId),
                                      ApplicationPlace.INSURED, departmentId, receivedOn,
                                      List.of(new RefusalReason("SUB-7", "ALREADY_SUBSIDISED", "certificate.level")),
                                      "SUB-2026-01");
    }

    public SubsidyReviewStarted reviewStarted(String applicationId, LocalDate startedOn) {
        return new SubsidyReviewStarted(caseId, applicationId, startedOn);
    }

    public SubsidyApproved subsidyApproved(String applicationId, LocalDate decidedOn, String allowance, boolean late,
                                           LocalDate publicityEndsOn) {
        return new SubsidyApproved(caseId, applicationId, new BigDecimal("1500"), new BigDecimal(allowance), decidedOn,
                                   late, publicityEndsOn, false, "SUB-2026-01");
    }

    public SubsidyRejected subsidyRejected(String applicationId, LocalDate decidedOn, boolean late, String objectionId) {
        return new SubsidyRejected(caseId, applicationId, "证书等级与申报不符", decidedOn, late, objectionId);
    }

    public SubsidyObjectionRaised objectionRaised(String applicationId, String objectionId, LocalDate raisedOn) {
        return new SubsidyObjectionRaised(caseId, applicationId, objectionId, "反映证书系代考取得", raisedOn);
    }

    public SubsidyObjectionDismissed objectionDismissed(String applicationId, String objectionId, LocalDate resolvedOn,
                                                        LocalDate paymentDueOn) {
        return new SubsidyObjectionDismissed(caseId, applicationId, objectionId, "经核实证书系本人考取", resolvedOn,
                                             paymentDueOn, false);
    }

    public SubsidyObjectionUpheld objectionUpheld(String applicationId, String objectionId, LocalDate resolvedOn) {
        return new SubsidyObjectionUpheld(caseId, applicationId, objectionId, "经核实证书系他人代考", resolvedOn);
    }

    public SubsidyPublicityEnded publicityEnded(String applicationId, LocalDate endedOn, LocalDate paymentDueOn) {
        return new SubsidyPublicityEnded(caseId, applicationId, endedOn, paymentDueOn == null, paymentDueOn, false);
    }

    public SubsidyReviewDeadlineMissed reviewDeadlineMissed(String applicationId, String departmentId, LocalDate dueOn) {
        return new SubsidyReviewDeadlineMissed(caseId, applicationId, departmentId, dueOn);
    }

    public SubsidyPaymentDeadlineMissed paymentDeadlineMissed(String applicationId, String departmentId, LocalDate dueOn) {
        return new SubsidyPaymentDeadlineMissed(caseId, applicationId, departmentId, dueOn);
    }

    public SubsidyPaid subsidyPaid(String applicationId, String departmentId, String subsidy, String allowance,
                                   LocalDate paidOn, boolean late) {
        return new SubsidyPaid(caseId, applicationId, departmentId, new BigDecimal(subsidy), new BigDecimal(allowance),
                               paidOn, "***************1234", late);
    }
}
