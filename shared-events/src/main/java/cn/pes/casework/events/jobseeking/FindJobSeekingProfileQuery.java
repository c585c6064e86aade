package cn.pes.casework.events.jobseeking;

/** A person's job seeking: the latest registration, referrals and guidance. Answers {@link JobSeekingProfileView}. */
public record FindJobSeekingProfileQuery(String caseId) {
}
