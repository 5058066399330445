package dev.sluice.simulator;

import java.util.List;

/**
 * Which requests generate text, whatever the platform: chat faults and error bursts apply to these and nothing
 * else. Every platform's generating routes end in one of a few well-known paths ({@code /v1/chat/completions}
 * under Lemonade's and DMR's prefixes included); embeddings, model info and token counting are left alone.
 */
final class ChatPaths {

    private static final List<String> GENERATING_SUFFIXES = List.of("/chat/completions", "/v1/completions",
            "/api/chat", "/api/generate", "/v1/messages");

    private ChatPaths() {
    }

    static boolean generates(String method, String path) {
        if (!method.equals("POST")) {
            return false;
        }
        if (path.equals("/completion")) {
            return true; // llama.cpp's native route
        }
        return GENERATING_SUFFIXES.stream().anyMatch(path::endsWith);
    }
}
