package dev.sluice.application.translation;

import java.util.Locale;

/** How a translated route reaches one endpoint: in the client's own dialect, or translated to the back end's. */
public enum BackendMode {
    PASSTHROUGH,
    TRANSLATION;

    /** The {@code X-Olla-Mode} header value. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
