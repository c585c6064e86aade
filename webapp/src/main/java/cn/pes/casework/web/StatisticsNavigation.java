package cn.pes.casework.web;

import cn.pes.casework.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The monthly statistics report (统计月报) beside the dashboard, for whoever may read their agency's statistics. */
@Configuration(proxyBeanMethods = false)
class StatisticsNavigation {

    @Bean
    PageLink statisticsLink(AccessRules rules) {
        return new PageLink(NavigationSection.STATISTICS, 20, "nav.statistics", "/statistics",
                officer -> rules.maySeeStatisticsOf(officer, officer.agencyId()));
    }
}
