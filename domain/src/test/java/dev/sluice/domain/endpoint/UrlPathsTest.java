package dev.sluice.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPathsTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            // Hosted APIs configured by their SDK base URL: the version prefix is written once.
            "/openai/v1, /v1/models, /openai/v1/models",
            "/openai/v1/, /v1/chat/completions, /openai/v1/chat/completions",
            "/api/v1, /v1/key, /api/v1/key",
            "/v1, /v1/models, /v1/models",
            "/v1beta, /v1beta/models, /v1beta/models",
            "/api/v1, /api/v1/health, /api/v1/health",
            // No base path, or nothing shared: a plain join, as before.
            "'', /v1/models, /v1/models",
            "/, /api/tags, /api/tags",
            "/engines, /health, /engines/health",
            "/engines/llama.cpp/v1, /engines/v1/models, /engines/llama.cpp/v1/engines/v1/models",
            // A shared segment that is not a version may be a real mount point: left doubled.
            "/api, /api/tags, /api/api/tags",
            "/openai, /openai/v1/models, /openai/openai/v1/models",
            // The request's trailing slash survives.
            "/openai/v1, /v1/files/, /openai/v1/files/",
            "/v1, /v1/, /v1",
    })
    void joinsWithoutDoublingAVersionPrefix(String base, String request, String joined) {
        assertThat(UrlPaths.join(base, request)).isEqualTo(joined);
    }

    @ParameterizedTest
    @CsvSource({"v1", "v2", "v1beta", "v1alpha2", "v10"})
    void versionSegmentsCountAsOverlap(String version) {
        assertThat(UrlPaths.join("/x/" + version, "/" + version + "/y")).isEqualTo("/x/" + version + "/y");
    }

    @ParameterizedTest
    @CsvSource({"version", "vx", "1", "beta"})
    void otherSegmentsDoNot(String segment) {
        assertThat(UrlPaths.join("/x/" + segment, "/" + segment + "/y")).isEqualTo("/x/" + segment + "/" + segment + "/y");
    }
}
