package cn.pes.casework.command.fair;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Answers from the fair's own enrolments (JOB-5). Runs inside the asking handler's unit of work, so
 * the fair is loaded and locked next to the aggregate that handler changes; the asker has checked its
 * own scope, so the fair's is not asked again here.
 */
@Component
class EnrolmentFairOffers implements FairOffers {

    private final Repository<RecruitmentFair> fairs;

    EnrolmentFairOffers(Repository<RecruitmentFair> fairs) {
        this.fairs = fairs;
    }

    @Override
    public boolean offers(String fairId, String employerId, String vacancyId) {
        if (fairId == null || employerId == null || vacancyId == null) {
            return false;
        }
        try {
            return fairs.load(fairId).invoke(fair -> fair.offers(employerId, vacancyId));
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
