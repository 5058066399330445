package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chat faults: what a client of a misbehaving backend sees on the wire, and that only generating routes misbehave. */
class ChatFaultTest {

    private static final String CHAT = "{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]%s}";
    private static final String STREAM = String.format(CHAT, ",\"stream\":true");
    private static final String WHOLE = String.format(CHAT, ",\"stream\":false");

    private static TestHttp http;

    @BeforeAll
    static void startClient() {
        http = new TestHttp();
    }

    @AfterAll
    static void stopClient() {
        http.close();
    }

    private static SimulatedBackend ollama(ChatFault fault) {
        SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).models("llama3.2:3b").start();
        backend.setChatFault(fault);
        return backend;
    }

    private static ContentResponse post(SimulatedBackend backend, String path, String json) throws Exception {
        return http.request(backend, path).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", json)).send();
    }

    @Nested
    class StallBeforeHeaders {

        @Test
        void acceptsTheRequestAndNeverAnswers() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.STALL_BEFORE_HEADERS);
                 RawExchange exchange = RawExchange.post(backend, "/api/chat", STREAM)) {
                assertThat(exchange.silentFor(300)).isTrue();
                assertThat(backend.requestCount("/api/chat")).isEqualTo(1);
            }
        }

        @Test
        void healthDiscoveryAndEmbeddingsStillAnswer() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.STALL_BEFORE_HEADERS)) {
                assertThat(http.get(backend, "/").getStatus()).isEqualTo(200);
                assertThat(http.get(backend, "/api/tags").getStatus()).isEqualTo(200);
                assertThat(post(backend, "/v1/embeddings", "{\"model\":\"llama3.2:3b\",\"input\":\"hi\"}").getStatus())
                        .isEqualTo(200);
            }
        }

        @Test
        void stoppingTheBackendClosesTheStalledConnection() {
            SimulatedBackend backend = ollama(ChatFault.STALL_BEFORE_HEADERS);
            CompletableFuture<Result> chat = new CompletableFuture<>();
            http.client().POST(backend.baseUri().resolve("/api/chat")).timeout(30, TimeUnit.SECONDS)
                    .body(new StringRequestContent("application/json", STREAM)).send(chat::complete);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> backend.requestCount("/api/chat") == 1);

            backend.stop();

            assertThat(chat).succeedsWithin(Duration.ofSeconds(TestHttp.TIMEOUT_SECONDS))
                    .satisfies(result -> assertThat(result.isFailed()).isTrue());
        }
    }

    @Nested
    class StallAfterHeaders {

        @Test
        void sendsTheRoutesOwnStatusAndHeadersThenNothing() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.STALL_AFTER_HEADERS);
                 RawExchange exchange = RawExchange.post(backend, "/api/chat", STREAM)) {
                String head = exchange.head();

                assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Type: application/x-ndjson");
                assertThat(exchange.silentFor(300)).as("no body byte follows the headers").isTrue();
            }
        }

        @Test
        void aWholeBodyAnswerPromisesItsLengthAndNeverSendsIt() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.STALL_AFTER_HEADERS);
                 RawExchange exchange = RawExchange.post(backend, "/api/chat", WHOLE)) {
                assertThat(exchange.head()).containsIgnoringCase("Content-Length:");
                assertThat(exchange.silentFor(300)).isTrue();
            }
        }
    }

    @Nested
    class DropMidStream {

        @Test
        void sendsTheFirstChunkAndPartOfTheNextThenClosesWithoutEndingTheBody() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.DROP_MID_STREAM);
                 RawExchange exchange = RawExchange.post(backend, "/api/chat", STREAM)) {
                assertThat(exchange.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("chunked");
                RawExchange.Dechunked body = exchange.chunkedBody();

                assertThat(body.terminated()).as("no terminating chunk").isFalse();
                String[] lines = body.data().split("\n", -1);
                assertThat(lines).hasSize(2);
                assertThat(new ObjectMapper().readTree(lines[0]).at("/message/content").asText()).isEqualTo("The");
                assertThat(lines[1]).as("half a line").startsWith("{\"model\"").doesNotEndWith("}");
            }
        }

        @Test
        void aWholeBodyAnswerStopsShortOfItsContentLength() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.DROP_MID_STREAM);
                 RawExchange exchange = RawExchange.post(backend, "/api/chat", WHOLE)) {
                String head = exchange.head();
                int length = Integer.parseInt(head.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));

                assertThat(exchange.restUntilClosed().length()).isPositive().isLessThan(length);
            }
        }
    }

    @Nested
    class TruncatedSse {

        @Test
        void anSseStreamEndsCleanlyInTheMiddleOfAnEvent() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.TRUNCATED_SSE)) {
                ContentResponse response = post(backend, "/v1/chat/completions", STREAM);
                String body = response.getContentAsString();

                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(response.getHeaders().get("Content-Type")).startsWith("text/event-stream");
                assertThat(body).startsWith("data: {").contains("\n\ndata: {").doesNotEndWith("\n\n")
                        .doesNotContain("[DONE]");
            }
        }

        @Test
        void theHttpBodyItselfIsProperlyTerminated() throws Exception {
            try (SimulatedBackend backend = ollama(ChatFault.TRUNCATED_SSE);
                 RawExchange exchange = RawExchange.post(backend, "/api/chat", STREAM)) {
                exchange.head();
                RawExchange.Dechunked body = exchange.chunkedBody();

                assertThat(body.terminated()).isTrue();
                assertThat(body.data()).contains("\n").doesNotEndWith("\n");
            }
        }
    }

    @Test
    void malformedJsonIs200WithAJsonContentTypeAndABodyNoParserAccepts() throws Exception {
        try (SimulatedBackend backend = ollama(ChatFault.MALFORMED_JSON)) {
            ContentResponse response = post(backend, "/api/chat", WHOLE);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaders().get("Content-Type")).startsWith("application/json");
            assertThatThrownBy(() -> new ObjectMapper().readTree(response.getContentAsString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/chat", "/api/generate", "/v1/chat/completions", "/v1/messages"})
    void everyGeneratingRouteOfAPlatformMisbehaves(String path) throws Exception {
        try (SimulatedBackend backend = ollama(ChatFault.MALFORMED_JSON)) {
            assertThat(post(backend, path, WHOLE).getContentAsString()).isEqualTo(MalformedJsonRoute.BODY);
        }
    }

    @Test
    void noneRestoresFaithfulAnswers() throws Exception {
        try (SimulatedBackend backend = ollama(ChatFault.MALFORMED_JSON)) {
            backend.setChatFault(ChatFault.NONE);

            ContentResponse response = post(backend, "/api/chat", WHOLE);

            assertThat(TestHttp.json(response).at("/message/content").asText()).isEqualTo("The quick brown fox jumps");
        }
    }

    @Test
    void aFailingHealthCheckLeavesChatAnswering() throws Exception {
        try (SimulatedBackend backend = ollama(ChatFault.NONE)) {
            backend.setHealthStatus(503);

            assertThat(http.get(backend, "/").getStatus()).isEqualTo(503);
            assertThat(post(backend, "/api/chat", WHOLE).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aStalledRequestTripsAClientTimeout() {
        try (SimulatedBackend backend = ollama(ChatFault.STALL_BEFORE_HEADERS)) {
            assertThatThrownBy(() -> http.client().POST(backend.baseUri().resolve("/api/chat"))
                    .body(new StringRequestContent("application/json", STREAM))
                    .timeout(200, TimeUnit.MILLISECONDS).send())
                    .isInstanceOf(TimeoutException.class);
        }
    }
}
