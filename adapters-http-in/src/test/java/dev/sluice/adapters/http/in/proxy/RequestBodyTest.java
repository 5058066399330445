package dev.sluice.adapters.http.in.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static RequestBody inspect(String body, String contentType) throws Exception {
        return RequestBody.inspect(body.getBytes(StandardCharsets.UTF_8), contentType, List.of("model"));
    }

    @Test
    void findsTheTopLevelModelExactlyAsWritten() throws Exception {
        RequestBody body = inspect("{\"messages\":[{\"model\":\"inner\"}],\"model\":\"Llama3.2:3B\"}", "application/json");
        assertThat(body.model()).contains("Llama3.2:3B");
    }

    @Test
    void rewritesOnlyTheModelsValueLeavingEveryOtherByte() throws Exception {
        String original = "{ \"model\" : \"alias\",\n  \"stream\":true, \"x\": \"caf\u00e9\" }";
        RequestBody body = inspect(original, "application/json");
        String rewritten = new String(body.withModel("org/real-\"name\""), StandardCharsets.UTF_8);
        assertThat(rewritten).isEqualTo("{ \"model\" : \"org/real-\\\"name\\\"\",\n  \"stream\":true, \"x\": \"caf\u00e9\" }");
    }

    @Test
    void malformedJsonDeclaredAsJsonIsRefused() {
        assertThatThrownBy(() -> inspect("{\"model\": \"x\",", "application/json"))
                .isInstanceOf(RequestBody.MalformedJson.class);
        assertThatThrownBy(() -> inspect("{\"model\": \"x\"} trailing", "application/json; charset=utf-8"))
                .isInstanceOf(RequestBody.MalformedJson.class);
    }

    @Test
    void jsonSentWithAFormTypeIsStillReadButNeverRefused() throws Exception {
        assertThat(inspect("{\"model\":\"m\"}", "application/x-www-form-urlencoded").model()).contains("m");
        assertThat(inspect("{\"model\": broken", "application/x-www-form-urlencoded").model()).isEmpty();
        assertThat(inspect("--boundary\r\n{\"model\":\"m\"}", "multipart/form-data; boundary=boundary").model()).isEmpty();
    }

    @Test
    void aBlankOrNonStringModelIsNoModel() throws Exception {
        assertThat(inspect("{\"model\":\"  \"}", "application/json").model()).isEmpty();
        assertThat(inspect("{\"model\":42}", "application/json").model()).isEmpty();
        assertThat(inspect("[1,2]", "application/json").model()).isEmpty();
    }

    @Test
    void rememberWhereTheConversationStartsForStickySessions() throws Exception {
        RequestBody body = inspect("{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}]}", "application/json");
        assertThat(new String(body.bytes(), body.conversationStart(), 2, StandardCharsets.UTF_8)).isEqualTo("[{");
    }

    @Test
    void laterFieldNamesInTheListAreFallbacks() throws Exception {
        RequestBody body = RequestBody.inspect("{\"name\":\"old-style\"}".getBytes(StandardCharsets.UTF_8),
                "application/json", List.of("model", "name"));
        assertThat(body.model()).contains("old-style");
    }
}
