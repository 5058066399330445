package dev.sluice.soak;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line, parsed. Kept apart from {@link SoakRun} so every rule about arguments is testable without
 * starting backends, a proxy or a JVM exit.
 *
 * @param duration     how long traffic runs with backends being killed (after the warm-up)
 * @param warmup       traffic with every backend up before the baseline footprint is taken
 * @param concurrency  closed-loop workers, each with one request outstanding
 * @param killEvery    pause between two kills; backends are killed in turn
 * @param restartAfter how long a killed backend stays down
 * @param proxyJar     the proxy's runnable jar, started as a child process
 * @param balancer     {@code proxy.load_balancer} for the generated config
 * @param seed         seeds the traffic mix, so two runs send the same sequence of kinds
 * @param help         whether usage was asked for (nothing else is then checked)
 */
record SoakArgs(Duration duration, Duration warmup, int concurrency, Duration killEvery, Duration restartAfter,
                Path proxyJar, String balancer, long seed, boolean help) {

    static final String USAGE = String.join("\n",
            "Usage: java -jar soak/target/soak.jar [--duration 10m] [--concurrency 16] [--kill-every 30s]",
            "                                      [--restart-after 10s] [--warmup 10s] [--proxy-jar PATH]",
            "                                      [--balancer round-robin|least-connections] [--seed N]",
            "",
            "Starts 3 simulated Ollama backends and the proxy jar as a child process, drives mixed streaming and",
            "non-streaming traffic through it on 127.0.0.1, kills one backend in turn every --kill-every and",
            "restarts it --restart-after later, then prints a summary. Exit 0 when the only failed requests were",
            "in flight on a backend as it was killed, 1 otherwise, 2 for bad arguments.",
            "",
            "  --duration D       traffic time with kills, after the warm-up (default: 10m)",
            "  --warmup D         traffic before the baseline footprint, no kills (default: 10s)",
            "  --concurrency N    closed-loop workers (default: 16)",
            "  --kill-every D     time between kills (default: 30s)",
            "  --restart-after D  downtime of a killed backend; under 2x --kill-every (default: 10s)",
            "  --proxy-jar PATH   the proxy (default: bootstrap/target/bootstrap.jar)",
            "  --balancer NAME    round-robin or least-connections (default: round-robin)",
            "  --seed N           traffic mix seed (default: 1)",
            "  --help             show this text",
            "",
            "Durations: 500ms, 45s, 10m, 1h, or a plain number of seconds.");

    static final List<String> BALANCERS = List.of("round-robin", "least-connections");

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    SoakArgs {
        requireNonNull(duration, "duration");
        requireNonNull(warmup, "warmup");
        requireNonNull(killEvery, "killEvery");
        requireNonNull(restartAfter, "restartAfter");
        requireNonNull(proxyJar, "proxyJar");
        requireNonNull(balancer, "balancer");
    }

    /** Thrown for arguments a user must fix; its message says what is wrong in their words. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static SoakArgs defaults() {
        return new SoakArgs(Duration.ofMinutes(10), Duration.ofSeconds(10), 16, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Path.of("bootstrap", "target", "bootstrap.jar"), "round-robin", 1, false);
    }

    static SoakArgs parse(String... args) throws UsageException {
        SoakArgs d = defaults();
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            return new SoakArgs(d.duration, d.warmup, d.concurrency, d.killEvery, d.restartAfter, d.proxyJar,
                    d.balancer, d.seed, true);
        }
        Duration duration = d.duration;
        Duration warmup = d.warmup;
        int concurrency = d.concurrency;
        Duration killEvery = d.killEvery;
        Duration restartAfter = d.restartAfter;
        Path proxyJar = d.proxyJar;
        String balancer = d.balancer;
        long seed = d.seed;
        List<String> queue = new ArrayList<>(Arrays.asList(args));
        while (!queue.isEmpty()) {
            String option = queue.remove(0);
            // Accept both "--duration 60s" and "--duration=60s", as most CLIs do.
            int equals = option.indexOf('=');
            String inline = equals > 0 ? option.substring(equals + 1) : null;
            String flag = equals > 0 ? option.substring(0, equals) : option;
            switch (flag) {
                case "--duration":
                    duration = parseDuration(flag, valueOf(flag, inline, queue), Duration.ofSeconds(1));
                    break;
                case "--warmup":
                    warmup = parseDuration(flag, valueOf(flag, inline, queue), Duration.ZERO);
                    break;
                case "--concurrency":
                    concurrency = (int) parseNumber(flag, valueOf(flag, inline, queue), 1, 1024);
                    break;
                case "--kill-every":
                    killEvery = parseDuration(flag, valueOf(flag, inline, queue), Duration.ofSeconds(1));
                    break;
                case "--restart-after":
                    restartAfter = parseDuration(flag, valueOf(flag, inline, queue), Duration.ZERO);
                    break;
                case "--proxy-jar":
                    proxyJar = Path.of(valueOf(flag, inline, queue));
                    break;
                case "--balancer":
                    balancer = parseBalancer(valueOf(flag, inline, queue));
                    break;
                case "--seed":
                    seed = parseNumber(flag, valueOf(flag, inline, queue), Long.MIN_VALUE, Long.MAX_VALUE);
                    break;
                default:
                    throw new UsageException("unknown option '" + option + "'");
            }
        }
        // Kills rotate over three backends: a restart later than two kill periods would let all three be down at
        // once, and then a failure says nothing about the proxy.
        if (restartAfter.compareTo(killEvery.multipliedBy(2)) >= 0) {
            throw new UsageException("--restart-after (" + restartAfter.toMillis() + "ms) must be shorter than twice"
                    + " --kill-every (" + killEvery.toMillis() + "ms), or every backend could be down at once");
        }
        return new SoakArgs(duration, warmup, concurrency, killEvery, restartAfter, proxyJar, balancer, seed, false);
    }

    /** {@code 500ms}, {@code 45s}, {@code 10m}, {@code 1h}; a bare number is seconds. */
    static Duration parseDuration(String flag, String value, Duration min) throws UsageException {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            try {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                Duration parsed = unit.equals("ms") ? Duration.ofMillis(amount)
                        : unit.equals("s") ? Duration.ofSeconds(amount)
                        : unit.equals("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
                if (parsed.compareTo(min) >= 0) {
                    return parsed;
                }
                throw new UsageException(flag + " must be at least " + min.toMillis() + "ms, not '" + value + "'");
            } catch (NumberFormatException | ArithmeticException e) {
                // Too large to be a duration: reported below like any other unreadable value.
            }
        }
        throw new UsageException(flag + " must be a duration such as 500ms, 45s, 10m or 1h, not '" + value + "'");
    }

    private static String valueOf(String flag, String inline, List<String> queue) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (queue.isEmpty() || queue.get(0).startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return queue.remove(0);
    }

    private static long parseNumber(String flag, String value, long min, long max) throws UsageException {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range number.
        }
        throw new UsageException(flag + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static String parseBalancer(String value) throws UsageException {
        if (BALANCERS.contains(value)) {
            return value;
        }
        throw new UsageException("--balancer must be one of " + BALANCERS + ", not '" + value + "'");
    }
}
