package dev.sluice.application;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A real single-threaded scheduler that also remembers the delay of every one-shot task it was given, so a test can
 * check what was asked for exactly instead of inferring it from wall-clock timing.
 */
public final class RecordingScheduler extends ScheduledThreadPoolExecutor {

    private final List<Long> delaysMillis = new CopyOnWriteArrayList<>();

    public RecordingScheduler() {
        super(1, r -> {
            Thread thread = new Thread(r, "test-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        delaysMillis.add(unit.toMillis(delay));
        return super.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        delaysMillis.add(unit.toMillis(delay));
        return super.schedule(callable, delay, unit);
    }

    /** Delays of the one-shot tasks scheduled so far, in the order they were asked for. */
    public List<Long> delaysMillis() {
        return List.copyOf(delaysMillis);
    }
}
