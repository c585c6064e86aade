package cn.pes.casework.events.tracking;

import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;

public record UncontactedCase(String caseId, PersonalData person, LocalDate registeredOn, LocalDate lastContactDate) {
}
