package cn.pes.casework.events.entrepreneurship;

import cn.pes.casework.events.shared.PersonalData;

/** @param person as stored (opened with the person's key); the web layer masks it on the way out */
public record TrainingRollEntry(PersonalData person, TrainingView training) {
}
