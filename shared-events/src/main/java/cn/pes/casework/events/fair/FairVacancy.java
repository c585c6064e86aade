package cn.pes.casework.events.fair;

/** A vacancy offered at a fair, as published when the employer enrolled. */
public record FairVacancy(String vacancyId, String occupation, int headcount) {
}
