package cn.pes.casework.events.jobseeking;

import java.util.List;

/** Registrations waiting for review, the earliest due first. */
public record PendingJobSeekingReviewsView(String agencyId, List<PendingJobSeekingReview> reviews) {
}
