package dev.sluice.domain.model;

import java.util.Objects;

/** A name a model is known by on one platform, e.g. {@code llama3.2:3b} on {@code ollama}. */
public record ModelAlias(String name, String platform) {

    public ModelAlias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(platform, "platform");
    }
}
