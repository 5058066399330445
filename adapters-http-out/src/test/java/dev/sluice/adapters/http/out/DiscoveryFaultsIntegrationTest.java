package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.application.port.out.ModelDiscoveryException;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.Fault;
import dev.sluice.simulator.SimulatedBackend;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way a model list can go wrong ends in one ModelDiscoveryException with a one-line reason, quickly. */
class DiscoveryFaultsIntegrationTest {

    // A deadline for a hung test, not a performance bound: CI machines may be slow and busy.
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @AutoClose
    private final OutboundClients clients = JettyHealthProbeIntegrationTest.startedClients();
    @AutoClose
    private final SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).start();

    private ModelDiscovery discovery(HttpOutSettings settings) {
        return new JettyModelDiscovery(clients.probeClient(), ModelListParsers.standard(), settings);
    }

    private String failureOf(ModelDiscovery discovery, Endpoint endpoint) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> discovery.discover(endpoint).get(QUICKLY.toMillis(), TimeUnit.MILLISECONDS));
        // The port promises the exception itself, not a CompletionException around it.
        assertThat(failure.getCause()).isInstanceOf(ModelDiscoveryException.class);
        assertThat(failure.getCause().getMessage()).doesNotContain("\n");
        return failure.getCause().getMessage();
    }

    private String failureOf(Fault fault) {
        ollama.setFault(fault);
        return failureOf(discovery(HttpOutSettings.defaults("1.2.3")), TestEndpoints.forBackend(ollama, "ollama"));
    }

    @Test
    void garbage_isNotJson() {
        assertThat(failureOf(Fault.GARBAGE_DISCOVERY)).isEqualTo("answer is not JSON (application/json)");
    }

    @Test
    void aLoginPage_isNotJson_andSaysItWasHtml() {
        assertThat(failureOf(Fault.HTML_DISCOVERY)).isEqualTo("answer is not JSON (text/html)");
    }

    @Test
    void aMovedRoute_namesTheStatus() {
        assertThat(failureOf(Fault.NOT_FOUND_DISCOVERY)).isEqualTo("model list request answered HTTP 404");
    }

    @Test
    void aFiftyMegabyteList_failsAtTheCap_withoutReadingItAll() {
        assertThat(failureOf(Fault.HUGE_DISCOVERY)).isEqualTo("answer larger than 8 MiB");
    }

    @Test
    void theCapIsConfigurable() {
        ollama.setFault(Fault.HUGE_DISCOVERY);
        HttpOutSettings small = new HttpOutSettings("1.2.3", Duration.ofSeconds(5), 64 * 1024,
                Duration.ofSeconds(1));

        assertThat(failureOf(discovery(small), TestEndpoints.forBackend(ollama, "ollama")))
                .isEqualTo("answer larger than 64 KiB");
    }

    @Test
    void anOverLongContentLength_isRefusedAtTheHeaders() throws Exception {
        // Announce 100 MB, send a few bytes, and wait: only a client that trusts the header stops here.
        try (StubServer stub = StubServer.start((request, response, callback) -> {
            response.getHeaders().put("Content-Type", "application/json");
            response.getHeaders().put("Content-Length", 100L * 1024 * 1024);
            response.write(false, ByteBuffer.wrap("{\"data\":[".getBytes(StandardCharsets.UTF_8)),
                    Callback.from(() -> { }, callback::failed));
        })) {
            Endpoint endpoint = TestEndpoints.endpoint(stub.baseUri(), "/health", "/v1/models", "openai",
                    TestEndpoints.CHECK_TIMEOUT, Map.of());

            assertThat(failureOf(discovery(HttpOutSettings.defaults("1.2.3")), endpoint))
                    .isEqualTo("answer larger than 8 MiB");
        }
    }

    @Test
    void aStoppedBackend_isUnreachable() {
        Endpoint endpoint = TestEndpoints.forBackend(ollama, "ollama");
        ollama.stop();

        assertThat(failureOf(discovery(HttpOutSettings.defaults("1.2.3")), endpoint))
                .isEqualTo("cannot fetch model list: connection refused");
    }

    @Test
    void aSlowList_timesOutAtTheDiscoveryTimeout() {
        // This platform answers health and discovery on the same path, so a slow health route is a slow list.
        try (SimulatedBackend openAi = SimulatedBackend.builder(BackendKind.OPENAI_COMPATIBLE).start()) {
            openAi.setHealthDelay(Duration.ofSeconds(30));
            openAi.setFault(Fault.SLOW_HEALTH);
            HttpOutSettings impatient = new HttpOutSettings("1.2.3", Duration.ofMillis(300), 1024 * 1024,
                    Duration.ofSeconds(1));

            assertThat(failureOf(discovery(impatient), TestEndpoints.forBackend(openAi, "openai")))
                    .isEqualTo("cannot fetch model list: timed out after 300 ms");
        }
    }

    @ParameterizedTest
    @EnumSource(value = BackendKind.class, mode = EnumSource.Mode.EXCLUDE, // hosted kinds need a key: end-to-end tests
            names = {"OPENAI_API", "ANTHROPIC", "GEMINI", "AZURE_OPENAI"})
    void everyPlatformsParserRejectsAnHtmlPage(BackendKind kind) {
        try (SimulatedBackend backend = SimulatedBackend.builder(kind).start()) {
            backend.setFault(Fault.HTML_DISCOVERY);
            Endpoint endpoint = TestEndpoints.forBackend(backend, kind.cliName());

            assertThat(failureOf(discovery(HttpOutSettings.defaults("1.2.3")), endpoint))
                    .isEqualTo("answer is not JSON (text/html)");
        }
    }

    @Test
    void jsonThatIsNotAModelList_isSaidSo() throws Exception {
        try (StubServer stub = StubServer.start((request, response, callback) -> {
            response.getHeaders().put("Content-Type", "application/json");
            response.write(true, ByteBuffer.wrap("{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)), callback);
        })) {
            Endpoint endpoint = TestEndpoints.endpoint(stub.baseUri(), "/health", "/v1/models", "ollama",
                    TestEndpoints.CHECK_TIMEOUT, Map.of());

            assertThatThrownBy(() -> discovery(HttpOutSettings.defaults("1.2.3")).discover(endpoint)
                    .get(QUICKLY.toMillis(), TimeUnit.MILLISECONDS))
                    .cause().isInstanceOf(ModelDiscoveryException.class).hasMessage("no model list in answer");
        }
    }
}
