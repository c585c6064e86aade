package cn.pes.casework.query.matching;

import cn.pes.casework.events.employer.VacancyLine;
import cn.pes.casework.events.jobseeking.FindJobSeekingProfileQuery;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.jobseeking.JobSeekingStatus;
import cn.pes.casework.events.matching.CandidateMatch;
import cn.pes.casework.events.matching.CandidateMatchesView;
import cn.pes.casework.events.matching.FindCandidateMatchesQuery;
import cn.pes.casework.events.matching.FindVacancyMatchesQuery;
import cn.pes.casework.events.matching.VacancyMatch;
import cn.pes.casework.events.matching.VacancyMatchesView;
import cn.pes.casework.query.jobseekers.JobSeekersQueries;
import cn.pes.casework.query.jobseekers.JobSeekersQueries.PublishedJobSeeker;
import cn.pes.casework.query.vacancies.OpenVacancyLines;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matching (人岗匹配, JOB-4): open vacancies city-wide for a published job seeker, and published job
 * seekers city-wide for an open vacancy, scored by {@link Matcher} with the configured
 * {@link MatchingWeights}. Equal scores go newest published first, then by ID, so that the same data
 * always gives the same list. Reads only {@code _id}-keyed documents of the vacancies and job-seekers
 * read models; candidates' personal data is opened only for the lines answered.
 */
@Component
public class MatchingQueries {

    private record Scored<T>(T subject, Matcher.Result result, LocalDate publishedOn, String id) {
    }

    private final JobSeekersQueries jobSeekers;
    private final OpenVacancyLines vacancies;
    private final MatchingWeights weights;
    private final Matcher matcher;

    public MatchingQueries(JobSeekersQueries jobSeekers, OpenVacancyLines vacancies, MatchingWeights weights,
                           AgencyDirectory agencies) {
        this.jobSeekers = jobSeekers;
        this.vacancies = vacancies;
        this.weights = weights;
        this.matcher = new Matcher(weights, agencies);
    }

    /** Empty when the person has no published, open job-seeking registration. */
    @QueryHandler
    public VacancyMatchesView handle(FindVacancyMatchesQuery query) {
        JobSeekingProfileView profile = jobSeekers.handle(new FindJobSeekingProfileQuery(query.caseId()));
        if (profile == null || profile.status() != JobSeekingStatus.PUBLISHED || profile.intentions() == null) {
            return new VacancyMatchesView(query.caseId(), List.of());
        }
        String wantedArea = wantedArea(profile.intentions().areaAgencyId(), profile.agencyId());
        List<Scored<VacancyLine>> scored = new ArrayList<>();
        for (VacancyLine vacancy : vacancies.cityWide()) {
            Matcher.Result result = matcher.match(profile.intentions(), wantedArea, offer(vacancy));
            scored.add(new Scored<>(vacancy, result, vacancy.publishedOn(), vacancy.employerId() + "|" + vacancy.vacancyId()));
        }
        List<VacancyMatch> matches = best(scored, query.limit()).stream()
                .map(s -> new VacancyMatch(s.subject(), s.result().score(), s.result().reasons()))
                .toList();
        return new VacancyMatchesView(query.caseId(), matches);
    }

    /** Empty when the vacancy is not open (unknown, pending review, rejected or closed). */
    @QueryHandler
    public CandidateMatchesView handle(FindCandidateMatchesQuery query) {
        VacancyLine vacancy = vacancies.openVacancy(query.employerId(), query.vacancyId());
        if (vacancy == null) {
            return new CandidateMatchesView(query.employerId(), query.vacancyId(), List.of());
        }
        Matcher.Offer offer = offer(vacancy);
        List<Scored<PublishedJobSeeker>> scored = new ArrayList<>();
        for (PublishedJobSeeker seeker : jobSeekers.publishedCityWide()) {
            if (seeker.intentions() == null) {
                continue;
            }
            Matcher.Result result = matcher.match(seeker.intentions(),
                    wantedArea(seeker.intentions().areaAgencyId(), seeker.agencyId()), offer);
            scored.add(new Scored<>(seeker, result, seeker.publishedOn(), seeker.caseId()));
        }
        List<CandidateMatch> matches = best(scored, query.limit()).stream()
                .map(s -> new CandidateMatch(s.subject().caseId(), jobSeekers.person(s.subject()), s.subject().agencyId(),
                        s.subject().basics(), s.subject().intentions(), s.result().score(), s.result().reasons()))
                .toList();
        return new CandidateMatchesView(query.employerId(), query.vacancyId(), matches);
    }

    private <T> List<Scored<T>> best(List<Scored<T>> scored, int requestedLimit) {
        scored.sort(Comparator.<Scored<T>>comparingInt(s -> s.result().score()).reversed()
                              .thenComparing(Scored::publishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
                              .thenComparing(Scored::id));
        return scored.subList(0, Math.min(weights.limit(requestedLimit), scored.size()));
    }

    private static String wantedArea(String intentionsArea, String agencyId) {
        return intentionsArea != null && !intentionsArea.isBlank() ? intentionsArea : agencyId;
    }

    private static Matcher.Offer offer(VacancyLine vacancy) {
        return new Matcher.Offer(vacancy.occupation(), vacancy.wage(), vacancy.areaAgencyId(), vacancy.form());
    }
}
