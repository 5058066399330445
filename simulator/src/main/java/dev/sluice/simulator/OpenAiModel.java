package dev.sluice.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The plain OpenAI model entry. {@code created} is omitted when null because LM Studio leaves it out, and a
 * parser that insists on it should fail against the simulator as it would against LM Studio.
 */
record OpenAiModel(String id, String object, @JsonInclude(JsonInclude.Include.NON_NULL) Long created,
                   String ownedBy) {

    static OpenAiModel of(SimulatedModel model, Long created, String ownedBy) {
        return new OpenAiModel(model.name(), "model", created, ownedBy);
    }

    /** A route listing every model this way, {@code created} taken from the backend clock per request. */
    static Route listRoute(String ownedBy) {
        return exchange -> exchange.json(200,
                ModelList.of(exchange.models(), model -> of(model, exchange.epochSecond(), ownedBy)));
    }
}
