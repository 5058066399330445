package dev.sluice.domain.conversation;

import java.util.List;
import java.util.Objects;

/** One turn: who spoke and the parts, in order. */
public record Message(Role role, List<Part> parts) {

    public Message {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
    }
}
