package dev.sluice.domain.routing;

import java.util.Objects;

/**
 * What sticky routing did for one request, reported in {@code X-Olla-Sticky-Session}.
 *
 * @param result {@code hit} (went to its pinned endpoint), {@code miss} (first time: pinned now) or {@code repin}
 *               (its endpoint could not take it; pinned to a new one)
 */
public record StickyOutcome(String result, StickyKey key) {

    public StickyOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(key, "key");
    }
}
