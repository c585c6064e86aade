package cn.pes.casework.query.audittrail;

import java.util.Map;

/**
 * The event types in plain words for auditors: the case history's titles where it has one (so the two
 * pages say the same), and the employers' and fairs' events, which the case history does not show.
 * Fixed per type, never built from a payload, so they can carry no personal data.
 */
final class ActionLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("CaseOpened", "建立档案"),
            Map.entry("PersonalDetailsUpdated", "更新个人信息"),
            Map.entry("RegistrationRefused", "失业登记未通过"),
            Map.entry("RegistrationApplied", "网上申请失业登记"),
            Map.entry("RegistrationApproved", "失业登记申请审核通过"),
            Map.entry("RegistrationRejected", "失业登记申请不予登记"),
            Map.entry("UnemploymentRegistered", "失业登记"),
            Map.entry("TrackingContactRecorded", "跟踪调查"),
            Map.entry("Employed", "实现就业"),
            Map.entry("RegistrationCancelled", "注销失业登记"),
            Map.entry("PersonalDataErased", "删除个人信息"),
            Map.entry("CertificateSubmitted", "申请技能提升补贴"),
            Map.entry("CertificateRefused", "技能提升补贴不予受理"),
            Map.entry("SubsidyReviewStarted", "补贴开始审核"),
            Map.entry("SubsidyApproved", "补贴审核通过"),
            Map.entry("SubsidyRejected", "不予补贴"),
            Map.entry("SubsidyObjectionRaised", "公示异议"),
            Map.entry("SubsidyObjectionDismissed", "异议不成立"),
            Map.entry("SubsidyObjectionUpheld", "异议成立"),
            Map.entry("SubsidyPublicityEnded", "公示期满"),
            Map.entry("SubsidyReviewDeadlineMissed", "补贴审核超期"),
            Map.entry("SubsidyPaymentDeadlineMissed", "补贴拨付超期"),
            Map.entry("SubsidyPaid", "拨付补贴"),
            Map.entry("EntrepreneurshipTrainingEnrolled", "创业培训报名"),
            Map.entry("EntrepreneurshipTrainingCompleted", "创业培训结业"),
            Map.entry("EntrepreneurshipTrainingDroppedOut", "创业培训退训"),
            Map.entry("GuaranteeLoanApplied", "申请创业担保贷款"),
            Map.entry("GuaranteeLoanEligibilityAssessed", "贷款资格审核"),
            Map.entry("GuaranteeLoanApproved", "贷款审批通过"),
            Map.entry("GuaranteeLoanDeclined", "贷款未获批准"),
            Map.entry("GuaranteeLoanDisbursed", "贷款发放"),
            Map.entry("LoanRepaymentRecorded", "贷款还款"),
            Map.entry("GuaranteeLoanOverdue", "贷款逾期"),
            Map.entry("GuaranteeLoanRepaid", "贷款结清"),
            Map.entry("LoanInterestSubsidised", "财政贴息"),
            Map.entry("ComparisonBatchImported", "导入比对数据"),
            Map.entry("ComparisonRowsProcessed", "比对数据处理进度"),
            Map.entry("ComparisonBatchCompleted", "信息比对完成"),
            Map.entry("StatusChangeProposed", "提出变更建议"),
            Map.entry("StatusChangeProposalConfirmed", "确认变更建议"),
            Map.entry("StatusChangeProposalDismissed", "驳回变更建议"),
            Map.entry("JobSeekingRegistered", "求职登记"),
            Map.entry("JobIntentionsUpdated", "求职意向变更"),
            Map.entry("JobSeekingPublished", "求职登记发布"),
            Map.entry("JobSeekingRejected", "求职登记未通过"),
            Map.entry("JobSeekingReviewDeadlineMissed", "求职登记审核超期"),
            Map.entry("JobSeekingClosed", "求职登记关闭"),
            Map.entry("JobReferred", "推荐就业"),
            Map.entry("ReferralOutcomeRecorded", "推荐回访"),
            Map.entry("CareerGuidanceGiven", "职业指导"),
            Map.entry("CancellationProposed", "注销建议"),
            Map.entry("CancellationProposalConfirmed", "确认注销建议"),
            Map.entry("CancellationProposalDismissed", "驳回注销建议"),
            Map.entry("EmployerRegistered", "用人单位登记"),
            Map.entry("VacancyPosted", "发布岗位（待审核）"),
            Map.entry("VacancyPublished", "岗位审核通过"),
            Map.entry("VacancyRejected", "岗位审核未通过"),
            Map.entry("VacancyClosed", "岗位关闭"),
            Map.entry("RecruitmentGuidanceGiven", "用人单位招聘指导"),
            Map.entry("RecruitmentFairPlanned", "计划招聘会"),
            Map.entry("FairEmployerEnrolled", "用人单位参加招聘会"),
            Map.entry("FairInvitationSent", "招聘会邀请"),
            Map.entry("FairAttended", "参加招聘会"),
            Map.entry("RecruitmentFairClosed", "招聘会结束"));

    private ActionLabels() {
    }

    /** The label of an event type; a type this version does not know keeps its own name. */
    static String of(String eventType) {
        return eventType == null ? null : LABELS.getOrDefault(eventType, eventType);
    }

    static boolean knows(String eventType) {
        return LABELS.containsKey(eventType);
    }
}
