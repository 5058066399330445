package dev.sluice.domain.balancing;

/**
 * An exponentially weighted average of response times that also fades with time: each new sample moves it by
 * {@code weight}, and a figure older than {@code maxAge} no longer counts, so an endpoint that was slow once gets
 * another chance after a while. Immutable; holders swap instances atomically.
 *
 * @param millis      the average, in milliseconds
 * @param sampledAtNs when the last sample arrived ({@link System#nanoTime()} scale)
 */
public record DecayingAverage(double millis, long sampledAtNs) {

    /** How much one new sample counts. */
    public static final double WEIGHT = 0.3;

    /** The average after one more sample. */
    public DecayingAverage with(double sampleMillis, long nowNs) {
        return new DecayingAverage(millis + WEIGHT * (sampleMillis - millis), nowNs);
    }

    public static DecayingAverage first(double sampleMillis, long nowNs) {
        return new DecayingAverage(sampleMillis, nowNs);
    }

    /** Whether the figure still says something at {@code nowNs}. */
    public boolean freshAt(long nowNs, long maxAgeNs) {
        return nowNs - sampledAtNs <= maxAgeNs;
    }
}
