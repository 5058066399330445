package dev.sluice.benchmarks.mock;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every byte the mock sends, rendered once per chunk size and reused: no JSON is built per request, so the mock
 * spends a few microseconds per answer and is never what a benchmark measures. Frames follow the real wire formats
 * (OpenAI SSE with LF line ends, Ollama NDJSON) with fixed ids and timestamps.
 */
final class Frames {

    private static final Map<Integer, Frames> BY_SIZE = new ConcurrentHashMap<>();

    final byte[] sseRole;
    final byte[] sseContent;
    final byte[] sseFinish;
    final byte[] sseDone;
    final byte[] ndjsonContent;
    final byte[] ndjsonFinal;

    private Frames(int chunkBytes) {
        String text = "x".repeat(chunkBytes);
        String head = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":";
        sseRole = bytes(head + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        sseContent = bytes(head + "{\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n");
        sseFinish = bytes(head + "{},\"finish_reason\":\"stop\"}]}\n\n");
        sseDone = bytes("data: [DONE]\n\n");
        String line = "{\"model\":\"bench\",\"created_at\":\"2026-01-01T00:00:00.000000000Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"";
        ndjsonContent = bytes(line + text + "\"},\"done\":false}\n");
        ndjsonFinal = bytes(line + "\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":12000000,"
                + "\"load_duration\":2000000,\"prompt_eval_count\":8,\"prompt_eval_duration\":1000000,"
                + "\"eval_count\":1,\"eval_duration\":9000000}\n");
    }

    static Frames of(int chunkBytes) {
        return BY_SIZE.computeIfAbsent(chunkBytes, Frames::new);
    }

    /** A whole OpenAI chat completion of about 350 bytes: the {@code small} scenario's answer. */
    static final byte[] OPENAI_ANSWER = bytes("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\","
            + "\"created\":1700000000,\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy "
            + "dog.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,"
            + "\"completion_tokens\":20,\"total_tokens\":32}}");

    /** The Ollama {@code /api/chat} answer with {@code "stream":false}. */
    static final byte[] OLLAMA_ANSWER = bytes("{\"model\":\"bench\",\"created_at\":\"2026-01-01T00:00:00.000000000Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"The quick brown fox jumps over the lazy dog. The quick "
            + "brown fox jumps over the lazy dog.\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":12000000,"
            + "\"load_duration\":2000000,\"prompt_eval_count\":12,\"eval_count\":20}");

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
