package dev.sluice.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Completion ids as llama-server spells them on every OpenAI route (even {@code /v1/completions}) and on
 * {@code /v1/messages}: {@code chatcmpl-} and 32 letters or digits. Counted rather than random, so two runs of a
 * test see the same bytes. Thread-safe: one instance serves every generating route of a server.
 */
final class LlamaCppIds {

    private final AtomicLong issued = new AtomicLong();

    String next() {
        return String.format("chatcmpl-sim%029d", issued.incrementAndGet());
    }
}
