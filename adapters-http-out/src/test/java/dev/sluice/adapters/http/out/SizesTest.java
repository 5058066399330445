package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"8388608, 8 MiB", "65536, 64 KiB", "1000, 1000 bytes", "1572864, 1536 KiB"})
    void describesCapsAsOperatorsWroteThem(long bytes, String text) {
        assertThat(Sizes.describe(bytes)).isEqualTo(text);
    }
}
