package dev.sluice.adapters.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sluice.adapters.config.schema.DurationDeserializer;
import java.time.Duration;

/** The one way we read YAML: snake_case keys, Go durations, and unknown keys rejected. */
final class YamlMappers {

    private YamlMappers() {
    }

    static YAMLMapper strict() {
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .addModule(new SimpleModule("sluice-durations").addDeserializer(Duration.class, new DurationDeserializer()))
                .build();
    }

    /** Profiles and model rules: descriptive documents that grow new sections, so unknown keys are tolerated. */
    static YAMLMapper lenient() {
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("sluice-durations").addDeserializer(Duration.class, new DurationDeserializer()))
                .build();
    }

    static JsonMapper json() {
        return JsonMapper.builder().build();
    }
}
