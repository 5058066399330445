package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.application.port.out.ModelDiscoveryException;
import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.endpoint.ProviderSettings;
import dev.sluice.domain.model.DiscoveredModel;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Discovery against hosted APIs: their headers reach the list call, a refused key is named, Azure calls nobody. */
class HostedApiDiscoveryIntegrationTest {

    @AutoClose
    private final OutboundClients clients = JettyHealthProbeIntegrationTest.startedClients();
    private final ModelDiscovery discovery = new JettyModelDiscovery(clients.probeClient(),
            ModelListParsers.standard(), HttpOutSettings.defaults("1.2.3"));

    private static Endpoint hosted(URI base, String format, Map<String, String> headers, ProviderSettings provider) {
        Endpoint e = TestEndpoints.endpoint(base, "/v1/models?limit=1", "/v1/models?limit=1000", format,
                TestEndpoints.CHECK_TIMEOUT, headers);
        return new Endpoint(e.id(), e.name(), e.url(), e.type(), e.profile(), e.priority(), e.preservePath(),
                e.healthCheckUrl(), e.modelUrl(), e.checkInterval(), e.checkTimeout(), e.modelFilter(),
                e.outboundHeaders(), provider);
    }

    @Test
    void anthropicListCallCarriesTheKeyAndVersionHeaders_andItsPageSize() throws Exception {
        AtomicReference<HttpFields> seen = new AtomicReference<>();
        AtomicReference<String> query = new AtomicReference<>();
        try (StubServer api = StubServer.start((request, response, callback) -> {
            seen.set(request.getHeaders());
            query.set(request.getHttpURI().getQuery());
            response.getHeaders().put("Content-Type", "application/json");
            response.write(true, ByteBuffer.wrap(("{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-20250514\","
                    + "\"display_name\":\"Claude Sonnet 4\",\"created_at\":\"2025-05-22T00:00:00Z\"}],\"has_more\":false}")
                    .getBytes(StandardCharsets.UTF_8)), callback);
        })) {
            Endpoint anthropic = hosted(api.baseUri(), "anthropic",
                    Map.of("x-api-key", "sk-ant", "anthropic-version", "2023-06-01"), ProviderSettings.NONE);

            assertThat(discovery.discover(anthropic).get(10, TimeUnit.SECONDS)).extracting(DiscoveredModel::name)
                    .containsExactly("claude-sonnet-4-20250514");
            assertThat(seen.get().get("x-api-key")).isEqualTo("sk-ant");
            assertThat(seen.get().get("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(query.get()).isEqualTo("limit=1000");
        }
    }

    @Test
    void aRefusedKeyFailsDiscoveryNamingWhereTheKeyComesFrom() {
        try (StubServer api = StubServer.start((request, response, callback) -> {
            response.setStatus(401);
            response.getHeaders().put("Content-Type", "application/json");
            response.write(true, ByteBuffer.wrap("{\"error\":{\"message\":\"Incorrect API key provided\"}}"
                    .getBytes(StandardCharsets.UTF_8)), callback);
        })) {
            Endpoint openai = hosted(api.baseUri(), "openai", Map.of("Authorization", "Bearer wrong"),
                    new ProviderSettings(Optional.empty(), Map.of(), false,
                            "the API key in discovery.static.endpoints[0].auth (OPENAI_API_KEY)"));

            assertThatThrownBy(() -> discovery.discover(openai).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ModelDiscoveryException.class)
                    .hasMessage("model list request answered HTTP 401: check the API key in "
                            + "discovery.static.endpoints[0].auth (OPENAI_API_KEY)")
                    .message().doesNotContain("wrong");
        }
    }

    @Test
    void azureDeploymentsAreTheCatalogue_withNoCallToTheResource() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StubServer api = StubServer.start((Request request, org.eclipse.jetty.server.Response response,
                                                org.eclipse.jetty.util.Callback callback) -> {
            calls.incrementAndGet();
            response.setStatus(500);
            callback.succeeded();
        })) {
            Endpoint azure = hosted(api.baseUri(), "azure-deployments", Map.of("api-key", "az"),
                    new ProviderSettings(Optional.of("2024-10-21"), Map.of("gpt-4o", "prod-4o",
                            "text-embedding-3-small", "embed"), false, "its key"));

            assertThat(discovery.discover(azure).get(10, TimeUnit.SECONDS)).extracting(DiscoveredModel::name)
                    .containsExactly("gpt-4o", "text-embedding-3-small");
            assertThat(calls).hasValue(0);
        }
    }
}
