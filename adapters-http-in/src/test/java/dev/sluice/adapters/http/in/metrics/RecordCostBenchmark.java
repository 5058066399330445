package dev.sluice.adapters.http.in.metrics;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.adapters.http.in.tokens.TokenReader;
import dev.sluice.domain.metrics.CompletedRequest;
import dev.sluice.domain.metrics.TokenUsage;
import dev.sluice.domain.profile.MetricsExtraction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two pieces of per-request metrics work in isolation, in nanoseconds: recording a finished request in the
 * registry (one thread, then four at once on the same series), and reading token figures from a stream's tail.
 * Prints figures; not part of {@code verify}: {@code -Dtest=RecordCostBenchmark}.
 */
class RecordCostBenchmark {

    private static final int OPS = 2_000_000;

    @Test
    void nanosPerRecordAndPerTokenRead() throws Exception {
        RequestRegistryTest fixture = new RequestRegistryTest();
        RequestRegistry registry = fixture.registry();
        CompletedRequest request = RequestRegistryTest.answered("llama3.2:3b", 42);
        for (int i = 0; i < OPS; i++) {
            registry.record(request);
        }
        long start = System.nanoTime();
        for (int i = 0; i < OPS; i++) {
            registry.record(request);
        }
        System.out.printf(Locale.ROOT, "registry.record, 1 thread: %.0f ns%n", (System.nanoTime() - start) / (double) OPS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < OPS / 4; i++) {
                    registry.record(request);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "registry.record, 4 threads on one series: %.0f ns per record (wall/ops)%n",
                (System.nanoTime() - start) / (double) OPS);

        TokenReader reader = new TokenReader(JsonMapper.builder().build());
        byte[] tail = ("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,"
                + "\"completion_tokens\":7,\"total_tokens\":18}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
        var profile = new dev.sluice.domain.profile.Profile("openai-compatible", "OpenAI", "", java.util.List.of("openai"),
                true, java.util.List.of("/v1/chat/completions"), "/v1/models", "/v1/models",
                dev.sluice.domain.profile.AnthropicSupport.NONE, dev.sluice.domain.profile.PlatformCharacteristics.DEFAULTS,
                java.util.Map.of(), java.util.List.of(), java.util.List.of("model"), "openai", MetricsExtraction.NONE);
        TokenUsage sink = TokenUsage.NONE;
        for (int i = 0; i < 200_000; i++) {
            sink = reader.read(profile, tail, true);
        }
        start = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            sink = reader.read(profile, tail, true);
        }
        System.out.printf(Locale.ROOT, "token read from an SSE tail: %.0f ns (%s)%n",
                (System.nanoTime() - start) / 200_000.0, sink.outputTokens());
    }
}
