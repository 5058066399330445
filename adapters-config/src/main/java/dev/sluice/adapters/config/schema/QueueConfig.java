package dev.sluice.adapters.config.schema;

import java.time.Duration;

/**
 * {@code proxy.queue} (ours): where requests wait when every endpoint that could serve them is at its
 * {@code max_concurrent_requests}. {@code max_size} 0 refuses such requests at once; {@code prioritization} lets a
 * client header ({@code priority_header}: high, normal, low or -100..100) move a request up the queue.
 */
public record QueueConfig(Integer maxSize, Duration timeout, Boolean prioritization, String priorityHeader) {

    public QueueConfig {
        maxSize = maxSize == null ? 1000 : maxSize;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        prioritization = prioritization != null && prioritization;
        priorityHeader = priorityHeader == null ? "X-Priority" : priorityHeader;
    }
}
