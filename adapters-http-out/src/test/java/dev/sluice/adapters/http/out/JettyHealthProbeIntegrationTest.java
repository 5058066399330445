package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.ProbeAnswered;
import dev.sluice.domain.endpoint.ProbeResult;
import dev.sluice.domain.endpoint.ProbeUnreachable;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.Fault;
import dev.sluice.simulator.RecordedRequest;
import dev.sluice.simulator.SimulatedBackend;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JettyHealthProbeIntegrationTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final long WAIT_SECONDS = 10;

    @AutoClose
    private final OutboundClients clients = startedClients();
    @AutoClose
    private final SimulatedBackend vllm = SimulatedBackend.builder(BackendKind.VLLM).start();
    private final HealthProbe probe = new JettyHealthProbe(clients.probeClient(), InstantSource.fixed(NOW), "1.2.3");

    static OutboundClients startedClients() {
        OutboundClients clients = new OutboundClients(HttpOutSettings.defaults("1.2.3"));
        clients.start();
        return clients;
    }

    private ProbeResult probe(Endpoint endpoint) throws Exception {
        return probe.probe(endpoint).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private ProbeResult probeVllm() throws Exception {
        return probe(TestEndpoints.forBackend(vllm, "vllm"));
    }

    private static Endpoint at(URI base, Duration checkTimeout) {
        return TestEndpoints.endpoint(base, "/health", "/v1/models", "openai", checkTimeout, Map.of());
    }

    private static ProbeAnswered answered(ProbeResult result) {
        assertThat(result).isInstanceOf(ProbeAnswered.class);
        return (ProbeAnswered) result;
    }

    private static ProbeUnreachable unreachable(ProbeResult result) {
        assertThat(result).isInstanceOf(ProbeUnreachable.class);
        return (ProbeUnreachable) result;
    }

    @Nested
    class AnyHttpAnswerIsAnswered {

        @Test
        void healthyBackend_isAnswered200_withItsLatency() throws Exception {
            ProbeAnswered result = answered(probeVllm());

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.latency()).isPositive().isLessThan(Duration.ofSeconds(2));
            assertThat(result.retryAfter()).isEmpty();
        }

        @Test
        void unhealthyBackend_isAnswered503_notUnreachable() throws Exception {
            vllm.setHealthStatus(503);

            assertThat(answered(probeVllm()).status()).isEqualTo(503);
        }

        @Test
        void wrongCredentials_areAnswered401_soThePolicyCanCallItAConfigError() throws Exception {
            vllm.setHealthStatus(401);

            assertThat(answered(probeVllm()).status()).isEqualTo(401);
        }

        @Test
        void rateLimited_carriesRetryAfterSeconds() throws Exception {
            try (StubServer stub = StubServer.answering(429, "Retry-After", "7")) {
                ProbeAnswered result = answered(probe(at(stub.baseUri(), TestEndpoints.CHECK_TIMEOUT)));

                assertThat(result.status()).isEqualTo(429);
                assertThat(result.retryAfter()).contains(Duration.ofSeconds(7));
            }
        }

        @Test
        void rateLimited_carriesRetryAfterHttpDate_measuredFromTheClock() throws Exception {
            try (StubServer stub = StubServer.answering(429, "Retry-After", "Sun, 01 Jun 2025 12:00:30 GMT")) {
                ProbeAnswered result = answered(probe(at(stub.baseUri(), TestEndpoints.CHECK_TIMEOUT)));

                assertThat(result.retryAfter()).contains(Duration.ofSeconds(30));
            }
        }

        @Test
        void aRedirectIsAnsweredNotFollowed() throws Exception {
            try (StubServer stub = StubServer.answering(302, "Location", vllm.baseUri() + "/health")) {
                assertThat(answered(probe(at(stub.baseUri(), TestEndpoints.CHECK_TIMEOUT))).status()).isEqualTo(302);
            }
            assertThat(vllm.requestCount("/health")).isZero();
        }

        @Test
        void endlessBody_isAnsweredAtOnce_andHungUpLongBeforeTheTimeout() throws Exception {
            EndlessBody body = new EndlessBody();
            try (StubServer stub = StubServer.start(body)) {
                Duration longTimeout = Duration.ofSeconds(60);

                assertThat(answered(probe(at(stub.baseUri(), longTimeout))).status()).isEqualTo(200);
                // Only the 64 KiB cap can end this exchange early: the stream never ends by itself. What was
                // written beyond the cap sat in socket buffers (a few MiB on loopback); without the cap the
                // probe would read gigabytes before the timeout.
                assertThat(body.hungUp.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                assertThat(body.written.get()).isLessThan(32L * 1024 * 1024);
            }
        }
    }

    @Nested
    class NoHttpAnswerIsUnreachable {

        @Test
        void stoppedBackend_isUnreachable_connectionRefused() throws Exception {
            Endpoint endpoint = TestEndpoints.forBackend(vllm, "vllm");
            vllm.stop();

            assertThat(unreachable(probe(endpoint)).reason()).isEqualTo("connection refused");
        }

        @Test
        void restartedBackend_answersAgain() throws Exception {
            Endpoint endpoint = TestEndpoints.forBackend(vllm, "vllm");
            vllm.stop();
            assertThat(probe(endpoint)).isInstanceOf(ProbeUnreachable.class);

            vllm.start();

            assertThat(answered(probe(endpoint)).status()).isEqualTo(200);
        }

        @Test
        void slowHealth_beyondTheCheckTimeout_isUnreachable_timedOut() throws Exception {
            vllm.setHealthDelay(Duration.ofSeconds(30));
            vllm.setFault(Fault.SLOW_HEALTH);
            Endpoint endpoint = TestEndpoints.forBackend(vllm, "vllm", Duration.ofMillis(300), Map.of());

            ProbeUnreachable result = unreachable(probe(endpoint));

            assertThat(result.reason()).isEqualTo("timed out after 300 ms");
            assertThat(result.latency()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        }

        @Test
        void resetConnection_isUnreachable() throws Exception {
            try (ResettingServer server = new ResettingServer()) {
                assertThat(unreachable(probe(at(server.baseUri(), TestEndpoints.CHECK_TIMEOUT))).reason())
                        .isIn("connection reset", "connection closed before an answer");
            }
        }

        @Test
        void unknownHost_isUnreachable() throws Exception {
            Endpoint endpoint = at(URI.create("http://no-such-host.invalid:9/"), TestEndpoints.CHECK_TIMEOUT);

            assertThat(unreachable(probe(endpoint)).reason()).isIn("unknown host", "timed out after 2000 ms");
        }

        @Test
        void aClientNotYetStarted_givesUnreachable_neverAnExceptionalFuture() throws Exception {
            try (OutboundClients notStarted = new OutboundClients(HttpOutSettings.defaults("1.2.3"))) {
                HealthProbe early = new JettyHealthProbe(notStarted.probeClient(), InstantSource.system(), "1.2.3");

                ProbeResult result = early.probe(TestEndpoints.forBackend(vllm, "vllm"))
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);

                assertThat(result).isInstanceOf(ProbeUnreachable.class);
            }
        }
    }

    @Nested
    class WhatTheBackendSees {

        @Test
        void probeHeadersMatchOllas_withOurName() throws Exception {
            probeVllm();

            RecordedRequest request = lastRequestTo("/health");
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.header("User-Agent")).contains("sluice-HealthChecker/1.2.3");
            assertThat(request.header("Accept")).contains("application/json, text/plain, */*");
            assertThat(request.header("Cache-Control")).contains("no-cache");
        }

        @Test
        void outboundAuthHeadersReachTheBackend() throws Exception {
            Map<String, String> headers = Map.of("Authorization", "Bearer sk-test", "X-Team", "infra");

            probe(TestEndpoints.forBackend(vllm, "vllm", TestEndpoints.CHECK_TIMEOUT, headers));

            RecordedRequest request = lastRequestTo("/health");
            assertThat(request.header("authorization")).contains("Bearer sk-test");
            assertThat(request.header("x-team")).contains("infra");
        }

        @Test
        void noCookieIsSentBack() throws Exception {
            try (StubServer stub = StubServer.answering(200, "Set-Cookie", "session=abc; Path=/")) {
                probe(at(stub.baseUri(), TestEndpoints.CHECK_TIMEOUT));
            }

            probeVllm();

            assertThat(lastRequestTo("/health").header("Cookie")).isEmpty();
        }

        private RecordedRequest lastRequestTo(String path) {
            return vllm.requests().stream().filter(r -> r.path().equals(path))
                    .reduce((first, second) -> second).orElseThrow();
        }
    }
}
