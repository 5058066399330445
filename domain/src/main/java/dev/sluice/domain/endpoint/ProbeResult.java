package dev.sluice.domain.endpoint;

import java.time.Duration;

/** What one health probe observed. Transport problems are values, not exceptions, so the policy sees every outcome. */
public sealed interface ProbeResult permits ProbeAnswered, ProbeUnreachable, ProbeSkipped {

    /** Time from sending the probe to its answer or failure. */
    Duration latency();
}
