package dev.sluice.adapters.http.in.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryProfileTest {

    @ParameterizedTest
    @CsvSource({
            "auto,      text/event-stream,              true",
            "auto,      application/x-ndjson,           true",
            "auto,      application/json; charset=utf-8, true",
            "auto,      image/png,                      false",
            "auto,      application/octet-stream,       false",
            "streaming, image/png,                      true",
            "standard,  text/event-stream,              false",
    })
    void streamsPerProfileAndContentType(String profile, String contentType, boolean streams) {
        assertThat(DeliveryProfile.streams(profile, contentType)).isEqualTo(streams);
    }
}
