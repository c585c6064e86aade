package cn.pes.casework.security;

import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * Sign-in, roles, agency scope, the access log and personal-data protection, for whichever process
 * includes this module (command side, query side or both). Runs before Axon's and Spring Security's
 * own auto-configuration so that theirs back off where this module decides.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@ComponentScan("cn.pes.casework.security")
@EnableConfigurationProperties({AgencyDirectory.class, SecurityProperties.class})
public class SecurityModuleAutoConfiguration {
}
