package dev.sluice.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of small events rendered up front (completions are a few kilobytes), handed to {@link PacedWriter}
 * one event per write so each reaches the client as its own flush, as token streams do.
 */
final class EventChunks implements PacedWriter.Chunks {

    private final List<byte[]> events = new ArrayList<>();

    EventChunks add(String event) {
        events.add(event.getBytes(StandardCharsets.UTF_8));
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
}
