package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpOutSettingsTest {

    @Test
    void defaultsMatchOllasDiscoveryTimeoutAndOurEightMebibyteCap() {
        HttpOutSettings settings = HttpOutSettings.defaults("1.2.3");

        assertThat(settings.discoveryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxDiscoveryBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(settings.connectTimeout()).isPositive();
    }

    @Test
    void rejectsACapJettyCannotBuffer() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpOutSettings("1", Duration.ofSeconds(1),
                3L * 1024 * 1024 * 1024, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpOutSettings("1", Duration.ofSeconds(1),
                0, Duration.ofSeconds(1)));
    }

    @Test
    void rejectsNonPositiveTimeoutsAndABlankVersion() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpOutSettings("1", Duration.ZERO, 1,
                Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpOutSettings("1", Duration.ofSeconds(1), 1,
                Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpOutSettings.defaults(" "));
    }
}
