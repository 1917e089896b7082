package io.hyperx.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Currency;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): both security schemes, and
 * RFC 9457 problem details as the answer to every 4xx and 5xx.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
    private static final String PROBLEM = "Problem";

    static {
        // money's currency is written and read as its ISO 4217 code, not as the java.util.Currency bean
        SpringDocUtils.getConfig().replaceWithSchema(Currency.class,
                new StringSchema().pattern("^[A-Za-z]{3}$").example("USD"));
    }

    @Bean
    OpenAPI hyperxOpenApi() {
        return new OpenAPI()
                .info(new Info().title("HyperX API").version("v1")
                        .description("Creator memberships, pay-per-view, products and tips.")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer problemResponsesInApiDocs() {
        ApiResponse problem = new ApiResponse().description("Problem details (RFC 9457)")
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            operation.getResponses().putIfAbsent("4XX", problem);
            operation.getResponses().putIfAbsent("5XX", problem);
        }));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("stable machine-readable code"));
    }
}
