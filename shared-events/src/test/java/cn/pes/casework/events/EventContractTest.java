package cn.pes.casework.events;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.employer.RecruitmentGuidanceGiven;
import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairEmployerEnrolled;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.fair.FairInvitationSent;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.RecruitmentFairClosed;
import cn.pes.casework.events.fair.RecruitmentFairPlanned;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobIntentionsUpdated;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.comparison.ComparisonBatchCompleted;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonRowsProcessed;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.KeyGroupClaim;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanHolder;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.OverdueSource;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingReviewDeadlineMissed;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Evidence.EvidenceSource;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.cancellation.Notification.NotificationMethod;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyClosed;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.employer.VacancyRejected;
import cn.pes.casework.events.employer.WageRange;
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
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.CertificateRefused;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
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
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The event contract: events are permanent history, so the JSON shape of every event (every record
 * annotated with {@link Revision}) is pinned by a fixture file
 * {@code src/test/resources/events/<SimpleName>.v<revision>.json}.
 *
 * <p>For every event this test
 * <ol>
 *   <li>serializes a realistic sample with the platform's {@link ObjectMapper} settings and compares
 *       it with the fixture as a JSON tree (field names, nesting, value formats);</li>
 *   <li>deserializes the fixture and compares the result with the sample using {@code equals};</li>
 *   <li>checks that the fixture for the event's current {@link Revision} exists and that no fixture
 *       claims a revision newer than the annotation.</li>
 * </ol>
 * A second check scans the compiled classes ({@code target/classes/cn/pes/casework/events}) for
 * {@link Revision}-annotated classes, so a new event cannot be added without a sample and fixture here.
 * Samples fill every field (no nulls, no empty collections) so that {@code NON_NULL} inclusion never
 * hides a field from the fixture.
 *
 * <p><b>Changing an event's shape needs a new {@code @Revision} and an upcaster; never rewrite an
 * existing fixture.</b> Fixtures of older revisions stay in place as the input for upcaster tests.
 *
 * <p>Writing fixtures: a new event (or a new revision of one) gets its fixture by running
 * <pre>
 * mvn -q -B -o test -pl shared-events -Devents.fixtures.write=true
 * </pre>
 * In that mode a <em>missing</em> fixture is written from the sample (pretty-printed) instead of failing
 * the test; an existing fixture is never overwritten and is checked as usual. Inspect the new file,
 * commit it, and run again without the property.
 */
class EventContractTest {

    /** System property that makes the test write missing fixtures instead of failing. */
    static final String WRITE_PROPERTY = "events.fixtures.write";

    private static final String EVENTS_PACKAGE = "cn.pes.casework.events";
    private static final Pattern FIXTURE_NAME = Pattern.compile("(\\w+)\\.v([^.]+)\\.json");

    private static final String CASE_ID = "019cac1c-e220-7b3e-9c41-5d2a6f8e0b17";
    private static final String CONTACT_ID = "019d8f02-8400-72c5-8a19-e4b7306d5f2c";
    private static final String AGENCY_ID = "990101001";
    private static final String POLICY_VERSION = "REG-2026-01";
    private static final String APPLICATION_ID = "019d9a51-3c00-7f12-a3b4-c5d6e7f80912";
    private static final String OBJECTION_ID = "019da0e8-1200-7a34-b5c6-d7e8f9a0b1c2";
    private static final String COUNTY_ID = "990101";
    private static final String SUBSIDY_POLICY = "SUB-2026-01";
    private static final String EMPLOYER_ID = "019dc3a0-5e00-7b21-8c3d-4e5f60718293";
    private static final String VACANCY_ID = "019dc3a4-7a00-7c45-9d6e-7f8091a2b3c4";
    private static final String JOB_SEEKING_ID = "019dc8b0-1c00-7d12-8e3f-405162738495";
    private static final String REFERRAL_ID = "019dc9c4-2d00-7e23-9f40-5162738495a6";
    private static final String FAIR_ID = "019dcad8-3e00-7f34-a051-62738495a6b7";
    private static final String PROPOSAL_ID = "019dcbec-4f00-7045-b162-738495a6b7c8";
    private static final String SESSION_ID = "019dcd00-6000-7156-c273-8495a6b7c8d9";
    private static final String JOB_POLICY = "JOB-2026-01";
    private static final String TRAINING_ID = "019dd1a0-7100-7267-d384-95a6b7c8d9ea";
    private static final String LOAN_ID = "019dd2b4-8200-7378-e495-a6b7c8d9eafb";
    private static final String REPAYMENT_ID = "019dd3c8-9300-7489-f5a6-b7c8d9eafb0c";
    private static final String LOAN_POLICY = "LOAN-2026-01";
    private static final String BATCH_ID = "cmp-3f9a1c2b7d4e5f60a1b2";

    /**
     * The platform's serialization settings: Spring Boot's auto-configured ObjectMapper (JavaTimeModule,
     * dates as ISO strings, unknown properties ignored) with {@code spring.jackson.default-property-inclusion:
     * non_null}, which Axon's JacksonSerializer uses for events.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * One realistic sample per event. Sets are EnumSets so that the serialized array order is stable
     * (Set.of iterates in a different order on every JVM run).
     */
    static final Map<Class<? extends Record>, Record> SAMPLES = samples();

    private static Map<Class<? extends Record>, Record> samples() {
        Map<Class<? extends Record>, Record> samples = new LinkedHashMap<>();
        add(samples, new CaseOpened(CASE_ID,
                new PersonalData("110105199003071239", "张三", "13812345678"),
                LocalDate.of(1990, 3, 7), Sex.MALE, AGENCY_ID));
        add(samples, new PersonalDetailsUpdated(CASE_ID,
                new PersonalData("110105199003071239", "张三丰", "13900001111")));
        add(samples, new RegistrationApplied(CASE_ID, 2, LocalDate.of(2026, 3, 2), Channel.CITY_PES_CLOUD,
                UnemploymentReason.LOST_JOB,
                EnumSet.of(PersonCategory.EMPLOYMENT_DIFFICULTY, PersonCategory.LOW_INCOME_FAMILY),
                AGENCY_ID, LocalDate.of(2026, 3, 4), true, POLICY_VERSION));
        add(samples, new RegistrationApproved(CASE_ID, 2, LocalDate.of(2026, 3, 5), true));
        add(samples, new RegistrationRejected(CASE_ID, 2, LocalDate.of(2026, 3, 6),
                "申请人已在其他地区办理失业登记", true));
        add(samples, new UnemploymentRegistered(CASE_ID, 2, LocalDate.of(2026, 3, 2), Channel.WINDOW,
                PresentedDocument.RESIDENT_ID_CARD, UnemploymentReason.LOST_JOB,
                EnumSet.of(PersonCategory.EMPLOYMENT_DIFFICULTY, PersonCategory.VETERAN),
                AGENCY_ID, POLICY_VERSION));
        add(samples, new RegistrationRefused(CASE_ID, LocalDate.of(2026, 3, 2), Channel.WINDOW, AGENCY_ID,
                List.of(new RefusalReason("REG-1", "RECEIVING_PENSION", "declaration.receivingPension"),
                        new RefusalReason("REG-2", "DOCUMENT_NOT_PRESENTED", "presentedDocument")),
                POLICY_VERSION));
        add(samples, new TrackingContactRecorded(CASE_ID, 2, CONTACT_ID, LocalDate.of(2026, 4, 15),
                ContactMethod.INFORMATION_COMPARISON, "教育部门学籍信息比对", true, EmploymentStatus.UNEMPLOYED,
                EnumSet.of(ServiceGiven.POLICY_INFORMATION, ServiceGiven.CAREER_GUIDANCE),
                "电话联系本人核实入学时间，9月开学后办理注销", CancellationGround.FULL_TIME_SCHOOL,
                new Evidence(EvidenceSource.DATA_MATCH, "学籍信息 XX职业技术学院 2026级",
                        "已被XX职业技术学院全日制录取"),
                AGENCY_ID));
        add(samples, new Employed(CASE_ID, 2,
                new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "XX市东湖机械制造有限公司",
                        LocalDate.of(2026, 4, 1)),
                new Evidence(EvidenceSource.DATA_MATCH, "社保参保记录 2026-04", "单位已为其办理社保参保登记"),
                CONTACT_ID, AGENCY_ID));
        add(samples, new RegistrationCancelled(CASE_ID, 2, CancellationGround.FULL_TIME_SCHOOL,
                new Evidence(EvidenceSource.DOCUMENT, "XX职院录〔2026〕0715号", "全日制入学录取通知书"),
                LocalDate.of(2026, 9, 1), new Notification(NotificationMethod.SMS, LocalDate.of(2026, 9, 2)),
                AGENCY_ID));
        add(samples, new PersonalDataErased(CASE_ID, LocalDate.of(2032, 9, 2), "RETENTION-DEFAULT"));
        Certificate certificate = new Certificate("电工", CertificateLevel.LEVEL_4, "S202605123456",
                "XX市职业技能鉴定指导中心", LocalDate.of(2026, 6, 10));
        add(samples, new CertificateSubmitted(CASE_ID, APPLICATION_ID, certificate, ApplicationPlace.INSURED, COUNTY_ID,
                new LivingAllowanceClaim(EnumSet.of(PersonCategory.TWO_AFTER_STUDENT), LocalDate.of(2025, 7, 1), true),
                LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 23), false, SUBSIDY_POLICY));
        add(samples, new CertificateRefused(CASE_ID, APPLICATION_ID, certificate, ApplicationPlace.EMPLOYMENT,
                COUNTY_ID, LocalDate.of(2026, 9, 28),
                List.of(new RefusalReason("SUB-2", "CERTIFICATE_TOO_OLD", "certificate.issuedOn"),
                        new RefusalReason("SUB-7", "YEARLY_LIMIT_REACHED", "receivedOn")),
                SUBSIDY_POLICY));
        add(samples, new SubsidyReviewStarted(CASE_ID, APPLICATION_ID, LocalDate.of(2026, 9, 29)));
        add(samples, new SubsidyApproved(CASE_ID, APPLICATION_ID, new BigDecimal("1500"), new BigDecimal("500"),
                LocalDate.of(2026, 9, 30), false, LocalDate.of(2026, 10, 13), false, SUBSIDY_POLICY));
        add(samples, new SubsidyRejected(CASE_ID, APPLICATION_ID, "证书系他人代考", LocalDate.of(2026, 10, 12), false,
                OBJECTION_ID));
        add(samples, new SubsidyObjectionRaised(CASE_ID, APPLICATION_ID, OBJECTION_ID, "来信反映证书非本人考取",
                LocalDate.of(2026, 10, 9)));
        add(samples, new SubsidyObjectionUpheld(CASE_ID, APPLICATION_ID, OBJECTION_ID, "证书系他人代考",
                LocalDate.of(2026, 10, 12)));
        add(samples, new SubsidyObjectionDismissed(CASE_ID, APPLICATION_ID, OBJECTION_ID, "经核实证书真实有效",
                LocalDate.of(2026, 10, 16), LocalDate.of(2027, 1, 8), true));
        add(samples, new SubsidyPublicityEnded(CASE_ID, APPLICATION_ID, LocalDate.of(2026, 10, 13), false,
                LocalDate.of(2027, 1, 5), true));
        add(samples, new SubsidyReviewDeadlineMissed(CASE_ID, APPLICATION_ID, COUNTY_ID, LocalDate.of(2026, 10, 23)));
        add(samples, new SubsidyPaymentDeadlineMissed(CASE_ID, APPLICATION_ID, COUNTY_ID, LocalDate.of(2027, 1, 5)));
        add(samples, new SubsidyPaid(CASE_ID, APPLICATION_ID, COUNTY_ID, new BigDecimal("1500"), new BigDecimal("500"),
                LocalDate.of(2026, 11, 20), "************7890", false));
        add(samples, new EmployerRegistered(EMPLOYER_ID, "91990101MA0XY12341", "XX市东湖机械制造有限公司",
                "XX市中心区解放路88号", AGENCY_ID, new PersonalData(null, "李四", "13912345678"),
                LocalDate.of(2026, 11, 2)));
        add(samples, new VacancyPosted(EMPLOYER_ID, VACANCY_ID, "数控车工", 3, new WageRange(5000, 7500), AGENCY_ID,
                EmploymentForm.FULL_TIME, "中级工及以上，两年以上数控车床经验", LocalDate.of(2026, 11, 2)));
        add(samples, new VacancyPublished(EMPLOYER_ID, VACANCY_ID, LocalDate.of(2026, 11, 3)));
        add(samples, new VacancyRejected(EMPLOYER_ID, VACANCY_ID, "工资低于本市最低工资标准",
                LocalDate.of(2026, 11, 3)));
        add(samples, new VacancyClosed(EMPLOYER_ID, VACANCY_ID, VacancyCloseReason.FILLED, LocalDate.of(2026, 12, 15)));
        add(samples, new RecruitmentGuidanceGiven(EMPLOYER_ID, SESSION_ID, RecruitmentGuidanceTopic.HIRING_CRITERIA,
                "建议放宽学历要求，增加岗前培训", "两周后回访招聘进展", LocalDate.of(2026, 11, 5), COUNTY_ID));
        JobIntentions intentions = new JobIntentions(List.of("数控车工", "钳工"), 6000, COUNTY_ID,
                EnumSet.of(EmploymentForm.FULL_TIME));
        add(samples, new JobSeekingRegistered(CASE_ID, 1, JOB_SEEKING_ID, PresentedDocument.RESIDENT_ID_CARD,
                new BasicInformation(EducationLevel.VOCATIONAL_SECONDARY, 8, "数控车床操作，中级工证书"), intentions,
                AGENCY_ID, LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9), false, JOB_POLICY));
        add(samples, new JobIntentionsUpdated(CASE_ID, JOB_SEEKING_ID, intentions, LocalDate.of(2026, 11, 10)));
        add(samples, new JobSeekingPublished(CASE_ID, JOB_SEEKING_ID, LocalDate.of(2026, 11, 9), false));
        add(samples, new JobSeekingRejected(CASE_ID, JOB_SEEKING_ID, "求职意向填写不完整", LocalDate.of(2026, 11, 10),
                true));
        add(samples, new JobSeekingReviewDeadlineMissed(CASE_ID, JOB_SEEKING_ID, AGENCY_ID, LocalDate.of(2026, 11, 9)));
        add(samples, new JobSeekingClosed(CASE_ID, JOB_SEEKING_ID, JobSeekingCloseReason.PLACED,
                LocalDate.of(2026, 12, 1)));
        add(samples, new JobReferred(CASE_ID, 1, JOB_SEEKING_ID, REFERRAL_ID, new ReferredVacancy(EMPLOYER_ID,
                "XX市东湖机械制造有限公司", VACANCY_ID, "数控车工", new WageRange(5000, 7500), AGENCY_ID,
                EmploymentForm.FULL_TIME), FAIR_ID, AGENCY_ID, LocalDate.of(2026, 11, 12)));
        add(samples, new ReferralOutcomeRecorded(CASE_ID, 1, REFERRAL_ID, EMPLOYER_ID, VACANCY_ID, FAIR_ID,
                ReferralOutcome.HIRED, "12月1日到岗", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 1), 1,
                AGENCY_ID));
        add(samples, new CareerGuidanceGiven(CASE_ID, SESSION_ID, GuidanceTopic.CAREER_DIRECTION,
                "建议转向数控加工中心操作", "推荐参加12月招聘会", LocalDate.of(2026, 11, 6), AGENCY_ID));
        add(samples, new CancellationProposed(CASE_ID, 1, PROPOSAL_ID, CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                new Evidence(EvidenceSource.DOCUMENT, "推荐记录 3 条", "三次无正当理由拒绝推荐岗位"),
                List.of(REFERRAL_ID, CONTACT_ID, APPLICATION_ID), LocalDate.of(2026, 11, 25), AGENCY_ID));
        add(samples, new CancellationProposalConfirmed(CASE_ID, PROPOSAL_ID, LocalDate.of(2026, 11, 27)));
        add(samples, new CancellationProposalDismissed(CASE_ID, PROPOSAL_ID, "第三次拒绝系因病，理由正当",
                LocalDate.of(2026, 11, 27)));
        add(samples, new RecruitmentFairPlanned(FAIR_ID, "2026年冬季就业援助月专场招聘会", FairFormat.OFFLINE,
                LocalDate.of(2026, 12, 12), "XX市人力资源市场一楼大厅", COUNTY_ID));
        add(samples, new FairEmployerEnrolled(FAIR_ID, EMPLOYER_ID, "XX市东湖机械制造有限公司",
                List.of(new FairVacancy(VACANCY_ID, "数控车工", 3))));
        add(samples, new FairInvitationSent(FAIR_ID, CASE_ID, LocalDate.of(2026, 12, 1)));
        add(samples, new FairAttended(FAIR_ID, CASE_ID, LocalDate.of(2026, 12, 12)));
        add(samples, new RecruitmentFairClosed(FAIR_ID, LocalDate.of(2026, 12, 12), 12, 35, 80, 64));
        add(samples, new EntrepreneurshipTrainingEnrolled(CASE_ID, TRAINING_ID, "SYB-990101-01", "某某区创业培训学校",
                TrainingType.START_YOUR_BUSINESS, LocalDate.of(2026, 12, 7), AGENCY_ID, LocalDate.of(2026, 12, 1)));
        add(samples, new EntrepreneurshipTrainingCompleted(CASE_ID, TRAINING_ID, "SYB-990101-01",
                LocalDate.of(2026, 12, 18), "SYB202612180012"));
        add(samples, new EntrepreneurshipTrainingDroppedOut(CASE_ID, TRAINING_ID, "SYB-990101-01",
                LocalDate.of(2026, 12, 10), "已实现就业"));
        LoanApplication loanApplication = new LoanApplication(
                new Business("某某便利店", LegalForm.INDIVIDUAL_BUSINESS, "92990101MA0XXXXX1A", true),
                "社区便利店，经营日用品和生鲜", new BigDecimal("200000"), 36,
                List.of(new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.HOUSING, new BigDecimal("350000")),
                        new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.CONSUMER, new BigDecimal("20000"))),
                List.of(new KeyGroupClaim(LoanKeyGroup.VETERAN, "退役证 990101-2019-0012")));
        add(samples, new GuaranteeLoanApplied(CASE_ID, LOAN_ID, loanApplication, COUNTY_ID, LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 3)));
        add(samples, new GuaranteeLoanEligibilityAssessed(CASE_ID, LOAN_ID, false,
                List.of(new RefusalReason("ENT-3", "OVER_AGE_LIMIT", "person.idNumber"),
                        new RefusalReason("ENT-5", "AMOUNT_OVER_LIMIT", "application.amountRequested")),
                EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED, LoanKeyGroup.VETERAN), 56, new BigDecimal("200000"), 36, 1,
                LocalDate.of(2026, 12, 3), LOAN_POLICY));
        add(samples, new GuaranteeLoanApproved(CASE_ID, LOAN_ID, new BigDecimal("150000"), 24, "某某农商银行",
                "DB-2026-0123", LocalDate.of(2026, 12, 20), COUNTY_ID));
        add(samples, new GuaranteeLoanDeclined(CASE_ID, LOAN_ID, LocalDate.of(2026, 12, 20), "反担保条件不足"));
        add(samples, new GuaranteeLoanDisbursed(CASE_ID, LOAN_ID, new BigDecimal("150000"), LocalDate.of(2026, 12, 28),
                LocalDate.of(2028, 12, 28)));
        add(samples, new LoanRepaymentRecorded(CASE_ID, LOAN_ID, REPAYMENT_ID, LocalDate.of(2027, 3, 28),
                new BigDecimal("10000"), new BigDecimal("1200.50"), new BigDecimal("140000")));
        add(samples, new GuaranteeLoanRepaid(CASE_ID, LOAN_ID, LocalDate.of(2029, 1, 5), true));
        add(samples, new GuaranteeLoanOverdue(CASE_ID, LOAN_ID, LocalDate.of(2028, 12, 29), new BigDecimal("5000"),
                OverdueSource.MATURITY_PASSED));
        add(samples, new LoanInterestSubsidised(CASE_ID, LOAN_ID, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 3, 27),
                new BigDecimal("1800.00"), new BigDecimal("1800.00"), LocalDate.of(2027, 4, 15)));
        add(samples, new ComparisonBatchImported(BATCH_ID, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, "市社保中心",
                LocalDate.of(2026, 10, 31), "参保登记-2026-10.xlsx", RecordFileFormat.XLSX, 1200, 1197, 3,
                List.of(new RowProblem(17, "row", "DUPLICATE_ROW", 9)),
                "W990101A", COUNTY_ID, LocalDate.of(2026, 11, 27)));
        MatchCounts chunk = new MatchCounts(1000, 12, 3, 40, 2, 943);
        add(samples, new ComparisonRowsProcessed(BATCH_ID, 1001, chunk, chunk));
        add(samples, new ComparisonBatchCompleted(BATCH_ID, new MatchCounts(1197, 14, 3, 47, 2, 1131),
                LocalDate.of(2026, 11, 27)));
        add(samples, new StatusChangeProposed(CASE_ID, 1, PROPOSAL_ID, ProposalSource.DATA_MATCH,
                new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某科技有限公司", LocalDate.of(2026, 10, 8)),
                CancellationGround.NO_CONTACT_SIX_MONTHS,
                new Evidence(Evidence.EvidenceSource.DATA_MATCH, BATCH_ID + ":17", "市社保中心 参保登记 2026-10-31"),
                new ExternalRecord(BATCH_ID, 17, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, "市社保中心",
                        LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 8), "某某科技有限公司"),
                LocalDate.of(2026, 5, 10), LocalDate.of(2026, 11, 27), AGENCY_ID));
        add(samples, new StatusChangeProposalConfirmed(CASE_ID, PROPOSAL_ID, LocalDate.of(2026, 11, 30)));
        add(samples, new StatusChangeProposalDismissed(CASE_ID, PROPOSAL_ID, "系短期临时用工，仍在求职",
                LocalDate.of(2026, 11, 30)));
        return samples;
    }

    private static void add(Map<Class<? extends Record>, Record> samples, Record sample) {
        samples.put(sample.getClass(), sample);
    }

    static Stream<Class<? extends Record>> events() {
        return SAMPLES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void serializedShapeMatchesFixture(Class<? extends Record> event) throws IOException {
        Path fixture = existingFixture(event);
        String json = MAPPER.writeValueAsString(SAMPLES.get(event));

        JsonNode expected = MAPPER.readTree(Files.readString(fixture, StandardCharsets.UTF_8));
        JsonNode actual = MAPPER.readTree(json);
        assertThat((Object) actual)
                .as("JSON of %s no longer matches %s. Events are permanent history: a change of shape needs a"
                        + " new @Revision and an upcaster, never a rewritten fixture",
                        event.getSimpleName(), fixture.getFileName())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void fixtureDeserializesToSample(Class<? extends Record> event) throws IOException {
        Path fixture = existingFixture(event);

        Record read = MAPPER.readValue(Files.readString(fixture, StandardCharsets.UTF_8), event);

        assertThat(read).isEqualTo(SAMPLES.get(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void fixtureVersionMatchesRevision(Class<? extends Record> event) throws IOException {
        String revision = revisionOf(event);
        assertThat(revision).as("@Revision of %s", event.getName()).isNotNull().isNotBlank();
        assertThat(existingFixture(event).getFileName().toString())
                .isEqualTo(event.getSimpleName() + ".v" + revision + ".json");

        for (String version : fixtureVersions().getOrDefault(event.getSimpleName(), List.of())) {
            assertThat(compareVersions(version, revision))
                    .as("fixture %s.v%s.json is newer than @Revision(\"%s\") of %s: a revision must never go back",
                            event.getSimpleName(), version, revision, event.getName())
                    .isLessThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void sampleFillsEveryField(Class<? extends Record> event) {
        List<String> missing = new ArrayList<>();
        collectEmptyFields(SAMPLES.get(event), event.getSimpleName(), missing);
        assertThat(missing)
                .as("the sample must fill every field (also the optional ones), or NON_NULL hides it from the"
                        + " fixture")
                .isEmpty();
    }

    @Test
    void everyEventHasASampleAndAFixture() throws IOException, URISyntaxException {
        Path classes = Path.of(CaseOpened.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path eventsDir = classes.resolve(EVENTS_PACKAGE.replace('.', '/'));
        assertThat(eventsDir).as("compiled events").isDirectory();

        Set<String> annotated = new TreeSet<>();
        try (Stream<Path> files = Files.walk(eventsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString()
                        .replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = loadWithoutInitializing(name);
                if (type.isAnnotationPresent(Revision.class)) {
                    annotated.add(type.getName());
                }
            }
        }

        Set<String> withSample = SAMPLES.keySet().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(annotated).as("@Revision classes found under %s", eventsDir).isNotEmpty();
        assertThat(withSample)
                .as("every @Revision event needs a sample in EventContractTest.samples() and a fixture in"
                        + " src/test/resources/events (write it with -D%s=true)", WRITE_PROPERTY)
                .containsAll(annotated);
        assertThat(annotated).as("every sample in EventContractTest must be an @Revision event")
                .containsAll(withSample);
    }

    @Test
    void everyFixtureBelongsToAnEvent() throws IOException {
        Set<String> events = SAMPLES.keySet().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(fixtureVersions().keySet())
                .as("fixtures without an event: events are permanent history and must not be renamed or removed")
                .allMatch(events::contains);
    }

    // ---------------------------------------------------------------------------------------------

    private static boolean writeMode() {
        return Boolean.getBoolean(WRITE_PROPERTY);
    }

    /**
     * The fixture of the event's current revision. When it is missing the test fails, or in write mode
     * writes it from the sample. An existing fixture is never overwritten.
     */
    private static synchronized Path existingFixture(Class<? extends Record> event) throws IOException {
        Path fixture = fixtureFor(event);
        if (Files.exists(fixture)) {
            return fixture;
        }
        if (!writeMode()) {
            fail("No fixture %s for event %s. Run the test once with -D%s=true to write it, inspect it and"
                    + " commit it.", fixture, event.getName(), WRITE_PROPERTY);
        }
        Files.createDirectories(fixture.getParent());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String json = MAPPER.writer(printer).writeValueAsString(SAMPLES.get(event)) + "\n";
        Files.writeString(fixture, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return fixture;
    }

    private static String revisionOf(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    private static Path fixtureFor(Class<?> event) {
        return fixturesDir().resolve(event.getSimpleName() + ".v" + revisionOf(event) + ".json");
    }

    /** The fixtures in the source tree (not target/test-classes), so that write mode writes where they belong. */
    private static Path fixturesDir() {
        return moduleDir().resolve("src/test/resources/events");
    }

    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            return Path.of(basedir);
        }
        Path workingDir = Path.of("").toAbsolutePath();
        Path module = workingDir.resolve("shared-events");
        return Files.isDirectory(module.resolve("src/test")) ? module : workingDir;
    }

    /** Simple name of the event to the versions that have a fixture. */
    private static Map<String, List<String>> fixtureVersions() throws IOException {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        if (!Files.isDirectory(fixturesDir())) {
            return versions;
        }
        try (Stream<Path> files = Files.list(fixturesDir())) {
            for (Path file : files.sorted().toList()) {
                Matcher matcher = FIXTURE_NAME.matcher(file.getFileName().toString());
                if (!matcher.matches()) {
                    fail("Fixture %s is not named <SimpleName>.v<revision>.json", file);
                }
                versions.computeIfAbsent(matcher.group(1), name -> new ArrayList<>()).add(matcher.group(2));
            }
        }
        return versions;
    }

    /** Compares revisions numerically where both are numbers, else as text. */
    private static int compareVersions(String a, String b) {
        if (a.matches("\\d+") && b.matches("\\d+")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    private static Class<?> loadWithoutInitializing(String name) {
        try {
            return Class.forName(name, false, EventContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The data subject of personal data is not part of its plain JSON: the stored form names it inside
     * the sealed (encrypted) form, which the security module writes and tests
     * ({@code PersonalDataJsonModuleTest}). Here, with the plain mapper, personal data reads and
     * writes as in revision 1.
     */
    private static boolean isImpliedDataSubject(RecordComponent component) {
        return component.getDeclaringRecord() == PersonalData.class && component.getName().equals("dataSubject");
    }

    /**
     * An employer's contact person is personal data without an ID number (only name and phone): the one
     * place where {@link PersonalData#idNumber()} is null by design, not an unfilled sample.
     */
    private static boolean isContactWithoutIdNumber(String path) {
        return path.equals("EmployerRegistered.contact.idNumber");
    }

    private static void collectEmptyFields(Object value, String path, List<String> missing) {
        if (value == null && isContactWithoutIdNumber(path)) {
            return;
        }
        if (value == null) {
            missing.add(path);
        } else if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                missing.add(path + " (empty)");
            }
            int i = 0;
            for (Object element : collection) {
                collectEmptyFields(element, path + "[" + i++ + "]", missing);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (isImpliedDataSubject(component)) {
                    continue;
                }
                try {
                    collectEmptyFields(component.getAccessor().invoke(record), path + "." + component.getName(),
                            missing);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
