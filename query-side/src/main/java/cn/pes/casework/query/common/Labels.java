package cn.pes.casework.query.common;

import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.entrepreneurship.TrainingStatus;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.LoanHolder;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchOutcome;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.entrepreneurship.OverdueSource;
import cn.pes.casework.events.entrepreneurship.LoanCondition;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence.EvidenceSource;
import cn.pes.casework.events.cancellation.Notification.NotificationMethod;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyStatus;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.integrity.ChainBreak;
import cn.pes.casework.events.replay.ReplayState;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingStatus;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.matching.MatchCriterion;
import cn.pes.casework.events.matching.MatchLevel;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.RegistrationOutcome;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadline;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.ServiceGiven;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import cn.pes.casework.events.asof.TimeBasis;

/**
 * Chinese names of every enum constant of the message contract, kept in one place so that the
 * history, the ledger and any later report use the same words. A constant without a label falls
 * back to its code (a test makes sure none is missing).
 */
public final class Labels {

    private static final Map<Enum<?>, String> LABELS = new HashMap<>();

    /** Refusal codes are open-ended strings chosen by the command side; unknown ones show as the code. */
    private static final Map<String, String> REFUSAL_CODES = Map.ofEntries(
            Map.entry("UNDER_MINIMUM_AGE", "未满16周岁"),
            Map.entry("RECEIVING_PENSION", "已按月领取基本养老金"),
            Map.entry("EMPLOYED", "已就业"),
            Map.entry("UNABLE_TO_WORK", "无劳动能力"),
            Map.entry("NOT_WANTING_WORK", "无就业要求"),
            Map.entry("DOCUMENT_NOT_PRESENTED", "未出示社会保障卡或居民身份证"),
            // Skills subsidy refusals (CertificateRefused)
            Map.entry("CERTIFICATE_TOO_OLD", "证书取得已超过12个月"),
            Map.entry("ISSUED_AFTER_RECEIPT", "发证日期晚于受理日期"),
            Map.entry("CERTIFICATE_ALREADY_USED", "证书编号已申领过补贴"),
            Map.entry("OCCUPATION_LEVEL_ALREADY_SUBSIDISED", "同一职业同一等级已享受过补贴"),
            Map.entry("YEARLY_LIMIT_REACHED", "本年度已享受3次补贴"),
            Map.entry("LEVEL_NOT_SUBSIDISED", "该等级不在补贴范围"),
            Map.entry("UNKNOWN_DEPARTMENT", "受理部门不存在"),
            Map.entry("GRADUATION_DATE_MISSING", "两后生未填写毕业日期"),
            // Guarantee loan conditions (GuaranteeLoanEligibilityAssessed, LoanCondition)
            Map.entry("NOT_IN_KEY_GROUP", "不属于创业担保贷款扶持对象"),
            Map.entry("OVER_AGE_LIMIT", "超过年龄上限（女不超过55周岁、男不超过60周岁）"),
            Map.entry("NO_CONCRETE_PROJECT", "无具体创业项目"),
            Map.entry("BUSINESS_NOT_REGISTERED_IN_CITY", "经营实体未在本市依法登记"),
            Map.entry("EXCLUDED_LOAN_HELD", "本人或配偶有不允许的其他贷款"),
            Map.entry("CONSUMER_LOANS_OVER_THRESHOLD", "本人及配偶小额消费贷款（含信用卡）超过限额"),
            Map.entry("AMOUNT_OVER_LIMIT", "申请金额超过额度上限"),
            Map.entry("TERM_OVER_LIMIT", "申请期限超过上限"),
            Map.entry("OPEN_GUARANTEE_LOAN", "尚有未结清的创业担保贷款"),
            Map.entry("LOAN_COUNT_REACHED", "累计享受创业担保贷款已达次数上限"),
            Map.entry("PREVIOUS_LOAN_OVERDUE", "曾有创业担保贷款逾期"));

    static {
        put(CancellationGround.RECEIVES_PENSION, "按月领取基本养老金");
        put(CancellationGround.LOST_ABILITY_TO_WORK, "完全丧失劳动能力");
        put(CancellationGround.FULL_TIME_SCHOOL, "进入全日制学校学习");
        put(CancellationGround.ENLISTED, "应征入伍");
        put(CancellationGround.MOVED_ABROAD, "移居境外");
        put(CancellationGround.IMPRISONED, "被判刑收监执行");
        put(CancellationGround.DIED, "死亡");
        put(CancellationGround.DROPPED_JOB_SEEKING, "放弃求职要求或拒绝接受公共就业服务");
        put(CancellationGround.NO_CONTACT_SIX_MONTHS, "连续6个月未与公共就业服务机构联系");
        put(CancellationGround.REFUSED_OFFERS_THREE_TIMES, "无正当理由三次拒绝推荐就业或培训");

        put(EvidenceSource.DATA_MATCH, "信息比对");
        put(EvidenceSource.VISIT, "实地走访");
        put(EvidenceSource.CALL, "电话核实");
        put(EvidenceSource.DOCUMENT, "书面材料");
        put(EvidenceSource.STATEMENT, "本人陈述");
        put(EvidenceSource.CONTACT_RECORD, "联系记录");

        put(NotificationMethod.IN_PERSON, "当面告知");
        put(NotificationMethod.PHONE, "电话告知");
        put(NotificationMethod.SMS, "短信告知");
        put(NotificationMethod.LETTER, "书面告知");
        put(NotificationMethod.ONLINE_MESSAGE, "网上消息告知");

        put(RegistrationStatus.NOT_REGISTERED, "未登记");
        put(RegistrationStatus.PENDING, "待审核");
        put(RegistrationStatus.ACTIVE, "登记有效");
        put(RegistrationStatus.EMPLOYED, "已就业");
        put(RegistrationStatus.CANCELLED, "已注销");
        put(RegistrationStatus.REJECTED, "不予登记");

        put(EmploymentType.EMPLOYED_BY_UNIT, "单位就业");
        put(EmploymentType.SELF_EMPLOYED, "自主创业/个体经营");
        put(EmploymentType.FLEXIBLE, "灵活就业");

        put(PresentedDocument.SOCIAL_SECURITY_CARD, "社会保障卡");
        put(PresentedDocument.ELECTRONIC_SOCIAL_SECURITY_CARD, "电子社保卡");
        put(PresentedDocument.RESIDENT_ID_CARD, "居民身份证");

        put(RegistrationOutcome.Status.ACTIVE, "登记有效");
        put(RegistrationOutcome.Status.PENDING, "待审核");
        put(RegistrationOutcome.Status.REFUSED, "不予受理");

        put(UnemploymentReason.LOST_JOB, "失去工作");
        put(UnemploymentReason.GRADUATE, "毕业未就业");
        put(UnemploymentReason.OWN_BUSINESS_CLOSED, "自主经营歇业");
        put(UnemploymentReason.FLEXIBLE_WORK_ENDED, "灵活就业结束");
        put(UnemploymentReason.RELEASED_FROM_PRISON, "刑满释放");
        put(UnemploymentReason.DISCHARGED_SOLDIER, "退役");
        put(UnemploymentReason.RURAL_WORKER, "农村进城务工");
        put(UnemploymentReason.LAND_REQUISITIONED, "被征地");
        put(UnemploymentReason.OTHER, "其他");

        put(Channel.WINDOW, "窗口");
        put(Channel.PROVINCIAL_GOVERNMENT_WEB, "省政务服务网");
        put(Channel.NATIONAL_HRSS_PLATFORM, "国家人社服务平台（掌上12333）");
        put(Channel.CITY_PES_CLOUD, "市公共就业服务云平台");
        put(Channel.BACK_OFFICE, "经办人员");

        put(PersonCategory.POVERTY_ALLEVIATED, "脱贫人口");
        put(PersonCategory.EMPLOYMENT_DIFFICULTY, "就业困难人员");
        put(PersonCategory.ZERO_EMPLOYMENT_FAMILY, "零就业家庭成员");
        put(PersonCategory.DISABLED, "残疾人");
        put(PersonCategory.LOW_INCOME_FAMILY, "低保/低收入家庭成员");
        put(PersonCategory.TWO_AFTER_STUDENT, "两后生");
        put(PersonCategory.VETERAN, "退役军人");
        put(PersonCategory.RELEASED_PRISONER, "刑满释放人员");
        put(PersonCategory.GRADUATE, "高校及职业院校毕业生");

        put(RuleViolation.Kind.INVALID, "输入有误");
        put(RuleViolation.Kind.REFUSED, "不符合规定");
        put(RuleViolation.Kind.CONFLICT, "当前状态不允许");
        put(RuleViolation.Kind.NOT_FOUND, "未找到");

        put(Sex.MALE, "男");
        put(Sex.FEMALE, "女");

        put(ContactMethod.INFORMATION_COMPARISON, "信息比对");
        put(ContactMethod.ON_SITE_VISIT, "实地走访");
        put(ContactMethod.PHONE, "电话调查");

        put(EmploymentStatus.UNEMPLOYED, "未就业");
        put(EmploymentStatus.EMPLOYED_BY_UNIT, "单位就业");
        put(EmploymentStatus.FLEXIBLE, "灵活就业");
        put(EmploymentStatus.SELF_EMPLOYED, "自主创业/个体经营");

        put(ServiceGiven.POLICY_INFORMATION, "政策咨询");
        put(ServiceGiven.CAREER_GUIDANCE, "职业指导");
        put(ServiceGiven.JOB_INTRODUCTION, "职业介绍");
        put(ServiceGiven.TRAINING, "职业培训");
        put(ServiceGiven.ENTREPRENEURSHIP_SUPPORT, "创业服务");
        put(ServiceGiven.EMPLOYMENT_ASSISTANCE, "就业援助");
        put(ServiceGiven.SUBSIDY_APPLICATION, "补贴申领");

        put(CertificateLevel.LEVEL_5, "五级/初级工");
        put(CertificateLevel.LEVEL_4, "四级/中级工");
        put(CertificateLevel.LEVEL_3, "三级/高级工");
        put(CertificateLevel.LEVEL_2, "二级/技师");
        put(CertificateLevel.LEVEL_1, "一级/高级技师");

        put(ApplicationPlace.HOUSEHOLD_REGISTRATION, "户籍地");
        put(ApplicationPlace.INSURED, "参保地");
        put(ApplicationPlace.EMPLOYMENT, "就业地");

        put(SubsidyStage.RECEIVED, "已受理，待审核");
        put(SubsidyStage.IN_REVIEW, "审核中");
        put(SubsidyStage.IN_PUBLICITY, "公示中");
        put(SubsidyStage.OBJECTED, "公示异议待处理");
        put(SubsidyStage.AWAITING_PAYMENT, "待拨付");
        put(SubsidyStage.PAID, "已拨付");
        put(SubsidyStage.REJECTED, "不予补贴");

        put(EmploymentForm.FULL_TIME, "全日制");
        put(EmploymentForm.PART_TIME, "非全日制");
        put(VacancyStatus.PENDING_REVIEW, "待审核");
        put(VacancyStatus.PUBLISHED, "已发布");
        put(VacancyStatus.REJECTED, "审核未通过");
        put(VacancyStatus.CLOSED, "已关闭");
        put(VacancyCloseReason.FILLED, "已招满");
        put(VacancyCloseReason.WITHDRAWN, "已撤回");

        put(RecruitmentGuidanceTopic.RECRUITMENT_METHOD, "招聘方法指导");
        put(RecruitmentGuidanceTopic.HIRING_CRITERIA, "用人标准指导");
        put(RecruitmentGuidanceTopic.EMPLOYMENT_PRACTICE, "用工规范指导");
        put(FairFormat.ONLINE, "网络招聘会");
        put(FairFormat.OFFLINE, "现场招聘会");
        put(EducationLevel.PRIMARY_OR_BELOW, "小学及以下");
        put(EducationLevel.JUNIOR_SECONDARY, "初中");
        put(EducationLevel.SENIOR_SECONDARY, "高中");
        put(EducationLevel.VOCATIONAL_SECONDARY, "中专、技校、职高");
        put(EducationLevel.JUNIOR_COLLEGE, "大专");
        put(EducationLevel.BACHELOR, "本科");
        put(EducationLevel.POSTGRADUATE, "研究生");
        put(GuidanceTopic.POLICY_INFORMATION, "政策咨询");
        put(GuidanceTopic.JOB_SEEKING_METHOD, "求职方法指导");
        put(GuidanceTopic.CAREER_DIRECTION, "职业方向指导");
        put(GuidanceTopic.TRAINING_ADVICE, "培训建议");
        put(GuidanceTopic.VOCATIONAL_ASSESSMENT, "职业测评");
        put(GuidanceTopic.SPECIAL_GROUP_GUIDANCE, "特殊群体就业指导");
        put(JobSeekingCloseReason.PLACED, "推荐成功就业");
        put(JobSeekingCloseReason.EMPLOYED, "已就业");
        put(JobSeekingCloseReason.REGISTRATION_CANCELLED, "失业登记已注销");
        put(JobSeekingStatus.PENDING_REVIEW, "待审核");
        put(JobSeekingStatus.PUBLISHED, "已发布");
        put(JobSeekingStatus.REJECTED, "审核未通过");
        put(JobSeekingStatus.CLOSED, "已关闭");
        put(ReferralOutcome.INTERVIEWED, "已面试");
        put(ReferralOutcome.HIRED, "已录用");
        put(ReferralOutcome.NOT_HIRED, "未录用");
        put(ReferralOutcome.REFUSED_WITH_GOOD_REASON, "本人拒绝（有正当理由）");
        put(ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON, "本人无正当理由拒绝");
        put(ReferralOutcome.NO_SHOW, "未到场");
        put(MatchCriterion.OCCUPATION, "职业");
        put(MatchCriterion.AREA, "地区");
        put(MatchCriterion.WAGE, "工资");
        put(MatchCriterion.FORM, "用工形式");
        put(MatchLevel.FULL, "符合");
        put(MatchLevel.PARTIAL, "部分符合");
        put(MatchLevel.NONE, "不符合");

        put(MissedSubsidyDeadline.Kind.REVIEW, "审核超期");
        put(MissedSubsidyDeadline.Kind.PAYMENT, "拨付超期");

        put(ChainBreak.Kind.CONTENT_CHANGED, "内容被改动");
        put(ChainBreak.Kind.LINK_BROKEN, "链接断开");
        put(ChainBreak.Kind.SEQUENCE_GAP, "事件缺失");
        put(ChainBreak.Kind.HASH_MISSING, "哈希缺失");
        put(ReplayState.QUEUED, "排队中");
        put(ReplayState.RUNNING, "运行中");
        put(ReplayState.DONE, "已完成");
        put(ReplayState.FAILED, "失败");
        put(ReplayState.CANCELLED, "已取消");
        put(ReplayState.INTERRUPTED, "已中断");
        put(TimeBasis.RECORDED, "按记录时间（当时所知）");
        put(TimeBasis.EFFECTIVE, "按生效时间（现已知当时情况）");

        put(TrainingType.START_YOUR_BUSINESS, "创办你的企业（SYB）培训");
        put(TrainingType.ONLINE, "网络创业培训");
        put(TrainingType.SPECIAL_PRACTICAL, "创业实训项目");

        put(TrainingStatus.ENROLLED, "在训");
        put(TrainingStatus.COMPLETED, "结业");
        put(TrainingStatus.DROPPED_OUT, "中途退训");

        put(LoanKeyGroup.REGISTERED_UNEMPLOYED, "城镇登记失业人员");
        put(LoanKeyGroup.EMPLOYMENT_DIFFICULTY, "就业困难人员（含残疾人）");
        put(LoanKeyGroup.VETERAN, "复员转业退役军人");
        put(LoanKeyGroup.RELEASED_PRISONER, "刑满释放人员");
        put(LoanKeyGroup.GRADUATE, "高校及职业院校、技工院校毕业生");
        put(LoanKeyGroup.OVER_CAPACITY_WORKER, "化解过剩产能企业职工和失业人员");
        put(LoanKeyGroup.RETURNING_MIGRANT_WORKER, "返乡创业农民工");
        put(LoanKeyGroup.ONLINE_MERCHANT, "网络商户");
        put(LoanKeyGroup.POVERTY_ALLEVIATED, "脱贫人口");
        put(LoanKeyGroup.FARMER, "农村自主创业农民");

        put(LegalForm.INDIVIDUAL_BUSINESS, "个体工商户");
        put(LegalForm.SOLE_PROPRIETORSHIP, "个人独资企业");
        put(LegalForm.PARTNERSHIP, "合伙企业");
        put(LegalForm.LIMITED_COMPANY, "有限责任公司");
        put(LegalForm.FARMERS_COOPERATIVE, "农民专业合作社");
        put(LegalForm.OTHER, "其他");

        put(ExistingLoanType.STUDENT, "助学贷款");
        put(ExistingLoanType.POVERTY_RELIEF, "扶贫贷款");
        put(ExistingLoanType.HOUSING, "住房贷款");
        put(ExistingLoanType.CAR, "购车贷款");
        put(ExistingLoanType.CONSUMER, "个人消费贷款（含信用卡）");
        put(ExistingLoanType.BUSINESS, "经营性贷款");
        put(ExistingLoanType.OTHER, "其他贷款");

        put(LoanHolder.APPLICANT, "本人");
        put(LoanHolder.SPOUSE, "配偶");

        put(LoanStage.ELIGIBLE, "待担保审批");
        put(LoanStage.REFUSED, "资格审核未通过");
        put(LoanStage.DECLINED, "未获批准");
        put(LoanStage.APPROVED, "已审批待放款");
        put(LoanStage.DISBURSED, "还款中");
        put(LoanStage.OVERDUE, "逾期");
        put(LoanStage.REPAID, "已结清");

        put(OverdueSource.LENDER_REPORT, "银行报告逾期");
        put(OverdueSource.MATURITY_PASSED, "到期未结清");

        put(LoanCondition.NOT_IN_KEY_GROUP, "不属于创业担保贷款扶持对象");
        put(LoanCondition.OVER_AGE_LIMIT, "超过年龄上限（女不超过55周岁、男不超过60周岁）");
        put(LoanCondition.NO_CONCRETE_PROJECT, "无具体创业项目");
        put(LoanCondition.BUSINESS_NOT_REGISTERED_IN_CITY, "经营实体未在本市依法登记");
        put(LoanCondition.EXCLUDED_LOAN_HELD, "本人或配偶有不允许的其他贷款");
        put(LoanCondition.CONSUMER_LOANS_OVER_THRESHOLD, "本人及配偶小额消费贷款（含信用卡）超过限额");
        put(LoanCondition.AMOUNT_OVER_LIMIT, "申请金额超过额度上限");
        put(LoanCondition.TERM_OVER_LIMIT, "申请期限超过上限");
        put(LoanCondition.OPEN_GUARANTEE_LOAN, "尚有未结清的创业担保贷款");
        put(LoanCondition.LOAN_COUNT_REACHED, "累计享受创业担保贷款已达次数上限");
        put(LoanCondition.PREVIOUS_LOAN_OVERDUE, "曾有创业担保贷款逾期");

        put(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, "社会保险参保登记");
        put(ExternalRecordKind.BUSINESS_REGISTRATION, "市场主体登记");
        put(ExternalRecordKind.PENSION_START, "按月领取基本养老金");
        put(ExternalRecordKind.DEATH, "死亡");
        put(ExternalRecordKind.FULL_TIME_SCHOOL, "全日制学历教育入学");
        put(ExternalRecordKind.ENLISTMENT, "应征入伍");
        put(ExternalRecordKind.DEPARTURE_ABROAD, "出国（境）定居");
        put(ExternalRecordKind.IMPRISONMENT, "被判刑收监执行");

        put(MatchOutcome.PROPOSED, "已提出变更建议");
        put(MatchOutcome.CONTACT_ONLY, "仅记录比对联系");
        put(MatchOutcome.NOT_ACTIVE, "无有效失业登记");
        put(MatchOutcome.BEFORE_REGISTRATION, "早于本次登记");
        put(MatchOutcome.NO_CASE, "未建档");

        put(ProposalSource.REFERRAL_REFUSALS, "无正当理由拒绝推荐就业");
        put(ProposalSource.DATA_MATCH, "信息比对");
        put(ProposalSource.LOST_CONTACT, "连续失联");

        put(ProposalState.OPEN, "待核实");
        put(ProposalState.CONFIRMED, "已确认");
        put(ProposalState.DISMISSED, "已驳回");
        put(ProposalState.LAPSED, "已失效");

        put(ComparisonBatchStatus.PROCESSING, "比对中");
        put(ComparisonBatchStatus.COMPLETED, "比对完成");

        put(RecordFileFormat.CSV, "CSV 文件");
        put(RecordFileFormat.XLSX, "Excel 工作簿（.xlsx）");
        put(IdNumberFormat.Problem.MISSING, "未填写身份证号码");
        put(IdNumberFormat.Problem.FORMAT, "身份证号码格式不正确");
        put(IdNumberFormat.Problem.REGION, "身份证号码地区码不存在");
        put(IdNumberFormat.Problem.BIRTH_DATE, "身份证号码出生日期不正确");
        put(IdNumberFormat.Problem.CHECK_DIGIT, "身份证号码校验码不正确");
    }

    private Labels() {
    }

    private static void put(Enum<?> constant, String label) {
        LABELS.put(constant, label);
    }

    /** The Chinese name of a constant; null for null. */
    public static String of(Enum<?> constant) {
        if (constant == null) {
            return null;
        }
        return LABELS.getOrDefault(constant, constant.name());
    }

    public static boolean has(Enum<?> constant) {
        return LABELS.containsKey(constant);
    }

    /**
     * Labels joined with the Chinese enumeration comma, in declaration order: sets arrive in any
     * order after deserialization and a replay must write the same text.
     */
    public static String join(Collection<? extends Enum<?>> constants) {
        if (constants == null || constants.isEmpty()) {
            return "";
        }
        return constants.stream()
                        .sorted(Comparator.comparingInt(Enum::ordinal))
                        .map(Labels::of)
                        .collect(Collectors.joining("、"));
    }

    public static String refusal(RefusalReason reason) {
        if (reason == null) {
            return null;
        }
        String label = REFUSAL_CODES.getOrDefault(reason.code(), reason.code());
        return reason.ruleId() == null ? label : label + "（" + reason.ruleId() + "）";
    }
}
