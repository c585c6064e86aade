package cn.pes.casework.command.comparison;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code pes.comparison.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComparisonProperties.class)
public class ComparisonConfiguration {
}
