package io.quotah.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Each service's OpenAPI document names the service and says its API takes the realm's bearer tokens. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Quotah " + service).version("v1")
                        .description("Reached through the gateway under /api; errors are RFC 9457 problem+json."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
