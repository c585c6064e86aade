package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationRefused;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.query.common.Labels;

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

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
