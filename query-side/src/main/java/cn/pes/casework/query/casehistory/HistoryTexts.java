package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairInvitationSent;
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
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingReviewDeadlineMissed;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationRefused;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.Certificate;
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
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Labels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The title and description of each event as a caseworker reads them. Personal data (ID number,
 * name, phone) never goes into these texts: they are copied into a read model that outlives an
 * erasure request until it is rebuilt, and they end up in printouts.
 */
final class HistoryTexts {

    record Text(String title, String description) {
    }

    private HistoryTexts() {
    }

    static Text of(CaseOpened event) {
        return new Text("建立档案", "建立个人就业服务档案");
    }

    /** Which detail changed is left out on purpose: the texts never carry personal data. */
    static Text of(PersonalDetailsUpdated event) {
        return new Text("更新个人信息", "更新姓名或联系电话");
    }

    static Text of(RegistrationRefused event) {
        String reasons = event.reasons() == null ? "" : event.reasons().stream()
                                                             .map(Labels::refusal)
                                                             .filter(Objects::nonNull)
                                                             .collect(Collectors.joining("；"));
        StringBuilder text = new StringBuilder(applying(event.channel())).append("失业登记，不符合登记条件");
        if (!reasons.isEmpty()) {
            text.append("：").append(reasons);
        }
        return new Text("失业登记未通过", text.toString());
    }

    static Text of(RegistrationApplied event) {
        StringBuilder text = new StringBuilder(applying(event.channel())).append("失业登记");
        appendSpell(text, event.spell());
        text.append("，原因：").append(Labels.of(event.reason()));
        appendCategories(text, event.categories());
        if (event.decisionDueOn() != null) {
            text.append("；应于").append(event.decisionDueOn()).append("前作出决定");
            if (event.dueDateProvisional()) {
                text.append("（缺少当年节假日安排，暂按周末推算）");
            }
        }
        return new Text("网上申请失业登记", text.toString());
    }

    static Text of(RegistrationApproved event) {
        StringBuilder text = new StringBuilder("失业登记申请审核通过");
        if (event.late()) {
            text.append("，已超过办理时限");
        }
        return new Text("审核通过", text.toString());
    }

    static Text of(RegistrationRejected event) {
        StringBuilder text = new StringBuilder("失业登记申请不予登记");
        if (event.reason() != null && !event.reason().isBlank()) {
            text.append("，理由：").append(event.reason().strip());
        }
        if (event.late()) {
            text.append("；已超过办理时限");
        }
        return new Text("不予登记", text.toString());
    }

    static Text of(UnemploymentRegistered event) {
        StringBuilder text = new StringBuilder();
        if (event.channel() == null || event.channel() == Channel.WINDOW) {
            text.append("窗口办理失业登记");
        } else {
            text.append("经").append(Labels.of(event.channel())).append("申请，办理失业登记");
        }
        appendSpell(text, event.spell());
        text.append("，原因：").append(Labels.of(event.reason()));
        if (event.presentedDocument() != null) {
            text.append("；出示").append(Labels.of(event.presentedDocument()));
        }
        appendCategories(text, event.categories());
        return new Text("失业登记", text.toString());
    }

    static Text of(TrackingContactRecorded event) {
        StringBuilder text = new StringBuilder(Labels.of(event.method()));
        if (event.method() == ContactMethod.INFORMATION_COMPARISON && notBlank(event.dataMatchSource())) {
            text.append("（比对来源：").append(event.dataMatchSource().strip()).append("）");
        }
        text.append("：").append(event.reached() ? "已联系上" : "未联系上");
        if (event.statusFound() != null) {
            text.append("，").append(Labels.of(event.statusFound()));
        }
        if (event.servicesGiven() != null && !event.servicesGiven().isEmpty()) {
            text.append("；提供服务：").append(Labels.join(event.servicesGiven()));
        }
        if (notBlank(event.nextStep())) {
            text.append("；下一步：").append(event.nextStep().strip());
        }
        if (event.proposedGround() != null) {
            text.append("；建议注销，原因：").append(Labels.of(event.proposedGround()));
            appendEvidence(text, event.proposalEvidence());
        }
        return new Text("跟踪调查", text.toString());
    }

    static Text of(Employed event) {
        StringBuilder text = new StringBuilder("实现").append(Labels.of(event.employment().type()));
        if (notBlank(event.employment().employer())) {
            text.append("，就业单位：").append(event.employment().employer().strip());
        }
        if (event.employment().startDate() != null) {
            text.append("，").append(event.employment().startDate()).append("起就业");
        }
        text.append("；本次失业登记终止");
        if (event.contactId() != null) {
            text.append("（跟踪调查中发现）");
        }
        appendEvidence(text, event.evidence());
        return new Text("实现就业", text.toString());
    }

    static Text of(RegistrationCancelled event) {
        StringBuilder text = new StringBuilder("注销失业登记，原因：").append(Labels.of(event.ground()));
        appendEvidence(text, event.evidence());
        Notification notification = event.notification();
        if (notification != null && notification.method() != null) {
            text.append("；已").append(Labels.of(notification.method())).append("本人");
            if (notification.notifiedOn() != null) {
                text.append("（").append(notification.notifiedOn()).append("）");
            }
        }
        return new Text("注销失业登记", text.toString());
    }

    /** The case stays for statistics; only the person's identifying data is gone. */
    static Text of(PersonalDataErased event) {
        StringBuilder text = new StringBuilder("个人信息已按保存期限删除，身份证号码、姓名、联系电话不可再读取；登记记录保留用于统计");
        if (event.policyVersion() != null) {
            text.append("（保存期限政策：").append(event.policyVersion()).append("）");
        }
        return new Text("删除个人信息", text.toString());
    }

    static Text of(CertificateSubmitted event) {
        StringBuilder text = new StringBuilder("提交职业技能证书");
        appendCertificate(text, event.certificate());
        text.append("，向").append(placeName(event.place())).append("申请技能提升补贴");
        LivingAllowanceClaim claim = event.allowanceClaim();
        if (claim != null && !claim.groups().isEmpty()) {
            text.append("，同时申请生活费补贴（").append(Labels.join(claim.groups()));
            if (claim.graduatedOn() != null) {
                text.append("，").append(claim.graduatedOn()).append("毕业");
            }
            if (claim.ruralOrLowIncomeFamily()) {
                text.append("，农村或城乡低保家庭");
            }
            text.append("）");
        }
        if (event.reviewDueOn() != null) {
            text.append("，审核期限 ").append(event.reviewDueOn());
            appendProvisional(text, event.reviewDueOnProvisional());
        }
        return new Text("申请技能提升补贴", text.toString());
    }

    static Text of(CertificateRefused event) {
        StringBuilder text = new StringBuilder("提交职业技能证书");
        appendCertificate(text, event.certificate());
        text.append("，申请技能提升补贴，不予受理");
        String reasons = event.reasons() == null ? "" : event.reasons().stream()
                                                             .map(Labels::refusal)
                                                             .filter(Objects::nonNull)
                                                             .collect(Collectors.joining("；"));
        if (!reasons.isEmpty()) {
            text.append("：").append(reasons);
        }
        return new Text("技能提升补贴不予受理", text.toString());
    }

    static Text of(SubsidyReviewStarted event) {
        return new Text("补贴开始审核", "技能提升补贴申请开始审核");
    }

    static Text of(SubsidyApproved event) {
        StringBuilder text = new StringBuilder("技能提升补贴审核通过，核定补贴 ").append(yuan(event.subsidyAmount())).append(" 元");
        if (positive(event.allowanceAmount())) {
            text.append("、生活费补贴 ").append(yuan(event.allowanceAmount())).append(" 元");
        }
        if (event.publicityEndsOn() != null) {
            text.append("；公示至 ").append(event.publicityEndsOn());
            appendProvisional(text, event.publicityEndsOnProvisional());
        }
        if (event.late()) {
            text.append("；已超过审核期限");
        }
        return new Text("补贴审核通过", text.toString());
    }

    static Text of(SubsidyRejected event) {
        StringBuilder text = new StringBuilder(event.objectionId() != null ? "公示异议成立，不予补贴" : "技能提升补贴审核不通过，不予补贴");
        if (notBlank(event.reason())) {
            text.append("，理由：").append(event.reason().strip());
        }
        if (event.late()) {
            text.append("；已超过审核期限");
        }
        return new Text("不予补贴", text.toString());
    }

    /** The summary is stored without the objector's personal data (see the event). */
    static Text of(SubsidyObjectionRaised event) {
        StringBuilder text = new StringBuilder("公示期间收到异议");
        if (notBlank(event.summary())) {
            text.append("：").append(event.summary().strip());
        }
        text.append("；异议处理完毕前暂缓拨付");
        return new Text("公示异议", text.toString());
    }

    static Text of(SubsidyObjectionDismissed event) {
        StringBuilder text = new StringBuilder("公示异议经核查不成立");
        if (notBlank(event.finding())) {
            text.append("：").append(event.finding().strip());
        }
        if (event.paymentDueOn() != null) {
            text.append("；应于 ").append(event.paymentDueOn()).append(" 前拨付");
            appendProvisional(text, event.paymentDueOnProvisional());
        } else {
            text.append("；公示期满后拨付");
        }
        return new Text("异议不成立", text.toString());
    }

    static Text of(SubsidyObjectionUpheld event) {
        StringBuilder text = new StringBuilder("公示异议经核查成立");
        if (notBlank(event.finding())) {
            text.append("：").append(event.finding().strip());
        }
        return new Text("异议成立", text.toString());
    }

    static Text of(SubsidyPublicityEnded event) {
        StringBuilder text = new StringBuilder("公示期满");
        if (event.heldByObjection()) {
            text.append("，异议尚未处理完毕，暂缓拨付");
        } else if (event.paymentDueOn() != null) {
            text.append("，应于 ").append(event.paymentDueOn()).append(" 前拨付");
            appendProvisional(text, event.paymentDueOnProvisional());
        }
        return new Text("公示期满", text.toString());
    }

    static Text of(SubsidyReviewDeadlineMissed event) {
        return new Text("审核超期", "审核超期（应于 " + event.dueOn() + " 前审核）");
    }

    static Text of(SubsidyPaymentDeadlineMissed event) {
        return new Text("拨付超期", "拨付超期（应于 " + event.dueOn() + " 前拨付）");
    }

    /** The account reference arrives masked; only its last characters are shown. */
    static Text of(SubsidyPaid event) {
        StringBuilder text = new StringBuilder("已拨付补贴 ").append(yuan(event.subsidyAmount())).append(" 元");
        if (positive(event.allowanceAmount())) {
            text.append("、生活费补贴 ").append(yuan(event.allowanceAmount())).append(" 元");
        }
        if (notBlank(event.maskedAccountReference())) {
            text.append("，账户 ").append(shortMasked(event.maskedAccountReference().strip()));
        }
        if (event.late()) {
            text.append("；已超过拨付期限");
        }
        return new Text("拨付补贴", text.toString());
    }

    // Job seeking, referrals, guidance (JOB-1, JOB-2, JOB-4, JOB-6), cancellation proposals (CAN-1, CAN-3), fairs (JOB-5)

    private static final Map<EducationLevel, String> EDUCATION = Map.of(
            EducationLevel.PRIMARY_OR_BELOW, "小学及以下", EducationLevel.JUNIOR_SECONDARY, "初中",
            EducationLevel.SENIOR_SECONDARY, "高中", EducationLevel.VOCATIONAL_SECONDARY, "中专、技校、职高",
            EducationLevel.JUNIOR_COLLEGE, "大专", EducationLevel.BACHELOR, "本科", EducationLevel.POSTGRADUATE, "研究生");

    private static final Map<GuidanceTopic, String> GUIDANCE = Map.of(
            GuidanceTopic.POLICY_INFORMATION, "政策咨询", GuidanceTopic.JOB_SEEKING_METHOD, "求职方法指导",
            GuidanceTopic.CAREER_DIRECTION, "职业方向", GuidanceTopic.TRAINING_ADVICE, "培训建议",
            GuidanceTopic.VOCATIONAL_ASSESSMENT, "职业测评", GuidanceTopic.SPECIAL_GROUP_GUIDANCE, "特殊群体就业指导");

    private static final Map<ReferralOutcome, String> OUTCOMES = Map.of(
            ReferralOutcome.INTERVIEWED, "已面试，等待用人单位答复", ReferralOutcome.HIRED, "录用",
            ReferralOutcome.NOT_HIRED, "未录用", ReferralOutcome.REFUSED_WITH_GOOD_REASON, "本人拒绝（有正当理由）",
            ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON, "本人无正当理由拒绝", ReferralOutcome.NO_SHOW, "未到场");

    private static final Map<JobSeekingCloseReason, String> CLOSE_REASONS = Map.of(
            JobSeekingCloseReason.PLACED, "经推荐录用", JobSeekingCloseReason.EMPLOYED, "已通过其他途径就业",
            JobSeekingCloseReason.REGISTRATION_CANCELLED, "失业登记已注销");

    static Text of(JobSeekingRegistered event) {
        StringBuilder text = new StringBuilder("求职登记");
        appendSpell(text, event.spell());
        appendIntentions(text.append("，"), event.intentions());
        BasicInformation basics = event.basics();
        if (basics != null) {
            if (basics.education() != null) {
                text.append("；文化程度：").append(EDUCATION.get(basics.education()));
            }
            text.append("，工作经验 ").append(basics.yearsOfExperience()).append(" 年");
        }
        if (event.identityDocument() != null) {
            text.append("；出示").append(Labels.of(event.identityDocument())).append("核验身份");
        }
        if (event.reviewDueOn() != null) {
            text.append("；应于 ").append(event.reviewDueOn()).append(" 前审核发布");
            appendProvisional(text, event.reviewDueOnProvisional());
        }
        return new Text("求职登记", text.toString());
    }

    static Text of(JobIntentionsUpdated event) {
        StringBuilder text = new StringBuilder("求职意向变更为：");
        appendIntentions(text, event.intentions());
        return new Text("求职意向变更", text.toString());
    }

    static Text of(JobSeekingPublished event) {
        StringBuilder text = new StringBuilder("求职登记审核通过并发布，可推荐就业");
        if (event.late()) {
            text.append("；已超过审核时限");
        }
        return new Text("求职登记发布", text.toString());
    }

    static Text of(JobSeekingRejected event) {
        StringBuilder text = new StringBuilder("求职登记审核未通过");
        if (notBlank(event.reason())) {
            text.append("，理由：").append(event.reason().strip());
        }
        if (event.late()) {
            text.append("；已超过审核时限");
        }
        return new Text("求职登记未通过", text.toString());
    }

    static Text of(JobSeekingReviewDeadlineMissed event) {
        return new Text("求职登记审核超期", "求职登记审核超期（应于 " + event.dueOn() + " 前审核发布）");
    }

    static Text of(JobSeekingClosed event) {
        StringBuilder text = new StringBuilder("求职登记关闭");
        if (event.reason() != null) {
            text.append("，原因：").append(CLOSE_REASONS.get(event.reason()));
        }
        return new Text("求职登记关闭", text.toString());
    }

    static Text of(JobReferred event) {
        StringBuilder text = new StringBuilder("推荐至");
        ReferredVacancy vacancy = event.vacancy();
        if (vacancy == null) {
            text.append("岗位");
        } else {
            if (notBlank(vacancy.employerName())) {
                text.append(vacancy.employerName().strip()).append("的");
            }
            text.append(notBlank(vacancy.occupation()) ? vacancy.occupation().strip() : "").append("岗位");
            List<String> terms = new ArrayList<>();
            if (vacancy.wage() != null) {
                terms.add("月薪 " + vacancy.wage().minYuan() + "–" + vacancy.wage().maxYuan() + " 元");
            }
            if (vacancy.form() != null) {
                terms.add(Labels.of(vacancy.form()));
            }
            if (!terms.isEmpty()) {
                text.append("（").append(String.join("，", terms)).append("）");
            }
        }
        if (event.fairId() != null) {
            text.append("；招聘会上推荐");
        }
        text.append("；待回访推荐结果");
        return new Text("推荐就业", text.toString());
    }

    static Text of(ReferralOutcomeRecorded event) {
        StringBuilder text = new StringBuilder("推荐回访，结果：").append(event.outcome() == null ? "未注明" : OUTCOMES.get(event.outcome()));
        if (event.outcome() == ReferralOutcome.HIRED && event.startDate() != null) {
            text.append("，").append(event.startDate()).append("起上岗");
        }
        if (notBlank(event.note())) {
            text.append("；说明：").append(event.note().strip());
        }
        if (event.outcome() == ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON) {
            text.append("；本次登记期内第 ").append(event.refusalsWithoutGoodReason()).append(" 次无正当理由拒绝");
        }
        return new Text("推荐回访", text.toString());
    }

    static Text of(CareerGuidanceGiven event) {
        StringBuilder text = new StringBuilder("职业指导");
        if (event.topic() != null) {
            text.append("（").append(GUIDANCE.get(event.topic())).append("）");
        }
        if (notBlank(event.notes())) {
            text.append("：").append(event.notes().strip());
        }
        if (notBlank(event.followUp())) {
            text.append("；后续：").append(event.followUp().strip());
        }
        return new Text("职业指导", text.toString());
    }

    /** CAN-3: a proposal only; nothing is cancelled until an officer confirms it. */
    static Text of(CancellationProposed event) {
        StringBuilder text = new StringBuilder("建议注销失业登记，原因：").append(Labels.of(event.ground()));
        if (event.referralIds() != null && !event.referralIds().isEmpty()) {
            text.append("（依据 ").append(event.referralIds().size()).append(" 次推荐回访）");
        }
        appendEvidence(text, event.evidence());
        text.append("；待经办人员确认或驳回");
        return new Text("注销建议", text.toString());
    }

    static Text of(CancellationProposalConfirmed event) {
        return new Text("确认注销建议", "经办人员确认注销建议，失业登记随之注销");
    }

    static Text of(CancellationProposalDismissed event) {
        StringBuilder text = new StringBuilder("经办人员驳回注销建议");
        if (notBlank(event.reason())) {
            text.append("，理由：").append(event.reason().strip());
        }
        text.append("；此前的拒绝不再计入");
        return new Text("驳回注销建议", text.toString());
    }

    /**
     * CAN-3: a proposal only. A business's name (an individual business often bears the person's name)
     * is left out; an employer's or a school's is shown.
     */
    static Text of(StatusChangeProposed event) {
        StringBuilder text = new StringBuilder();
        if (event.employment() != null) {
            text.append("建议登记").append(Labels.of(event.employment().type()));
            if (event.employment().type() != EmploymentType.SELF_EMPLOYED && notBlank(event.employment().employer())) {
                text.append("，就业单位：").append(event.employment().employer().strip());
            }
            if (event.employment().startDate() != null) {
                text.append("，").append(event.employment().startDate()).append("起就业");
            }
        } else {
            text.append("建议注销失业登记，原因：").append(Labels.of(event.ground()));
        }
        text.append("（").append(Labels.of(event.source()));
        ExternalRecord record = event.record();
        if (record != null) {
            text.append("：").append(Labels.of(record.kind()));
            if (notBlank(record.source())) {
                text.append("，").append(record.source().strip());
            }
            if (record.recordDate() != null) {
                text.append("，").append(record.recordDate());
            }
            if (record.kind() != ExternalRecordKind.BUSINESS_REGISTRATION && notBlank(record.organisation())) {
                text.append("，").append(record.organisation().strip());
            }
        } else if (event.lastContactOn() != null) {
            text.append("：最后一次联系 ").append(event.lastContactOn());
        }
        text.append("）");
        appendEvidence(text, event.evidence());
        text.append("；待经办人员核实确认或驳回");
        return new Text("变更建议", text.toString());
    }

    static Text of(StatusChangeProposalConfirmed event) {
        return new Text("确认变更建议", "经办人员核实并确认变更建议，登记随之变更");
    }

    static Text of(StatusChangeProposalDismissed event) {
        StringBuilder text = new StringBuilder("经办人员驳回变更建议");
        if (notBlank(event.reason())) {
            text.append("，理由：").append(event.reason().strip());
        }
        text.append("；同一记录不再提出建议");
        return new Text("驳回变更建议", text.toString());
    }

    static Text of(FairInvitationSent event) {
        return new Text("招聘会邀请", "邀请参加招聘会（编号 " + event.fairId() + "）");
    }

    static Text of(FairAttended event) {
        return new Text("参加招聘会", "到场参加招聘会（编号 " + event.fairId() + "）");
    }

    private static void appendIntentions(StringBuilder text, JobIntentions intentions) {
        if (intentions == null) {
            text.append("未填求职意向");
            return;
        }
        text.append("意向职业：").append(intentions.occupations() == null || intentions.occupations().isEmpty() ? "未填"
                : String.join("、", intentions.occupations().stream().filter(Objects::nonNull).map(String::strip).toList()));
        text.append("；期望月薪 ").append(intentions.expectedMonthlyWageYuan()).append(" 元");
        if (notBlank(intentions.areaAgencyId())) {
            text.append("；意向地区 ").append(intentions.areaAgencyId().strip());
        }
        if (intentions.forms() != null && !intentions.forms().isEmpty()) {
            text.append("；").append(Labels.join(intentions.forms()));
        }
    }

    private static void appendCertificate(StringBuilder text, Certificate certificate) {
        if (certificate == null) {
            return;
        }
        text.append("（").append(certificate.occupation() == null ? "" : certificate.occupation().strip());
        if (certificate.level() != null) {
            text.append(" ").append(Labels.of(certificate.level()));
        }
        if (notBlank(certificate.certificateNumber())) {
            text.append("，证书编号 ").append(certificate.certificateNumber().strip());
        }
        if (certificate.issuedOn() != null) {
            text.append("，").append(certificate.issuedOn()).append(" 发证");
        }
        text.append("）");
    }

    private static String placeName(ApplicationPlace place) {
        return place == null ? "人社部门" : Labels.of(place) + "人社部门";
    }

    private static void appendProvisional(StringBuilder text, boolean provisional) {
        if (provisional) {
            text.append("（缺少当年节假日安排，暂按周末推算）");
        }
    }

    /** Yuan without trailing zeros: 1500, 1500.5. */
    private static String yuan(BigDecimal amount) {
        return amount == null ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }

    /** "***************1234" reads as "****1234": the number of masked characters says nothing useful. */
    private static String shortMasked(String masked) {
        int visible = 0;
        for (int i = masked.length() - 1; i >= 0 && masked.charAt(i) != '*'; i--) {
            visible++;
        }
        return visible == masked.length() ? masked : "****" + masked.substring(masked.length() - visible);
    }

    private static String applying(Channel channel) {
        if (channel == null || channel == Channel.WINDOW) {
            return "窗口申请";
        }
        return "通过" + Labels.of(channel) + "申请";
    }

    private static void appendSpell(StringBuilder text, int spell) {
        if (spell > 1) {
            text.append("（第").append(spell).append("次登记）");
        }
    }

    private static void appendCategories(StringBuilder text, java.util.Set<? extends Enum<?>> categories) {
        if (categories != null && !categories.isEmpty()) {
            text.append("；人员类别：").append(Labels.join(categories));
        }
    }

    private static void appendEvidence(StringBuilder text, Evidence evidence) {
        if (evidence == null || evidence.source() == null) {
            return;
        }
        text.append("；依据：").append(Labels.of(evidence.source()));
        if (notBlank(evidence.reference())) {
            text.append("（").append(evidence.reference().strip()).append("）");
        }
        if (notBlank(evidence.description())) {
            text.append("，").append(evidence.description().strip());
        }
    }

    // Entrepreneurship (ENT-1..ENT-5). The business's name is left out: an individual business often bears the person's name.

    static Text of(EntrepreneurshipTrainingEnrolled event) {
        StringBuilder text = new StringBuilder("报名参加");
        if (notBlank(event.institutionName())) {
            text.append(event.institutionName().strip()).append("的");
        }
        text.append(event.trainingType() == null ? "创业培训" : Labels.of(event.trainingType()));
        if (event.startsOn() != null) {
            text.append("，").append(event.startsOn()).append(" 开课");
        }
        return new Text("创业培训报名", text.toString());
    }

    static Text of(EntrepreneurshipTrainingCompleted event) {
        StringBuilder text = new StringBuilder("创业培训结业，取得创业培训合格证书");
        if (notBlank(event.certificateNumber())) {
            text.append("（证书编号 ").append(event.certificateNumber().strip()).append("）");
        }
        return new Text("创业培训结业", text.toString());
    }

    static Text of(EntrepreneurshipTrainingDroppedOut event) {
        StringBuilder text = new StringBuilder("创业培训中途退训");
        if (notBlank(event.reason())) {
            text.append("：").append(event.reason().strip());
        }
        return new Text("创业培训退训", text.toString());
    }

    static Text of(GuaranteeLoanApplied event) {
        StringBuilder text = new StringBuilder("申请创业担保贷款");
        LoanApplication application = event.application();
        if (application != null) {
            text.append(" ").append(yuan(application.amountRequested())).append(" 元，期限 ")
                .append(application.termMonthsRequested()).append(" 个月");
            if (application.business() != null) {
                text.append("；经营实体：").append(application.business().legalForm() == null ? "未填写"
                        : Labels.of(application.business().legalForm()))
                    .append(application.business().registeredInCity() ? "，已在本市登记" : "，未在本市登记");
            }
            if (!application.existingLoans().isEmpty()) {
                text.append("；本人及配偶其他贷款 ").append(application.existingLoans().size()).append(" 笔");
            }
        }
        return new Text("申请创业担保贷款", text.toString());
    }

    static Text of(GuaranteeLoanEligibilityAssessed event) {
        String policy = notBlank(event.policyVersion()) ? "（政策版本 " + event.policyVersion().strip() + "）" : "";
        if (event.eligible()) {
            StringBuilder text = new StringBuilder("符合创业担保贷款条件");
            if (!event.qualifyingGroups().isEmpty()) {
                text.append("；扶持对象：").append(Labels.join(event.qualifyingGroups()));
            }
            text.append("；额度上限 ").append(yuan(event.amountLimit())).append(" 元，期限上限 ")
                .append(event.maxTermMonths()).append(" 个月").append(policy);
            return new Text("贷款资格审核通过", text.toString());
        }
        String reasons = event.failedConditions().stream().map(Labels::refusal).filter(Objects::nonNull)
                              .collect(Collectors.joining("；"));
        return new Text("贷款资格审核未通过", "不符合创业担保贷款条件" + (reasons.isEmpty() ? "" : "：" + reasons) + policy);
    }

    static Text of(GuaranteeLoanApproved event) {
        StringBuilder text = new StringBuilder("担保审核通过，核准贷款 ").append(yuan(event.amount())).append(" 元，期限 ")
                .append(event.termMonths()).append(" 个月");
        if (notBlank(event.lender())) {
            text.append("，贷款银行：").append(event.lender().strip());
        }
        if (notBlank(event.guaranteeContractNumber())) {
            text.append("，担保合同编号 ").append(event.guaranteeContractNumber().strip());
        }
        return new Text("贷款审批通过", text.toString());
    }

    static Text of(GuaranteeLoanDeclined event) {
        StringBuilder text = new StringBuilder("担保机构或银行未同意贷款");
        if (notBlank(event.reason())) {
            text.append("：").append(event.reason().strip());
        }
        return new Text("贷款未获批准", text.toString());
    }

    static Text of(GuaranteeLoanDisbursed event) {
        StringBuilder text = new StringBuilder("已放款 ").append(yuan(event.amount())).append(" 元");
        if (event.maturesOn() != null) {
            text.append("，到期日 ").append(event.maturesOn());
        }
        return new Text("贷款发放", text.toString());
    }

    static Text of(LoanRepaymentRecorded event) {
        return new Text("贷款还款", "还款本金 " + yuan(event.principal()) + " 元、利息 " + yuan(event.interest())
                + " 元，尚欠本金 " + yuan(event.outstandingAfter()) + " 元");
    }

    static Text of(GuaranteeLoanOverdue event) {
        StringBuilder text = new StringBuilder("贷款自 ").append(event.overdueSince()).append(" 起逾期");
        if (event.source() != null) {
            text.append("（").append(Labels.of(event.source())).append("）");
        }
        if (event.outstanding() != null) {
            text.append("，逾期本金 ").append(yuan(event.outstanding())).append(" 元");
        }
        return new Text("贷款逾期", text.toString());
    }

    static Text of(GuaranteeLoanRepaid event) {
        return new Text("贷款结清", event.afterMaturity() ? "贷款本金已全部还清（到期后结清）" : "贷款本金已全部还清");
    }

    static Text of(LoanInterestSubsidised event) {
        return new Text("财政贴息", event.periodFrom() + " 至 " + event.periodTo() + " 利息 " + yuan(event.interest())
                + " 元，财政贴息 " + yuan(event.subsidy()) + " 元");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
