package dev.sluice.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON mapper for wire bodies. Every simulated API spells fields in snake_case, so records can use Java
 * names and still serialise as {@code owned_by}, {@code max_model_len} or {@code n_ctx_train}. Nulls are kept
 * because real servers send them ({@code "parent":null}) and parsers must cope.
 */
final class WireJson {

    private WireJson() {
    }

    static ObjectMapper newMapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
