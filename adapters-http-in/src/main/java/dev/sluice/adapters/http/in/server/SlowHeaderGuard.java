package dev.sluice.adapters.http.in.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code server.read_header_timeout} against slowloris: a connection that starts a request and does not complete its
 * headers within the timeout is closed, however slowly it keeps trickling bytes (the idle timeout alone never fires
 * for a client that sends a byte every few seconds), on a new connection or a kept-alive one. Jetty has no header
 * deadline of its own.
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
        new Watch(connection).schedule();
    }

    /**
     * Watches one connection: between requests (the last response committed), bytes that arrive without completing
     * a request's headers within the timeout mean a client trickling its headers, on its first request or any later
     * one on a kept-alive connection. An idle connection that sends nothing is the idle timeout's business.
     */
    private final class Watch implements Runnable {

        private final Connection connection;
        private long seenMessages = -1;
        private long seenBytes;
        private long partialSince;

        Watch(Connection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, Math.max(50, timeoutMillis / 4), TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long in = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            boolean betweenRequests = in == connection.getMessagesOut();
            long now = System.nanoTime();
            if (in != seenMessages || !betweenRequests) {
                seenMessages = in;
                seenBytes = bytes;
                partialSince = 0;
            } else if (bytes > seenBytes || in == 0 && bytes > 0) {
                if (partialSince == 0) {
                    partialSince = now;
                } else if (now - partialSince >= TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
                    LOG.info("closing a connection from {} that sent no complete request headers in {} ms",
                            connection.getEndPoint().getRemoteSocketAddress(), timeoutMillis);
                    connection.getEndPoint().close();
                    return;
                }
            }
            schedule();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        // Nothing held per connection: the scheduled check finds it closed and does nothing.
    }
}
