package dev.sluice.application.limits;

import dev.sluice.application.port.in.ReportQueue;
import dev.sluice.domain.limits.QueueRefusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Requests waiting for a place at a busy endpoint: bounded, ordered by priority then arrival, each with a
 * deadline. A waiter is a future, not a thread: it completes on the thread that freed a place. The lock is taken
 * only while someone waits; the request path with an empty room reads one atomic.
 *
 * @param <T> what a waiter receives when a place frees up (an attempt with its lease taken)
 */
public final class WaitingRoom<T> implements ReportQueue {

    /** A waiter's way to claim a place: present when it got one. Called under the room's lock, one at a time. */
    public interface Claim<T> {
        Optional<T> tryClaim();

        /** True while the waiter could still be served by waiting (some candidate is merely full). */
        boolean worthWaiting();
    }

    private final int maxSize;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final Consumer<T> returnUnused;
    private final Object lock = new Object();
    private final TreeSet<Waiter<T>> waiters = new TreeSet<>(
            Comparator.comparingInt((Waiter<T> w) -> -w.priority).thenComparingLong(w -> w.seq));
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder admitted = new LongAdder();
    private final LongAdder refusedFull = new LongAdder();
    private final LongAdder timedOut = new LongAdder();

    /**
     * @param maxSize      most requests waiting at once; 0 turns waiting off (a full endpoint is refused at once)
     * @param timeout      longest a request waits
     * @param returnUnused gives back a place claimed for a waiter that left in the meantime
     */
    public WaitingRoom(int maxSize, Duration timeout, ScheduledExecutorService scheduler, Consumer<T> returnUnused) {
        this.maxSize = maxSize;
        this.timeout = timeout;
        this.scheduler = scheduler;
        this.returnUnused = returnUnused;
    }

    /**
     * Waits for a place. Fails with {@link QueueRefusal} when the room is full or the deadline passes; completes
     * empty when waiting stopped making sense (every candidate went away). Cancel the future if the client leaves.
     */
    public CompletableFuture<Optional<T>> await(Claim<T> claim, int priority) {
        if (maxSize <= 0) {
            refusedFull.increment();
            return CompletableFuture.failedFuture(new QueueRefusal(QueueRefusal.Reason.FULL, Duration.ofSeconds(1),
                    "every endpoint for this request is at its concurrency limit and queueing is off"));
        }
        Waiter<T> waiter = new Waiter<>(claim, priority, sequence.incrementAndGet());
        synchronized (lock) {
            if (waiters.size() >= maxSize) {
                refusedFull.increment();
                return CompletableFuture.failedFuture(new QueueRefusal(QueueRefusal.Reason.FULL, Duration.ofSeconds(1),
                        "the request queue is full (" + maxSize + " waiting)"));
            }
            waiters.add(waiter);
            size.incrementAndGet();
        }
        waiter.deadline = scheduler.schedule(() -> expire(waiter), timeout.toMillis(), TimeUnit.MILLISECONDS);
        waiter.future.whenComplete((value, failure) -> {
            waiter.deadline.cancel(false);
            if (failure instanceof CancellationException) {
                remove(waiter);
            }
        });
        // A place may have freed between the caller's failed try and joining the queue: look once now.
        drain();
        return waiter.future;
    }

    /** Hands freed places to waiters, best first. Call after every release. */
    public void drain() {
        // A claim that gives a place back while we iterate lands here again: the pass under way covers it.
        if (size.get() == 0 || Thread.holdsLock(lock)) {
            return;
        }
        List<Runnable> completions = new ArrayList<>();
        synchronized (lock) {
            for (Iterator<Waiter<T>> it = waiters.iterator(); it.hasNext(); ) {
                Waiter<T> waiter = it.next();
                if (waiter.future.isDone()) {
                    it.remove();
                    size.decrementAndGet();
                    continue;
                }
                Optional<T> place = waiter.claim.tryClaim();
                if (place.isPresent()) {
                    it.remove();
                    size.decrementAndGet();
                    admitted.increment();
                    T value = place.get();
                    completions.add(() -> {
                        if (!waiter.future.complete(Optional.of(value))) {
                            returnUnused.accept(value);
                        }
                    });
                } else if (!waiter.claim.worthWaiting()) {
                    it.remove();
                    size.decrementAndGet();
                    completions.add(() -> waiter.future.complete(Optional.empty()));
                }
            }
        }
        // Completed outside the lock: a completion may release a place and drain again.
        completions.forEach(Runnable::run);
    }

    private void expire(Waiter<T> waiter) {
        if (remove(waiter)) {
            timedOut.increment();
            waiter.future.completeExceptionally(new QueueRefusal(QueueRefusal.Reason.TIMED_OUT, Duration.ofSeconds(1),
                    "no endpoint freed up within the " + timeout.toMillis() + " ms queue timeout"));
        }
    }

    private boolean remove(Waiter<T> waiter) {
        synchronized (lock) {
            if (waiters.remove(waiter)) {
                size.decrementAndGet();
                return true;
            }
            return false;
        }
    }

    @Override
    public Stats stats() {
        return new Stats(size.get(), Math.max(0, maxSize), admitted.sum(), refusedFull.sum(), timedOut.sum(),
                timeout.toMillis());
    }

    public int waiting() {
        return size.get();
    }

    public int capacity() {
        return maxSize;
    }

    /** Requests that waited and then got a place. */
    public long admitted() {
        return admitted.sum();
    }

    public long refusedFull() {
        return refusedFull.sum();
    }

    public long timedOut() {
        return timedOut.sum();
    }

    private static final class Waiter<T> {
        final Claim<T> claim;
        final int priority;
        final long seq;
        final CompletableFuture<Optional<T>> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> deadline;

        Waiter(Claim<T> claim, int priority, long seq) {
            this.claim = claim;
            this.priority = priority;
            this.seq = seq;
        }
    }
}
