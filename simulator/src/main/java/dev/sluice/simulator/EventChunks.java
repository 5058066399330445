package dev.sluice.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of small events rendered up front (completions are a few kilobytes), handed to {@link PacedWriter}
 * one entry per write so each reaches the client as its own flush, as token streams do. An entry may hold
 * several events where the real server writes them together (llama.cpp's first chunk).
 */
final class EventChunks implements PacedWriter.Chunks {

    private final List<byte[]> events = new ArrayList<>();
    private final List<Boolean> paced = new ArrayList<>();

    /** Starts a new generation step: written after the script's pause. */
    EventChunks add(String event) {
        return append(event, true);
    }

    /** A separate write in the same step: flushed right after the previous one, without a pause. */
    EventChunks follow(String event) {
        return append(event, false);
    }

    private EventChunks append(String event, boolean pausedBefore) {
        events.add(event.getBytes(StandardCharsets.UTF_8));
        paced.add(pausedBefore);
        return this;
    }

    @Override
    public int count() {
        return events.size();
    }

    @Override
    public ByteBuffer chunk(int index) {
        return ByteBuffer.wrap(events.get(index));
    }

    @Override
    public boolean pausedBefore(int index) {
        return paced.get(index);
    }
}
