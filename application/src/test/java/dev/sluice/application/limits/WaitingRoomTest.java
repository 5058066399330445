package dev.sluice.application.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sluice.domain.limits.QueueRefusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitingRoomTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger places = new AtomicInteger();
    private final List<String> returned = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A waiter that claims one of the shared places, named so the test sees who got served. */
    private WaitingRoom.Claim<String> claim(String name) {
        return new WaitingRoom.Claim<>() {
            @Override
            public Optional<String> tryClaim() {
                while (true) {
                    int now = places.get();
                    if (now == 0) {
                        return Optional.empty();
                    }
                    if (places.compareAndSet(now, now - 1)) {
                        return Optional.of(name);
                    }
                }
            }

            @Override
            public boolean worthWaiting() {
                return true;
            }
        };
    }

    private WaitingRoom<String> room(int size, Duration timeout) {
        return new WaitingRoom<>(size, timeout, scheduler, returned::add);
    }

    @Test
    void servesWaitersByPriorityThenArrivalAsPlacesFree() {
        WaitingRoom<String> room = room(10, Duration.ofMinutes(1));
        CompletableFuture<Optional<String>> first = room.await(claim("first"), 0);
        CompletableFuture<Optional<String>> second = room.await(claim("second"), 0);
        CompletableFuture<Optional<String>> urgent = room.await(claim("urgent"), 10);
        assertThat(room.waiting()).isEqualTo(3);

        places.incrementAndGet();
        room.drain();
        assertThat(urgent).isCompletedWithValue(Optional.of("urgent"));
        assertThat(first).isNotDone();

        places.incrementAndGet();
        room.drain();
        assertThat(first).isCompletedWithValue(Optional.of("first"));
        assertThat(second).isNotDone();
        assertThat(room.waiting()).isEqualTo(1);
        assertThat(room.admitted()).isEqualTo(2);
    }

    @Test
    void aFullRoomRefusesAtOnce() {
        WaitingRoom<String> room = room(1, Duration.ofMinutes(1));
        room.await(claim("in"), 0);
        CompletableFuture<Optional<String>> refused = room.await(claim("out"), 0);
        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((v, e) -> ((QueueRefusal) e).reason()).join()).isEqualTo(QueueRefusal.Reason.FULL);
        assertThat(room.refusedFull()).isEqualTo(1);
    }

    @Test
    void aRoomOfSizeZeroNeverQueues() {
        CompletableFuture<Optional<String>> refused = room(0, Duration.ofMinutes(1)).await(claim("x"), 0);
        assertThat(refused).isCompletedExceptionally();
    }

    @Test
    void aWaiterWhoseTimeRunsOutIsRefusedAndLeavesTheRoom() {
        WaitingRoom<String> room = room(5, Duration.ofMillis(50));
        CompletableFuture<Optional<String>> waiting = room.await(claim("slow"), 0);
        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting.handle((v, e) -> e instanceof CompletionException c ? c.getCause() : e).join())
                .isInstanceOfSatisfying(QueueRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(QueueRefusal.Reason.TIMED_OUT));
        assertThat(room.waiting()).isZero();
        assertThat(room.timedOut()).isEqualTo(1);
    }

    @Test
    void aCancelledWaiterLeavesAtOnceAndIsNeverServed() {
        WaitingRoom<String> room = room(5, Duration.ofMinutes(1));
        CompletableFuture<Optional<String>> gone = room.await(claim("gone"), 0);
        gone.cancel(false);
        assertThat(room.waiting()).isZero();
        places.incrementAndGet();
        room.drain();
        assertThat(places.get()).isEqualTo(1);
    }

    @Test
    void aPlaceFreeWhenJoiningIsTakenWithoutWaitingForTheNextRelease() {
        places.set(1);
        CompletableFuture<Optional<String>> served = room(5, Duration.ofMinutes(1)).await(claim("lucky"), 0);
        assertThat(served).isCompletedWithValue(Optional.of("lucky"));
    }

    @Test
    void aWaiterWithNothingLeftToWaitForIsAnsweredEmpty() {
        WaitingRoom<String> room = room(5, Duration.ofMinutes(1));
        boolean[] worth = {true};
        CompletableFuture<Optional<String>> waiting = room.await(new WaitingRoom.Claim<>() {
            @Override
            public Optional<String> tryClaim() {
                return Optional.empty();
            }

            @Override
            public boolean worthWaiting() {
                return worth[0];
            }
        }, 0);
        assertThat(waiting).isNotDone();
        worth[0] = false;
        room.drain();
        assertThat(waiting).isCompletedWithValue(Optional.empty());
        assertThat(room.waiting()).isZero();
    }
}
