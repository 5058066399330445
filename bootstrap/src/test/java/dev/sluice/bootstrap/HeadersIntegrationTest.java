package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.RecordedRequest;
import dev.sluice.simulator.SimulatedBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What crosses the proxy in headers, each way. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HeadersIntegrationTest {

    private SimulatedBackend vllm;
    private RunningProxy proxy;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        vllm = SimulatedBackend.builder(BackendKind.VLLM).name("vllm").models("m1").start();
        proxy = RunningProxy.start(dir, RunningProxy.config("",
                RunningProxy.endpoint("vllm", vllm.baseUri(), "vllm", "auth: {type: bearer, token: backend-secret}",
                        "headers: {X-Team: ml}")));
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        vllm.close();
    }

    private HttpResponse<String> send(String... headers) throws Exception {
        return proxy.http.send(HttpRequest.newBuilder(proxy.uri("/olla/vllm/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10)).headers(headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m1\",\"messages\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private RecordedRequest lastChat() {
        List<RecordedRequest> chats = vllm.requests().stream().filter(r -> r.path().equals("/v1/chat/completions")).toList();
        return chats.get(chats.size() - 1);
    }

    @Test
    void theBackendGetsTheEndpointsCredentialsNeverTheClients() throws Exception {
        assertThat(send("Authorization", "Bearer client-key", "Cookie", "session=abc").statusCode()).isEqualTo(200);
        RecordedRequest seen = lastChat();
        assertThat(seen.header("authorization")).contains("Bearer backend-secret");
        assertThat(seen.header("x-team")).contains("ml");
        assertThat(seen.header("cookie")).isEmpty();
    }

    @Test
    void theEndpointsSecretAppearsInNoStatusPageAndNoAnswer() throws Exception {
        for (String path : new String[] {"/internal/status", "/internal/status/endpoints", "/internal/status/models",
                "/version", "/olla/models", "/olla/vllm/v1/models"}) {
            assertThat(proxy.get(path).body()).as(path).doesNotContain("backend-secret");
        }
        HttpResponse<String> answer = send("Accept", "application/json");
        assertThat(answer.body()).doesNotContain("backend-secret");
        assertThat(answer.headers().map().toString()).doesNotContain("backend-secret");
    }

    @Test
    void theBackendLearnsWhoAskedThroughForwardingHeaders() throws Exception {
        send("X-Forwarded-For", "203.0.113.7");
        RecordedRequest seen = lastChat();
        assertThat(seen.header("x-forwarded-for")).get().asString().startsWith("203.0.113.7, 127.0.0.1");
        assertThat(seen.header("x-forwarded-proto")).contains("http");
        assertThat(seen.header("x-real-ip")).isPresent();
        assertThat(seen.header("via")).get().asString().contains("sluice");
        assertThat(seen.header("host")).get().asString().contains(String.valueOf(vllm.port()));
    }

    @Test
    void aSaneClientRequestIdIsReusedAndAnInsaneOneReplaced() throws Exception {
        assertThat(send("X-Request-ID", "trace-123").headers().firstValue("X-Olla-Request-ID")).contains("trace-123");
        assertThat(lastChat().header("x-olla-request-id")).contains("trace-123");
        assertThat(send("X-Request-ID", "x".repeat(300)).headers().firstValue("X-Olla-Request-ID")).get()
                .asString().hasSizeLessThan(64);
    }

    @Test
    void responsesNameTheEndpointAndTheProxy() throws Exception {
        HttpResponse<String> response = send("Accept", "application/json");
        assertThat(response.headers().firstValue("X-Olla-Endpoint")).contains("vllm");
        assertThat(response.headers().firstValue("X-Olla-Backend-Type")).contains("vllm");
        assertThat(response.headers().firstValue("X-Olla-Response-Time")).get().asString().endsWith("ms");
        assertThat(response.headers().firstValue("X-Served-By")).get().asString().startsWith("Sluice/");
        assertThat(response.headers().allValues("Via")).anyMatch(v -> v.contains("sluice"));
    }
}
