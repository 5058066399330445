package dev.sluice.simulator;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OpenAI's list envelope, {@code {"object":"list","data":[...]}}, which most platforms reuse with their own
 * entry shapes.
 */
record ModelList<T>(String object, List<T> data) {

    ModelList {
        data = List.copyOf(data);
    }

    static <T> ModelList<T> of(List<SimulatedModel> models, Function<SimulatedModel, T> entry) {
        return new ModelList<>("list", models.stream().map(entry).collect(Collectors.toList()));
    }
}
