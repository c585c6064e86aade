package cn.pes.casework.events.subsidy;

import cn.pes.casework.events.shared.PersonalData;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One application as the pipeline and the case page show it.
 *
 * @param person        masked as the asking officer may see it
 * @param dueOn         the running clock's due date (review, payment), the publicity's last day, or null
 * @param daysLeft      calendar days from the query's day to {@code dueOn}; negative when overdue; null without a clock
 * @param missedDeadline a review or payment deadline of this application was missed
 * @param subsidyAmount null until approved
 * @param openObjectionId the objection to resolve while the stage is OBJECTED (the earliest open one), else null
 */
public record SubsidyApplicationLine(String caseId, String applicationId, String departmentId, PersonalData person,
                                     String occupation, CertificateLevel level, LocalDate receivedOn,
                                     SubsidyStage stage, LocalDate dueOn, Integer daysLeft, boolean missedDeadline,
                                     BigDecimal subsidyAmount, BigDecimal allowanceAmount, LocalDate paidOn,
                                     String openObjectionId) {
}
