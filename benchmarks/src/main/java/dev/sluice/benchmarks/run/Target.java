package dev.sluice.benchmarks.run;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Something load is sent through: the mock directly, the proxy with one engine, or an extra gateway given on the
 * command line. Its base URI stands where the mock's root would be, so {@code base + /v1/chat/completions} reaches
 * the mock's chat route through it.
 *
 * @param pids the processes whose CPU and memory are charged to this target (none for {@code direct}, where the
 *             load goes straight to the mock)
 * @param jvm  whether those processes are JVMs whose heap jcmd can read
 */
record Target(String name, URI base, Supplier<List<Long>> pids, boolean jvm) {

    static final String DIRECT = "direct";

    Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(pids, "pids");
    }

    URI chat() {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/v1/chat/completions");
    }

    boolean direct() {
        return name.equals(DIRECT);
    }

    boolean measurable() {
        return !pids.get().isEmpty();
    }
}
