package cn.pes.casework.events.registration;

import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;

public record PendingApplication(String caseId, int spell, PersonalData person, Channel channel,
                                 LocalDate appliedOn, LocalDate decisionDueOn, boolean dueDateProvisional,
                                 boolean overdue) {
}
