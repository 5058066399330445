package dev.sluice.adapters.http.in.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code server.read_header_timeout} against slowloris: a connection that has not delivered one complete set of
 * request headers within the timeout is closed, however slowly it keeps trickling bytes (the idle timeout alone
 * never fires for a client that sends a byte every few seconds). Jetty has no header deadline of its own.
 */
final class SlowHeaderGuard implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(SlowHeaderGuard.class);

    private final Scheduler scheduler;
    private final long timeoutMillis;

    SlowHeaderGuard(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        scheduler.schedule(() -> {
            if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                LOG.info("closing a connection from {} that sent no complete request headers in {} ms",
                        connection.getEndPoint().getRemoteSocketAddress(), timeoutMillis);
                connection.getEndPoint().close();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
        // Nothing held per connection: the scheduled check finds it closed and does nothing.
    }
}
