package dev.sluice.adapters.http.in.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.balancing.RequestNeeds;
import dev.sluice.domain.balancing.RequestNeeds.Operation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestNeedsReaderTest {

    private static RequestNeeds read(String body, String path) {
        return RequestNeedsReader.read(body.getBytes(StandardCharsets.UTF_8), path);
    }

    @Test
    void aPlainChatNeedsNothingButItsPromptSize() {
        RequestNeeds needs = read("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(400) + "\"}]}", "/v1/chat/completions");
        assertThat(needs.operation()).isEqualTo(Operation.GENERATE);
        assertThat(needs.tools()).isFalse();
        assertThat(needs.vision()).isFalse();
        assertThat(needs.promptTokens()).isBetween(100L, 105L);
    }

    @Test
    void openAiToolsAndEarlierToolCallsNeedTools() {
        assertThat(read("{\"model\":\"m\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}],"
                + "\"messages\":[]}", "/v1/chat/completions").tools()).isTrue();
        assertThat(read("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"1\",\"content\":\"20C\"}]}",
                "/v1/chat/completions").tools()).isTrue();
        assertThat(read("{\"model\":\"m\",\"tools\":[],\"messages\":[]}", "/v1/chat/completions").tools()).isFalse();
    }

    @Test
    void imagesInEachDialectNeedVisionAndTheirBytesAreNotPromptText() {
        String base64 = "A".repeat(40_000);
        RequestNeeds openAi = read("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"what is this\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,"
                + base64 + "\"}}]}]}", "/v1/chat/completions");
        assertThat(openAi.vision()).isTrue();
        assertThat(openAi.promptTokens()).isLessThan(100);
        RequestNeeds anthropic = read("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + base64
                + "\"}}]}]}", "/v1/messages");
        assertThat(anthropic.vision()).isTrue();
        assertThat(anthropic.promptTokens()).isLessThan(100);
        RequestNeeds ollama = read("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"images\":[\""
                + base64 + "\"]}]}", "/api/chat");
        assertThat(ollama.vision()).isTrue();
        assertThat(ollama.promptTokens()).isLessThan(100);
        assertThat(read("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"images\":[]}]}",
                "/api/chat").vision()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/v1/chat/completions, GENERATE",
            "/v1/completions,      GENERATE",
            "/api/chat,            GENERATE",
            "/api/generate,        GENERATE",
            "/v1/messages,         GENERATE",
            "/v1/embeddings,       EMBED",
            "/api/embed,           EMBED",
            "/api/embeddings,      EMBED",
            "/api/show,            OTHER",
            "/v1/models,           OTHER",
    })
    void thePathSaysWhatTheRequestDoes(String path, Operation operation) {
        assertThat(RequestNeedsReader.operation(path)).isEqualTo(operation);
    }

    @Test
    void aBodyThatIsNotJsonAsksForNothing() {
        assertThat(read("not json", "/api/chat")).isEqualTo(new RequestNeeds(Operation.GENERATE, false, false, 0));
    }
}
