package dev.sluice.adapters.http.in.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

    @ParameterizedTest
    @CsvSource({"$.eval_count,/eval_count", "$.usage.prompt_tokens,/usage/prompt_tokens",
            "$.choices[0].finish_reason,/choices/0/finish_reason", "$,''"})
    void profilePathsBecomePointers(String path, String pointer) {
        assertThat(JsonPaths.toPointer(path).toString()).isEqualTo(pointer);
    }

    @Test
    void filtersAndWildcardsAreRefused() {
        assertThatThrownBy(() -> JsonPaths.toPointer("$.choices[*].x")).hasMessageContaining("numeric");
        assertThatThrownBy(() -> JsonPaths.toPointer("usage.x")).hasMessageContaining("$");
    }
}
