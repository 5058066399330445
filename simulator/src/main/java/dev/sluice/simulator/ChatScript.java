package dev.sluice.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How a simulated backend generates: how many content chunks a completion has and how long it waits between
 * them. The text is fixed words in a fixed order, so a test can predict every byte a proxy should relay.
 *
 * @param chunks           content chunks per completion (each is one token-like word)
 * @param interChunkDelay  pause before each chunk after the first; zero streams as fast as the socket allows
 */
public record ChatScript(int chunks, Duration interChunkDelay) {

    private static final List<String> WORDS = List.of("The", " quick", " brown", " fox", " jumps", " over", " the",
            " lazy", " dog", ".");

    public ChatScript {
        requireNonNull(interChunkDelay, "interChunkDelay");
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks must be >= 1 but was " + chunks);
        }
        if (interChunkDelay.isNegative()) {
            throw new IllegalArgumentException("interChunkDelay must not be negative but was " + interChunkDelay);
        }
    }

    /** Five quick chunks: enough to see streaming, fast enough for any test. */
    public static ChatScript defaults() {
        return new ChatScript(5, Duration.ZERO);
    }

    /** The text of chunk {@code index} (0-based): the words cycle, so any chunk count is deterministic. */
    public String token(int index) {
        return WORDS.get(index % WORDS.size());
    }

    /** All chunks joined: what a non-streaming answer contains and what a streamed one adds up to. */
    public String fullText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            text.append(token(i));
        }
        return text.toString();
    }
}
