package cn.pes.casework.query.projection;

import cn.pes.casework.query.agencycaseload.AgencyCaseloadProjection;
import cn.pes.casework.query.areastatistics.AreaStatisticsProjection;
import cn.pes.casework.query.audittrail.OfficerActionsProjection;
import cn.pes.casework.query.casehistory.CaseHistoryProjection;
import cn.pes.casework.query.caselookup.CaseLookupProjection;
import cn.pes.casework.query.casesummary.CaseSummaryProjection;
import cn.pes.casework.query.employerguidance.EmployerGuidanceProjection;
import cn.pes.casework.query.fairs.RecruitmentFairsProjection;
import cn.pes.casework.query.jobfigures.JobFiguresProjection;
import cn.pes.casework.query.registrationflows.RegistrationFlowsProjection;
import cn.pes.casework.query.subsidypipeline.SubsidyPipelineProjection;
import cn.pes.casework.query.subsidytotals.SubsidyTotalsProjection;
import cn.pes.casework.query.vacancies.VacanciesProjection;
import cn.pes.casework.query.jobseekers.JobSeekersProjection;
import cn.pes.casework.query.trackingledger.TrackingLedgerProjection;
import cn.pes.casework.query.comparison.ComparisonBatchesProjection;
import cn.pes.casework.query.comparison.StatusChangeProposalsProjection;
import cn.pes.casework.query.entrepreneurship.CaseEntrepreneurshipProjection;
import cn.pes.casework.query.entrepreneurship.EntrepreneurshipFiguresProjection;
import cn.pes.casework.query.entrepreneurship.LoanPipelineProjection;
import cn.pes.casework.query.entrepreneurship.TrainingRollsProjection;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class ProjectionProcessingConfiguration {

    /** One processing group per read model, so each can be replayed on its own. */
    public static final List<String> PROCESSING_GROUPS = List.of(
            CaseSummaryProjection.PROCESSING_GROUP,
            CaseHistoryProjection.PROCESSING_GROUP,
            CaseLookupProjection.PROCESSING_GROUP,
            TrackingLedgerProjection.PROCESSING_GROUP,
            AgencyCaseloadProjection.PROCESSING_GROUP,
            RegistrationFlowsProjection.PROCESSING_GROUP,
            SubsidyPipelineProjection.PROCESSING_GROUP,
            SubsidyTotalsProjection.PROCESSING_GROUP,
            VacanciesProjection.PROCESSING_GROUP,
            RecruitmentFairsProjection.PROCESSING_GROUP,
            JobFiguresProjection.PROCESSING_GROUP,
            EmployerGuidanceProjection.PROCESSING_GROUP,
            JobSeekersProjection.PROCESSING_GROUP,
            AreaStatisticsProjection.PROCESSING_GROUP,
            OfficerActionsProjection.PROCESSING_GROUP,
            CaseEntrepreneurshipProjection.PROCESSING_GROUP,
            LoanPipelineProjection.PROCESSING_GROUP,
            TrainingRollsProjection.PROCESSING_GROUP,
            EntrepreneurshipFiguresProjection.PROCESSING_GROUP,
            ComparisonBatchesProjection.PROCESSING_GROUP,
            StatusChangeProposalsProjection.PROCESSING_GROUP);

    @Bean
    public ProjectionProcessorsModule queryProjectionProcessors(
            @Qualifier("readModelMongoClient") MongoClient readModelMongoClient,
            @Value("${pes.mongo.database:casework}") String database,
            ProjectionWriter writer,
            @Value("${pes.projections.batch-size:200}") int batchSize,
            @Value("${pes.projections.initial-segments:4}") int initialSegments,
            @Value("${pes.projections.max-claimed-segments:0}") int maxClaimedSegments,
            Clock clock) {
        return new ProjectionProcessorsModule(readModelMongoClient, database, writer,
                                              new ProjectionSettings(batchSize, initialSegments, maxClaimedSegments),
                                              PROCESSING_GROUPS, clock);
    }
}
