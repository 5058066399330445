package dev.sluice.application.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.port.out.RequestMetrics;
import dev.sluice.domain.endpoint.RequestOutcome.FailureKind;
import dev.sluice.domain.metrics.CompletedRequest;
import dev.sluice.domain.metrics.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    private static CompletedRequest refused(int status) {
        return new CompletedRequest("req-1", "127.0.0.1", "POST", "/olla/proxy/v1/chat/completions", "proxy",
                Optional.of("m"), Optional.empty(), Optional.empty(), status, 0, Optional.empty(), Duration.ofMillis(3),
                TokenUsage.NONE, FailureKind.NONE, 0, Optional.empty());
    }

    @Test
    void everyRequestReachesTheMetrics_andOversizedBodiesCountAsViolations() {
        List<CompletedRequest> seen = new ArrayList<>();
        RequestJournal journal = new RequestJournal(seen::add, false);
        journal.completed(refused(413));
        journal.completed(refused(404));
        assertThat(seen).hasSize(2);
        assertThat(journal.sizeLimitViolations()).isEqualTo(1);
    }

    @Test
    void tokensAreWantedOnlyWhenSomethingReadsThem() {
        assertThat(new RequestJournal(RequestMetrics.NONE, false).wantsTokens()).isFalse();
        assertThat(new RequestJournal(RequestMetrics.NONE, true).wantsTokens()).isTrue();
        assertThat(new RequestJournal(r -> { }, false).wantsTokens()).isTrue();
    }

    @Test
    void aRefusalBeforeRoutingIsNotASuccess() {
        assertThat(refused(404).success()).isFalse();
    }
}
