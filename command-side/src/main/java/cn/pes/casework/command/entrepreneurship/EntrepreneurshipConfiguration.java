package cn.pes.casework.command.entrepreneurship;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code pes.entrepreneurship.*} and answers the designated institutions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EntrepreneurshipProperties.class)
public class EntrepreneurshipConfiguration {

    @Bean
    TrainingInstitutions trainingInstitutions(EntrepreneurshipProperties properties) {
        return new TrainingInstitutions(properties.institutions());
    }

    @Bean
    TrainingInstitutionQueryHandler trainingInstitutionQueryHandler(TrainingInstitutions institutions) {
        return new TrainingInstitutionQueryHandler(institutions);
    }
}
