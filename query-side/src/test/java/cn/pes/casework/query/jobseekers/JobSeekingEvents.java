package cn.pes.casework.query.jobseekers;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/** Job-seeking, referral and vacancy payloads as the command side writes them, with real-looking values. */
public final class JobSeekingEvents {

    public static final String POLICY = "JOB-2026-01";

    private JobSeekingEvents() {
    }

    public static JobIntentions wants(int wage, String area, EmploymentForm form, String... occupations) {
        return new JobIntentions(List.of(occupations), wage, area, EnumSet.of(form));
    }

    public static BasicInformation basics() {
        return new BasicInformation(EducationLevel.VOCATIONAL_SECONDARY, 6, "数控车床操作，持中级车工证");
    }

    public static JobSeekingRegistered registered(String caseId, int spell, String jobSeekingId, JobIntentions intentions,
                                                  String agencyId, LocalDate receivedOn, LocalDate dueOn) {
        return new JobSeekingRegistered(caseId, spell, jobSeekingId, PresentedDocument.RESIDENT_ID_CARD, basics(), intentions,
                agencyId, receivedOn, dueOn, false, POLICY);
    }

    public static ReferredVacancy vacancy(String employerId, String vacancyId) {
        return new ReferredVacancy(employerId, "东湖机械有限公司", vacancyId, "数控车工", new WageRange(5000, 7500), "990101001",
                EmploymentForm.FULL_TIME);
    }

    public static JobReferred referred(String caseId, String jobSeekingId, String referralId, String vacancyId,
                                       String agencyId, LocalDate on) {
        return new JobReferred(caseId, 1, jobSeekingId, referralId, vacancy("emp-1", vacancyId), null, agencyId, on);
    }

    public static ReferralOutcomeRecorded outcome(String caseId, String referralId, String vacancyId, ReferralOutcome outcome,
                                                  int refusals, String agencyId, LocalDate on) {
        return new ReferralOutcomeRecorded(caseId, 1, referralId, "emp-1", vacancyId, null, outcome, "本人称路程太远", on,
                null, refusals, agencyId);
    }

    public static CancellationProposed proposed(String caseId, String proposalId, List<String> referralIds,
                                                String agencyId, LocalDate on) {
        return new CancellationProposed(caseId, 1, proposalId, CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                new Evidence(Evidence.EvidenceSource.STATEMENT, "推荐回访记录", null), referralIds, on, agencyId);
    }

    public static EmployerRegistered employer(String employerId, String name, String area) {
        return new EmployerRegistered(employerId, "91350100M000100Y43", name, "解放路88号", area,
                new PersonalData(null, "李四", "13912345678", employerId), LocalDate.of(2026, 11, 2));
    }

    public static VacancyPosted posted(String employerId, String vacancyId, String occupation, String area, int min, int max,
                                       EmploymentForm form) {
        return new VacancyPosted(employerId, vacancyId, occupation, 2, new WageRange(min, max), area, form, "两年以上经验",
                LocalDate.of(2026, 11, 2));
    }
}
