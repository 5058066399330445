package dev.sluice.domain.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointIdsTest {

    /** FNV-1a 32 written independently of the production code: 32-bit int arithmetic, unsigned at the end. */
    private static long referenceFnv1a32(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 16777619;
        }
        return Integer.toUnsignedLong(hash);
    }

    @Nested
    class Sanitise {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "http://user:secret@gpu1:11434/api?key=abc#top, http://gpu1:11434/api",
                "https://gpu1.local/v1?token=x,                 https://gpu1.local/v1",
                "http://gpu1:8080#frag,                          http://gpu1:8080",
                "http://10.0.0.5:11434,                          http://10.0.0.5:11434",
        })
        void stripsUserinfoQueryAndFragment_keepingSchemeHostPortAndPath(String raw, String expected) {
            assertThat(EndpointIds.sanitise(URI.create(raw))).isEqualTo(URI.create(expected));
        }

        @Test
        void neverKeepsTheSecretAnywhereInTheUrl() {
            URI sanitised = EndpointIds.sanitise(URI.create("http://admin:hunter2@gpu1:11434/?api_key=hunter3"));

            assertThat(sanitised.toString()).doesNotContain("hunter2").doesNotContain("hunter3").doesNotContain("admin");
        }
    }

    @Nested
    class Fnv1a {

        @ParameterizedTest(name = "fnv1a32(\"{0}\") = {1}")
        @CsvSource({
                "'',     811c9dc5",
                "a,      e40c292c",
                "foobar, bf9cf968",
        })
        void matchesPublishedVectors(String text, String expectedHex) {
            long expected = Long.parseLong(expectedHex, 16);

            assertThat(referenceFnv1a32(text)).isEqualTo(expected);
            assertThat(EndpointIds.fnv1a32(text)).isEqualTo(expected);
        }

        @Test
        void agreesWithTheReferenceOnNonAsciiText() {
            String text = "http://gpu-ü.local:11434/ollama";

            assertThat(EndpointIds.fnv1a32(text)).isEqualTo(referenceFnv1a32(text));
        }
    }

    @Nested
    class Id {

        @Test
        void isTheBase36FnvOfTheSanitisedUrl() {
            URI url = URI.create("http://localhost:11434");

            String expected = Long.toString(referenceFnv1a32("http://localhost:11434"), 36);

            assertThat(EndpointIds.of(url)).isEqualTo(expected);
        }

        @Test
        void isLowerCaseBase36() {
            assertThat(EndpointIds.of(URI.create("http://gpu1:11434"))).matches("[0-9a-z]{1,7}");
        }

        @Test
        void isStableAcrossCalls() {
            assertThat(EndpointIds.of(URI.create("http://gpu1:11434/v1")))
                    .isEqualTo(EndpointIds.of(URI.create("http://gpu1:11434/v1")));
        }

        @Test
        void ignoresCredentialsAndQuery_soRotatingASecretKeepsTheId() {
            assertThat(EndpointIds.of(URI.create("http://u:old@gpu1:11434/v1?k=1")))
                    .isEqualTo(EndpointIds.of(URI.create("http://u:new@gpu1:11434/v1?k=2")))
                    .isEqualTo(EndpointIds.of(URI.create("http://gpu1:11434/v1")));
        }

        @Test
        void differsForDifferentHostsPortsAndPaths() {
            assertThat(java.util.Set.of(
                    EndpointIds.of(URI.create("http://gpu1:11434")),
                    EndpointIds.of(URI.create("http://gpu2:11434")),
                    EndpointIds.of(URI.create("http://gpu1:11435")),
                    EndpointIds.of(URI.create("http://gpu1:11434/v1")))).hasSize(4);
        }
    }
}
