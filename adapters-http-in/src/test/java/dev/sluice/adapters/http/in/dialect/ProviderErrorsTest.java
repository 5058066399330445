package dev.sluice.adapters.http.in.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every hosted API's error body, read for its message and kind, and written in OpenAI's envelope. */
class ProviderErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "openai|{\"error\":{\"message\":\"Rate limit reached for gpt-4o\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}|Rate limit reached for gpt-4o|requests",
            "anthropic|{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}}|Number of requests has exceeded your rate limit|rate_limit_error",
            "gemini|{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}|Resource has been exhausted (e.g. check quota).|RESOURCE_EXHAUSTED",
            "bedrock|{\"message\":\"Too many requests, please wait before trying again.\"}|Too many requests, please wait before trying again.|",
            "plain text|upstream connect error|upstream connect error|",
    })
    void readsMessageAndKind(String provider, String body, String message, String kind) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(ProviderErrors.message(JSON, bytes)).isEqualTo(message);
        assertThat(ProviderErrors.kind(JSON, bytes)).isEqualTo(Optional.ofNullable(kind));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"400,invalid_request_error", "401,authentication_error", "403,permission_error",
            "429,rate_limit_error", "529,api_error", "500,api_error"})
    void openAiEnvelope_typeByStatus_codeFromTheProvider(int status, String type) throws Exception {
        assertThat(JSON.readTree(new OpenAiReplies(JSON).error(status, "overloaded_error", "Overloaded")))
                .isEqualTo(JSON.readTree("{\"error\":{\"message\":\"Overloaded\",\"type\":\"" + type
                        + "\",\"param\":null,\"code\":\"overloaded_error\"}}"));
    }
}
