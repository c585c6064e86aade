package cn.pes.casework.security.protection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.List;

/**
 * Axon's serializers (events, snapshots, messages, tokens) get an object mapper of their own. The
 * web's mapper masks personal data for HTTP answers; the stored form must never be the masked
 * one, and must be whatever {@link AxonObjectMapperCustomizer}s make it (encrypted personal data).
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializerConfiguration {

    /**
     * The stored JSON form: the same conventions the web uses (ISO dates, no nulls), nothing masked.
     * Deliberately not an {@code ObjectMapper} bean: one would make Spring Boot's web mapper back off.
     */
    @Bean
    AxonJson axonJson(List<AxonObjectMapperCustomizer> customizers) {
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
        customizers.forEach(customizer -> customizer.customize(mapper));
        return new AxonJson(mapper);
    }

    @Bean
    @Primary
    Serializer serializer(AxonJson axonJson) {
        return jackson(axonJson.mapper());
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(AxonJson axonJson) {
        return jackson(axonJson.mapper());
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(AxonJson axonJson) {
        return jackson(axonJson.mapper());
    }

    private static Serializer jackson(ObjectMapper mapper) {
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    /** Holds the stored form's mapper without offering it to the web as an {@code ObjectMapper}. */
    public record AxonJson(ObjectMapper mapper) {
    }

    /** Adjusts the stored JSON form, e.g. to encrypt personal data. */
    public interface AxonObjectMapperCustomizer {
        void customize(ObjectMapper mapper);
    }
}
