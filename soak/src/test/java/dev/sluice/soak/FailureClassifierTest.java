package dev.sluice.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    /** sim-1 is killed between t=1000 and t=1100; it was serving soak-7 and soak-8. */
    private static final KillWindow KILL = new KillWindow("sim-1", 1_000, 1_100, Set.of("soak-7", "soak-8"));

    private static Failure failure(String id, long start, long end) {
        return new Failure(id, TrafficKind.OLLAMA_STREAM, Problem.of(FailureKind.TRUNCATED, "EofException"),
                "sim-1", start, end);
    }

    @Test
    void aStreamCutWhenItsBackendDiedIsExcused() {
        Failure cut = failure("soak-7", 900, 1_050);

        Classification result = FailureClassifier.classify(List.of(cut), List.of(KILL));

        assertThat(result.inFlightOnKilled()).containsExactly(cut);
        assertThat(result.clean()).isTrue();
    }

    @Test
    void aFailureOnABackendNobodyKilledIsARegression() {
        Failure failed = failure("soak-9", 900, 1_050);

        Classification result = FailureClassifier.classify(List.of(failed), List.of(KILL));

        assertThat(result.regressions()).containsExactly(failed);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void withoutAnyKillEveryFailureIsARegression() {
        Failure failed = failure("soak-7", 900, 1_050);

        assertThat(FailureClassifier.classify(List.of(failed), List.of()).regressions()).containsExactly(failed);
    }

    @Test
    void noFailuresIsClean() {
        assertThat(FailureClassifier.classify(List.of(), List.of(KILL)).clean()).isTrue();
    }

    @Test
    void theInputOrderIsKeptOnBothSides() {
        Failure a = failure("soak-8", 950, 1_020);
        Failure b = failure("soak-1", 10, 20);
        Failure c = failure("soak-7", 990, 1_001);
        Failure d = failure("soak-2", 30, 40);

        Classification result = FailureClassifier.classify(List.of(a, b, c, d), List.of(KILL));

        assertThat(result.inFlightOnKilled()).containsExactly(a, c);
        assertThat(result.regressions()).containsExactly(b, d);
    }

    @Nested
    class TheKillMustOverlapTheRequest {

        @Test
        void aRequestThatFailedBeforeTheKillBeganIsARegression() {
            // Same id (the backend had it), but it was already over when the backend died: the kill cannot explain it.
            assertThat(FailureClassifier.classify(List.of(failure("soak-7", 500, 999)), List.of(KILL)).clean())
                    .isFalse();
        }

        @Test
        void aRequestSentAfterTheBackendWasGoneIsARegression() {
            // By then the proxy should have failed over: a dead backend is a connection refused, never a client error.
            assertThat(FailureClassifier.classify(List.of(failure("soak-8", 1_101, 1_200)), List.of(KILL)).clean())
                    .isFalse();
        }

        @Test
        void theEdgesOfTheKillWindowCount() {
            Failure endsAsItStarts = failure("soak-7", 900, 1_000);
            Failure startsAsItEnds = failure("soak-8", 1_100, 1_300);

            assertThat(FailureClassifier.classify(List.of(endsAsItStarts, startsAsItEnds), List.of(KILL)).clean())
                    .isTrue();
        }
    }

    @Nested
    class InFlightIds {

        @Test
        void outstandingAtTheKillOrSentAfterItCanBeLive() {
            Set<String> outstanding = Set.of("soak-3");

            assertThat(InFlight.liveAt("soak-3", outstanding, 10)).isTrue();
            assertThat(InFlight.liveAt("soak-11", outstanding, 10)).isTrue();
        }

        @Test
        void finishedBeforeTheKillOrNotOursIsNot() {
            Set<String> outstanding = Set.of("soak-3");

            assertThat(InFlight.liveAt("soak-4", outstanding, 10)).isFalse();
            assertThat(InFlight.liveAt("req-abc", outstanding, 10)).isFalse();
            assertThat(InFlight.liveAt("soak-x", outstanding, 10)).isFalse();
        }
    }
}
