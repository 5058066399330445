package dev.sluice.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT/SIGTERM: the first starts a graceful stop (in-flight streams get {@code shutdown_timeout}); a second one
 * exits at once, for an operator who does not want to wait. The JVM alone ignores signals once it is stopping.
 */
final class ShutdownSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private ShutdownSignals() {
    }

    static void install() {
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (received.incrementAndGet() == 1) {
                LOG.info("SIG{} received: stopping gracefully (send it again to exit at once)", signal.getName());
                // System.exit runs the shutdown hook; it must not run on the signal thread, which it would block.
                new Thread(() -> System.exit(0), "sluice-stop").start();
            } else {
                LOG.warn("second SIG{}: exiting now, cutting what is still running", signal.getName());
                Runtime.getRuntime().halt(130);
            }
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException unsupported) {
                LOG.debug("SIG{} cannot be handled here; the JVM's default applies", name);
            }
        }
    }
}
