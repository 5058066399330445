package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatPathsTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /api/chat, true",
            "POST, /api/generate, true",
            "POST, /v1/chat/completions, true",
            "POST, /chat/completions, true",
            "POST, /api/v1/chat/completions, true",
            "POST, /engines/llama.cpp/v1/chat/completions, true",
            "POST, /v1/completions, true",
            "POST, /completion, true",
            "POST, /v1/messages, true",
            "POST, /v1/messages/count_tokens, false",
            "POST, /v1/embeddings, false",
            "POST, /api/embed, false",
            "POST, /api/show, false",
            "GET, /api/chat, false",
            "GET, /v1/models, false"
    })
    void onlyRequestsThatGenerateTextAreChat(String method, String path, boolean generates) {
        assertThat(ChatPaths.generates(method, path)).isEqualTo(generates);
    }
}
